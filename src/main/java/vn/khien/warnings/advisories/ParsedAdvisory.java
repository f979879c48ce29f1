package vn.khien.warnings.advisories;

import java.time.LocalDate;
import java.util.List;
import vn.khien.warnings.matching.AffectedProducts;

/**
 * One advisory read from a feed: a KEV entry, an NVD CVE record, a CSAF document, an OSV record or a MISP event.
 * {@code key} identifies it across re-imports (re-importing updates the row with that key).
 */
record ParsedAdvisory(
        FeedKind kind,
        String key,
        String title,
        String description,
        String severity,
        List<String> cves,
        AffectedProducts affected,
        String source,
        LocalDate published,
        Kev kev) {

    /** KEV-only facts: when CISA added the CVE and the remediation due date it set. */
    public record Kev(
            String vendorProject, String product, LocalDate dateAdded, LocalDate dueDate, String ransomware) {}
}
