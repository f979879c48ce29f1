package vn.khien.vulnerabilities.scans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * One import of one report into one system, inside the caller's transaction: the parsers' sink. The decisions are
 * the {@link FindingMatcher}'s (in memory, no SQL), the writes the {@link ImportWriter}'s (named columns, JDBC
 * batches, COPY on PostgreSQL). Built for speed: the existing findings and locations of the system and tool are
 * loaded once, and there is no SELECT per finding.
 */
final class ImportRun implements ReportParsers.FormatAwareSink, FindingMatcher.Store {

    private final ImportWriter writer;
    private final FindingMatcher matcher;
    private IntConsumer resultsListener;
    private boolean emptyReport;

    ImportRun(
            JdbcTemplate jdbc,
            long systemId,
            long scanId,
            String format,
            LocalDate scanDate,
            SlaDays sla,
            Instant now) {
        this.writer = new ImportWriter(jdbc, systemId);
        this.matcher = new FindingMatcher(this, systemId, scanId, format, scanDate, sla, now);
    }

    /** The format, given or detected, told by the parsers before the first finding (it decides the key scheme). */
    @Override
    public void format(String detected) {
        matcher.format(detected);
    }

    /** An empty file with its format stated: zero findings, and no proof that anything was fixed. */
    @Override
    public void emptyReport() {
        this.emptyReport = true;
    }

    /** Whether the report was an empty file (then even a full scan closes nothing). */
    boolean wasEmptyReport() {
        return emptyReport;
    }

    @Override
    public void accept(ParsedFinding f) {
        matcher.accept(f);
        if (resultsListener != null) {
            resultsListener.accept(matcher.results());
        }
    }

    /** Told the number of results (places) taken so far after each finding. */
    void onResults(IntConsumer listener) {
        this.resultsListener = listener;
    }

    /** Closes what a full scan no longer reports; call after the whole report parsed. */
    int closeUnreported(Set<String> fallbackTools) {
        flush();
        int closed = matcher.closeUnreported(fallbackTools);
        flush();
        return closed;
    }

    ImportCounts counts(int closed) {
        return matcher.counts(closed);
    }

    Set<String> tools() {
        return matcher.tools();
    }

    void flush() {
        writer.write(matcher.rows());
    }

    @Override
    public void load(
            String tool,
            String mergedScheme,
            Consumer<FindingMatcher.StoredFinding> findings,
            Consumer<String> legacyFirstPlaces,
            Consumer<FindingMatcher.StoredLocation> locations) {
        flush(); // rows created so far must be visible to the location query
        writer.load(tool, mergedScheme, findings, legacyFirstPlaces, locations);
    }

    @Override
    public long nextFindingId() {
        return writer.nextFindingId();
    }

    @Override
    public void rowsAdded(ImportRows rows) {
        writer.rowsAdded(rows);
    }
}
