package vn.khien.vulnerabilities.findings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a finding's history: a scan or a person moved it from one state to another, and why; or a scan
 * rated it at another severity ({@code fromSeverity}/{@code toSeverity}, the status unchanged).
 */
record FindingChange(
        long id,
        long findingId,
        @Nullable FindingStatus from,
        FindingStatus to,
        @Nullable Long scanId,
        String changedByName,
        String reason,
        Instant changedAt,
        String fromSeverity,
        String toSeverity) {

    public boolean severityChange() {
        return toSeverity != null;
    }
}
