package vn.khien.vulnerabilities.scans;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.MergedPlaces;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * One import of one report into one system, inside the caller's transaction: the parsers' sink. The decisions are
 * the {@link FindingMatcher}'s (in memory, no SQL), the writes the {@link ImportWriter}'s (named columns, JDBC
 * batches, COPY on PostgreSQL). Built for speed: the existing findings and locations of the system and tool are
 * loaded once, and there is no SELECT per finding.
 *
 * <p>A pipeline (ADR 0061): while the report is parsed on the calling thread, the writes run on an
 * {@link ImportPipeline} thread, on the transaction's own connection, in order. When the system has nothing of the
 * report's tool yet, the places of a format's merged findings are written as they are read ({@link MergedPlaces}):
 * each finding's row first under a provisional key, then its places, and at the end of the report the finding's final
 * columns ({@link FindingMatcher#completeEarly}); if two of them end with one key, the early writes are rolled back to
 * a savepoint and the complete findings imported the usual way. {@link #finish} ends the pipeline; from then on the
 * writes run on the calling thread. {@link #close} stops it on failure, before the caller rolls back.
 */
final class ImportRun implements ReportParsers.FormatAwareSink, MergedPlaces, FindingMatcher.Store, AutoCloseable {

    private final DataSource dataSource;
    private final Connection connection;
    private final ImportWriter writer;
    private final ImportPipeline pipeline;
    private final long systemId;
    private final long scanId;
    private final LocalDate scanDate;
    private final SlaDays sla;
    private final Instant now;
    private @Nullable String format;
    private FindingMatcher matcher;
    private boolean finished;
    private @Nullable IntConsumer resultsListener;
    private boolean emptyReport;
    private long nextId;
    private long idsLeft;
    private final AtomicInteger batches = new AtomicInteger();

    /** Findings written early: null while undecided (before the report's first finding), then whether. */
    private @Nullable Boolean early;
    /** Something the early writes cannot stand for was seen: the findings are imported again at the end. */
    private boolean earlyBroken;

    private @Nullable Savepoint beforeEarly;
    private final List<Long> earlyIds = new ArrayList<>();
    private final List<ParsedFinding> earlyFirsts = new ArrayList<>();
    private final List<ParsedFinding> earlyComplete = new ArrayList<>();

    ImportRun(
            JdbcTemplate jdbc,
            long systemId,
            long scanId,
            @Nullable String format,
            LocalDate scanDate,
            SlaDays sla,
            Instant now) {
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the import's data source");
        // the transaction's connection: the writer thread uses it alone until finish() or close()
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.writer = new ImportWriter(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), systemId);
        this.systemId = systemId;
        this.scanId = scanId;
        this.scanDate = scanDate;
        this.sla = sla;
        this.now = now;
        this.format = format;
        this.matcher = newMatcher();
        this.pipeline = new ImportPipeline("scan-import-" + scanId);
    }

    private FindingMatcher newMatcher() {
        return new FindingMatcher(this, systemId, scanId, format, scanDate, sla, now);
    }

    /** The format, given or detected, told by the parsers before the first finding (it decides the key scheme). */
    @Override
    public void format(String detected) {
        this.format = detected;
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
        if (Boolean.TRUE.equals(early)) {
            earlyComplete.add(f); // its row and places are written; its final columns at the end of the report
            return;
        }
        if (early == null) {
            early = false;
        }
        matcher.accept(f);
        resultsChanged();
    }

    @Override
    public void finding(int number, ParsedFinding first) {
        if (early == null) {
            early = matcher.canWriteEarly(toolOf(first));
            if (early) {
                beforeEarly = ask(connection::setSavepoint);
            }
        }
        if (!early || earlyBroken) {
            return;
        }
        if (number != earlyIds.size()
                || !earlyIds.isEmpty() && !toolOf(earlyFirsts.get(0)).equals(toolOf(first))) {
            earlyBroken = true; // not the order or the tool the early writes assume
            return;
        }
        earlyIds.add(matcher.createEarly(first));
        earlyFirsts.add(first);
    }

    @Override
    public void place(int number, Location place) {
        if (Boolean.TRUE.equals(early) && !earlyBroken && number < earlyIds.size()) {
            matcher.placeEarly(earlyIds.get(number), place);
            resultsChanged();
        }
    }

    /**
     * Call after the whole report was parsed: the findings written early get their final columns, or are imported
     * again the usual way after their early writes were undone.
     */
    void endOfReport() {
        if (!Boolean.TRUE.equals(early)) {
            return;
        }
        early = false;
        if (!earlyBroken && sameFindings() && matcher.completeEarly(earlyComplete, earlyIds)) {
            return;
        }
        // Undo the early writes (all of this import's writes: early is decided before any) and start again.
        Savepoint savepoint = beforeEarly;
        ask(() -> {
            connection.rollback(savepoint);
            return null;
        });
        matcher.rows().takeAll();
        matcher = newMatcher();
        for (ParsedFinding f : earlyComplete) {
            matcher.accept(f);
            resultsChanged();
        }
    }

    /** Whether the complete findings are those announced early, in their order. */
    private boolean sameFindings() {
        if (earlyComplete.size() != earlyFirsts.size()) {
            return false;
        }
        for (int i = 0; i < earlyComplete.size(); i++) {
            ParsedFinding a = earlyFirsts.get(i);
            ParsedFinding b = earlyComplete.get(i);
            if (!a.title().equals(b.title())
                    || a.severity() != b.severity()
                    || !toolOf(a).equals(toolOf(b))) {
                return false;
            }
        }
        return true;
    }

    private static String toolOf(ParsedFinding f) {
        return f.toolName() == null ? "unknown" : f.toolName();
    }

    private void resultsChanged() {
        if (resultsListener != null) {
            resultsListener.accept(matcher.results());
        }
    }

    /** Told the number of results (places) taken so far after each finding. */
    void onResults(IntConsumer listener) {
        this.resultsListener = listener;
    }

    /**
     * Writes everything pending and ends the writer thread (throwing its failure, if any): from here on the caller's
     * thread may use the transaction's connection again, and the writes of this run happen on it.
     */
    void finish() {
        flush();
        if (!finished) {
            finished = true;
            pipeline.finish();
        }
    }

    /** Closes what a full scan no longer reports; call after {@link #endOfReport}. */
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

    /** Hands every pending row to the writer. */
    void flush() {
        ImportRows rows = matcher.rows().takeAll();
        if (!rows.isEmpty()) {
            write(() -> {
                writer.write(rows);
                batches.incrementAndGet();
            });
        }
    }

    /** Batches the writer thread wrote, once it wrote every one handed over so far (for tests). */
    int batchesWrittenOnceQueuedAre() {
        return ask(batches::get);
    }

    @Override
    public void load(
            String tool,
            String mergedScheme,
            Consumer<FindingMatcher.StoredFinding> findings,
            Consumer<String> legacyFirstPlaces,
            Consumer<FindingMatcher.StoredLocation> locations) {
        flush(); // rows created so far must be visible to the location query
        ask(() -> {
            writer.load(tool, mergedScheme, findings, legacyFirstPlaces, locations);
            return null;
        });
    }

    @Override
    public long nextFindingId() {
        if (idsLeft == 0) {
            nextId = ask(writer::newIdBlock);
            idsLeft = ImportWriter.ID_BLOCK;
        }
        idsLeft--;
        return nextId++;
    }

    @Override
    public void rowsAdded(ImportRows rows) {
        if (rows.full(ImportWriter.BATCH, writer.locationBatch())) {
            flush();
        }
    }

    /** A write, queued on the writer thread while the pipeline runs, else done here. */
    private void write(Runnable write) {
        if (finished) {
            write.run();
        } else {
            pipeline.submit(write);
        }
    }

    /** A read (or a savepoint), on the writer thread after what is queued, waited for. */
    private <T> T ask(Callable<T> work) {
        if (!finished) {
            return pipeline.call(work);
        }
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the writer thread if {@link #finish} was not reached (a failure), and gives the connection back. */
    @Override
    public void close() {
        try {
            pipeline.close();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
