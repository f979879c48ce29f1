package vn.khien.warnings.advisories;

import java.time.LocalDate;
import java.util.List;
import vn.khien.warnings.matching.AffectedProducts;

/**
 * One advisory read from a feed: a KEV entry, an NVD CVE record, a CSAF document, an OSV record or a MISP event.
 * {@code key} identifies it across re-imports (re-importing updates the row with that key). {@code checks}: the CSAF
 * tests a CSAF document failed without being refused, kept with the advisory (empty for the other formats), at most
 * {@link CsafValidation#MAX_KEPT}; {@code checksTotal} counts them all.
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
        Kev kev,
        List<CsafCheck> checks,
        int checksTotal) {

    /** An advisory of a format without CSAF tests. */
    ParsedAdvisory(
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
        this(kind, key, title, description, severity, cves, affected, source, published, kev, List.of(), 0);
    }

    /** The same advisory with the CSAF tests it failed without being refused (ADR 0062). */
    ParsedAdvisory withChecks(List<CsafCheck> failed, int total) {
        return new ParsedAdvisory(
                kind,
                key,
                title,
                description,
                severity,
                cves,
                affected,
                source,
                published,
                kev,
                List.copyOf(failed),
                Math.max(total, failed.size()));
    }

    /** KEV-only facts: when CISA added the CVE and the remediation due date it set. */
    public record Kev(
            String vendorProject, String product, LocalDate dateAdded, LocalDate dueDate, String ransomware) {}
}
