package vn.khien.compliance.evidence;

import java.time.LocalDate;

/** A link and/or a file proving a requirement, with the last day it is valid (null: does not expire). */
public record EvidenceRequest(
        String title, String url, LocalDate validUntil, String fileName, String contentType, byte[] content) {
    /** Evidence files are scans and certificates, not archives of the system. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
}
