package vn.khien.compliance.evidence;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A link and/or a file proving a requirement, with the last day it is valid (null: does not expire). */
public record EvidenceRequest(
        @Nullable String title,
        @Nullable String url,
        @Nullable LocalDate validUntil,
        @Nullable String fileName,
        @Nullable String contentType,
        byte @Nullable [] content) {
    /** Evidence files are scans and certificates, not archives of the system. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
}
