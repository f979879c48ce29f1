package vn.khien.vulnerabilities.scans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.findings.FindingStatus;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * The rows an import decides to write, one record per kind of write with its columns by name (ADR 0011). The
 * {@link FindingMatcher} appends them; {@link ImportWriter} writes and clears them in batches.
 */
final class ImportRows {

    /** A finding seen for the first time. */
    record NewFinding(
            long id,
            long systemId,
            String tool,
            @Nullable String format,
            @Nullable String keyScheme,
            String fingerprint,
            String title,
            Severity severity,
            @Nullable String cves,
            @Nullable String cwes,
            @Nullable String cvssVector,
            @Nullable Double cvssScore,
            @Nullable String description,
            @Nullable String solution,
            @Nullable String refs,
            @Nullable String component,
            @Nullable String primaryHost,
            LocalDate firstSeen,
            @Nullable LocalDate dueDate,
            long scanId,
            Instant at) {}

    /** A place of a finding seen for the first time. */
    record NewLocation(
            long findingId,
            String locationKey,
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String protocol,
            @Nullable String path,
            @Nullable String url,
            @Nullable String filePath,
            @Nullable Integer line,
            long scanId) {}

    /** A known finding reported again (confirms its current key as well). */
    record Seen(long findingId, LocalDate lastSeen, long scanId) {}

    /** A fixed finding reported again. */
    record Reopened(long findingId, @Nullable LocalDate dueDate, Instant at) {}

    /** A finding no longer reported by a full scan. */
    record Closed(long findingId, long scanId, LocalDate closedOn, Instant at) {}

    /** A place fixed by this scan ({@code fixed}) or affected again. */
    record LocationChange(
            long locationId, boolean fixed, @Nullable Long fixedByScanId) {}

    /** A status step of a finding, for its history. */
    record StatusChange(long findingId, FindingStatus from, FindingStatus to, long scanId, Instant at) {}

    /** The scanner rates a known finding differently. */
    record SeverityChange(
            long findingId, Severity to, @Nullable LocalDate dueDate) {}

    /** The history line of a severity change. */
    record SeverityHistory(long findingId, FindingStatus status, Severity from, Severity to, long scanId, Instant at) {}

    /** A stored finding moved to the key this version of the parser gives it. */
    record Rekey(long findingId, String fingerprint) {}

    /**
     * A finding of an earlier per-place keying whose place is now one location of another finding (the merged one,
     * {@code into}): closed by this scan, its history saying where it went.
     */
    record Merged(long findingId, long into, FindingStatus from, long scanId, LocalDate closedOn, Instant at) {}

    /** A re-keyed finding that also changes key scheme (per place → merged). */
    record SchemeChange(long findingId, @Nullable String keyScheme) {}

    /**
     * A finding written early under a provisional key while its places were read (ADR 0061), given its final columns
     * at the end of the report.
     */
    record Completed(NewFinding finding) {}

    final List<Rekey> rekeyed = new ArrayList<>();
    final List<NewFinding> newFindings = new ArrayList<>();
    final List<NewLocation> newLocations = new ArrayList<>();
    final List<Seen> seen = new ArrayList<>();
    final List<Reopened> reopened = new ArrayList<>();
    final List<Closed> closed = new ArrayList<>();
    final List<LocationChange> locationChanges = new ArrayList<>();
    final List<StatusChange> history = new ArrayList<>();
    final List<SeverityChange> severityChanges = new ArrayList<>();
    final List<SeverityHistory> severityHistory = new ArrayList<>();
    final List<Merged> merged = new ArrayList<>();
    final List<SchemeChange> schemeChanges = new ArrayList<>();
    final List<Completed> completed = new ArrayList<>();

    /** Everything pending, moved into a new instance (handed to the writer thread); this one is left empty. */
    ImportRows takeAll() {
        ImportRows taken = new ImportRows();
        move(rekeyed, taken.rekeyed);
        move(newFindings, taken.newFindings);
        move(newLocations, taken.newLocations);
        move(seen, taken.seen);
        move(reopened, taken.reopened);
        move(closed, taken.closed);
        move(locationChanges, taken.locationChanges);
        move(history, taken.history);
        move(severityChanges, taken.severityChanges);
        move(severityHistory, taken.severityHistory);
        move(merged, taken.merged);
        move(schemeChanges, taken.schemeChanges);
        move(completed, taken.completed);
        return taken;
    }

    private static <R> void move(List<R> from, List<R> to) {
        to.addAll(from);
        from.clear();
    }

    /** Whether some kind of row reached {@code batch} ({@code locationBatch} for new locations). */
    boolean full(int batch, int locationBatch) {
        return newFindings.size() >= batch
                || newLocations.size() >= locationBatch
                || seen.size() >= batch
                || history.size() >= batch
                || locationChanges.size() >= batch
                || severityChanges.size() >= batch
                || closed.size() >= batch
                || merged.size() >= batch;
    }

    boolean isEmpty() {
        return rekeyed.isEmpty()
                && newFindings.isEmpty()
                && newLocations.isEmpty()
                && seen.isEmpty()
                && reopened.isEmpty()
                && closed.isEmpty()
                && locationChanges.isEmpty()
                && history.isEmpty()
                && severityChanges.isEmpty()
                && severityHistory.isEmpty()
                && merged.isEmpty()
                && schemeChanges.isEmpty()
                && completed.isEmpty();
    }
}
