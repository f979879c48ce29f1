package vn.khien.compliance.evidence;

/** Bytes of an uploaded evidence or report file, for download. */
public record EvidenceFile(String fileName, String contentType, byte[] content) {}
