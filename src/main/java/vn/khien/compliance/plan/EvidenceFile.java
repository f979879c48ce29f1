package vn.khien.compliance.plan;

/** Bytes of an uploaded evidence or report file, for download. */
record EvidenceFile(String fileName, String contentType, byte[] content) {}
