package vn.khien.vulnerabilities.scans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.CurrentPerson;
import vn.khien.access.PersonPrincipal;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.JobRequestIds;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.SafeText;
import vn.khien.systems.VisibleSystems;
import vn.khien.systems.register.InformationSystem;
import vn.khien.vulnerabilities.FindingTally;
import vn.khien.vulnerabilities.ScanImported;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.findings.SlaPolicies;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParsers;
import vn.khien.vulnerabilities.parsing.ZipReportUnpacker;

/**
 * Imports a report into a system, all or nothing. Small reports are imported while the request waits: the scan row,
 * its findings and the audit record share one transaction, so a bad report leaves nothing behind at all (and its
 * raw file is deleted). Large reports get a QUEUED scan row at once and are imported in the background in one
 * transaction; if that fails the scan row is marked FAILED with the reason in a separate transaction, and no
 * finding, location or history row of it is kept.
 */
@Service
public class ScanImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ScanImportService.class);

    private final VisibleSystems systems;
    private final ScanRepository scans;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReportStorage storage;
    private final ScanProperties properties;
    private final SlaPolicies sla;
    private final AuditTrail audit;
    private final Clock clock;
    private final ImportProgress progress;
    private final ExecutorService background;
    private final ScanNodes nodes;
    private final PlatformTransactionManager transactions;
    private final ReportParsers parsers = new ReportParsers();

    public ScanImportService(
            VisibleSystems systems,
            ScanRepository scans,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ReportStorage storage,
            ScanProperties properties,
            SlaPolicies sla,
            AuditTrail audit,
            Clock clock,
            ImportProgress progress,
            @Qualifier("scanImportExecutor") ExecutorService background,
            ScanNodes nodes) {
        this.systems = systems;
        this.scans = scans;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.storage = storage;
        this.properties = properties;
        this.sla = sla;
        this.audit = audit;
        this.clock = clock;
        this.progress = progress;
        this.background = background;
        this.nodes = nodes;
        this.transactions = transactions;
    }

    /** The outcome: the scan, and whether it is still running in the background. */
    public record Accepted(Scan scan, boolean inBackground) {}

    public Accepted upload(
            long systemId, Upload upload, @Nullable String format, LocalDate scanDate, boolean fullScan) {
        InformationSystem system = systems.get(systemId);
        if (!systems.canEdit(system)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        String requestedFormat =
                format == null || format.isBlank() ? null : format.trim().toLowerCase();
        if (requestedFormat != null && !parsers.formats().contains(requestedFormat)) {
            throw new FieldProblemException(
                    "format", "scans.error.unknownFormat", requestedFormat, String.join(", ", parsers.formats()));
        }
        if (upload.size() > properties.maxUploadSize().toBytes()) {
            throw new FieldProblemException(
                    "file", "scans.error.tooLarge", properties.maxUploadSize().toMegabytes());
        }
        LocalDate date = scanDate == null ? LocalDate.now(clock) : scanDate;
        if (date.isAfter(LocalDate.now(clock))) {
            throw new FieldProblemException("scanDate", "scans.error.futureDate");
        }
        String ref = storeRaw(upload);
        PersonPrincipal who = CurrentPerson.principal().orElse(null);
        ScanRepository.NewScan row = new ScanRepository.NewScan(
                systemId,
                upload.name(),
                upload.size(),
                ref,
                date,
                fullScan,
                ScanStatus.QUEUED,
                who == null ? null : who.personId(),
                who == null ? null : who.username(),
                clock.instant());
        if (upload.size() > properties.backgroundThreshold().toBytes()) {
            long scanId = tx.execute(s -> scans.insert(row, nodes.nodeId()));
            // its log lines carry the id this upload answers (issue 15)
            background.submit(JobRequestIds.withRequestId(() -> runInBackground(scanId, system, requestedFormat)));
            return new Accepted(scans.find(scanId).orElseThrow(), true);
        }
        try {
            long scanId = tx.execute(s -> {
                long id = scans.insert(row, nodes.nodeId());
                importInTransaction(id, system, ref, requestedFormat, date, fullScan, upload.size(), false);
                return id;
            });
            return new Accepted(scans.find(scanId).orElseThrow(), false);
        } catch (ImportFailed e) {
            storage.delete(ref);
            // A file whose format could not be recognised is not a report Khiên reads: say so and list the
            // formats, rather than the parser's English detail (issue 9).
            if (requestedFormat == null && notAReport(e.report().getMessage())) {
                throw new FieldProblemException(
                        "file", "scans.error.notAReport", upload.name(), String.join(", ", parsers.formats()));
            }
            throw new FieldProblemException("file", "scans.error.badReport", reasonOf(e));
        } catch (RuntimeException e) {
            storage.delete(ref);
            throw e;
        }
    }

    public Set<String> formats() {
        return parsers.formats();
    }

    public Scan get(long scanId) {
        Scan s = scans.findVisible(scanId).orElseThrow(() -> new NotFoundException("scan " + scanId));
        return withLiveProgress(s);
    }

    public List<Scan> ofSystem(long systemId) {
        systems.get(systemId);
        return scans.ofSystem(systemId, 200).stream()
                .map(this::withLiveProgress)
                .toList();
    }

    /** Progress counted in memory when this node runs the import, else what the running node wrote. */
    private Scan withLiveProgress(Scan s) {
        if (s.finished()) {
            return s;
        }
        return new Scan(
                s.id(),
                s.systemId(),
                s.format(),
                s.tools(),
                s.scanDate(),
                s.fullScan(),
                s.status(),
                s.error(),
                s.counts(),
                Math.max(progress.bytesRead(s.id()), s.bytesRead()),
                s.resultsRead(),
                s.reportName(),
                s.reportSize(),
                s.reportRef(),
                s.uploadedByName(),
                s.uploadedAt(),
                s.finishedAt());
    }

    private void runInBackground(long scanId, InformationSystem system, @Nullable String format) {
        runGuarded(scanId, () -> {
            Scan scan = scans.find(scanId).orElseThrow(() -> new IllegalStateException("scan " + scanId + " vanished"));
            tx.executeWithoutResult(s -> scans.markRunning(scanId, clock.instant()));
            tx.executeWithoutResult(s -> importInTransaction(
                    scanId,
                    system,
                    scan.reportRef(),
                    format,
                    scan.scanDate(),
                    scan.fullScan(),
                    scan.reportSize() == null ? 0 : scan.reportSize(),
                    true));
        });
    }

    /** Longest reason kept on a failed scan (the column is TEXT; a reason is read by a person). */
    static final int MAX_REASON = 2000;

    /**
     * The harness of every background import: whatever goes wrong (a report the parsers reject, a storage or database
     * failure, an {@link Error} such as running out of memory), the scan ends FAILED with a true reason that can be
     * stored (control characters, NUL included, replaced: PostgreSQL refuses 0x00 in text), its raw file is removed,
     * and the failure is logged. Nothing escapes to the pool, where it would be swallowed.
     */
    void runGuarded(long scanId, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {
            String reason = reasonOf(e);
            if (e instanceof ImportFailed) {
                LOG.warn("Background import of scan {} failed: {}", scanId, reason);
            } else {
                LOG.error("Background import of scan {} failed", scanId, e);
            }
            failAndRemoveRaw(scanId, reason);
            if (e instanceof VirtualMachineError vm
                    && !(vm instanceof OutOfMemoryError)
                    && !(vm instanceof StackOverflowError)) {
                throw vm; // the JVM itself is broken: nothing more to do here
            }
        } finally {
            progress.finished(scanId);
        }
    }

    /** A reason a person can act on, for any failure; never null, never with control characters. */
    static String reasonOf(Throwable e) {
        String text;
        if (e instanceof ImportFailed f) {
            text = f.report().getMessage();
        } else if (e instanceof OutOfMemoryError) {
            text = "the report needs more memory than the server has ("
                    + e.getClass().getSimpleName() + ")";
        } else if (e instanceof StackOverflowError) {
            text = "the report is nested too deeply (" + e.getClass().getSimpleName() + ")";
        } else {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String m = root.getMessage();
            text = root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        }
        if (text == null || text.isBlank()) {
            text = e.getClass().getSimpleName();
        }
        return SafeText.forStorage(text, MAX_REASON);
    }

    private void failAndRemoveRaw(long scanId, String reason) {
        String ref = null;
        try {
            ref = scans.find(scanId).map(Scan::reportRef).orElse(null);
            tx.executeWithoutResult(s -> scans.fail(scanId, reason, clock.instant()));
        } catch (RuntimeException again) {
            LOG.error("Could not mark scan {} FAILED ({}); retrying with a generic reason", scanId, reason, again);
            try {
                tx.executeWithoutResult(s ->
                        scans.fail(scanId, "import failed; see the server log (scan " + scanId + ")", clock.instant()));
            } catch (RuntimeException last) {
                LOG.error("Scan {} could not be marked FAILED; the node sweep will mark it", scanId, last);
            }
        }
        if (ref != null) {
            try {
                storage.delete(ref);
            } catch (RuntimeException e) {
                LOG.warn("Raw report {} of failed scan {} could not be removed", ref, scanId, e);
            }
        }
    }

    /** Parses and stores; must run inside a transaction, which rolls back on any failure. */
    private void importInTransaction(
            long scanId,
            InformationSystem system,
            String ref,
            @Nullable String format,
            LocalDate date,
            boolean fullScan,
            long size,
            boolean inBackground) {
        SlaDays days = sla.forOrganization(system.ownerOrganizationId());
        Instant now = clock.instant();
        String used;
        ImportCounts counts;
        Set<String> tools;
        ProgressWriter written =
                inBackground ? new ProgressWriter(scans, transactions, scanId, size, properties.progressEvery()) : null;
        // The parse on this thread, the writes on the run's writer thread (ADR 0061); closing the run stops the writer
        // before the transaction rolls back on a failure.
        try (ImportRun run = new ImportRun(jdbc, system.id(), scanId, null, date, days, now)) {
            if (written != null) {
                run.onResults(written::results);
            }
            try (InputStream raw = progress.track(scanId, storage.open(ref));
                    InputStream in = written == null ? raw : written.track(raw)) {
                used = parsers.parse(format, in, run, zipLimits());
            } catch (ReportFormatException e) {
                throw new ImportFailed(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run.endOfReport();
            run.finish();
            // An empty file proves no fix: a scanner that ran and found nothing still writes its report's frame.
            int closed = fullScan && !run.wasEmptyReport()
                    ? run.closeUnreported(new HashSet<>(scans.toolsOfFormat(system.id(), used)))
                    : 0;
            run.flush();
            counts = run.counts(closed);
            tools = run.tools();
        }
        jdbc.update("UPDATE finding SET format = ? WHERE first_scan_id = ? AND format IS NULL", used, scanId);
        importComplete(system, scanId, used, tools, counts, fullScan, size);
    }

    /**
     * The one point where an import's findings are all written: the scan row is completed, audited and announced here,
     * and everything commits with the caller's transaction when this returns (a failure here rolls it all back).
     */
    private void importComplete(
            InformationSystem system,
            long scanId,
            String used,
            Set<String> tools,
            ImportCounts counts,
            boolean fullScan,
            long size) {
        scans.complete(scanId, used, String.join(", ", tools), counts, size, clock.instant());
        new FindingTally(JdbcClient.create(jdbc)).refresh(system.id()); // the counts, in this transaction (ADR 0058)
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("systemId", system.id());
        after.put("format", used);
        after.put("fullScan", fullScan);
        after.put("findings", counts);
        audit.record(AuditEntry.change("scan.import", system.ownerOrganizationId(), "scan", scanId, null, after));
        if (events != null) {
            events.publishEvent(new ScanImported(system.id(), system.ownerOrganizationId(), scanId));
        }
    }

    // issue 11 (warnings): listeners re-match the system after an import; setter so the constructor stays as it is
    private ApplicationEventPublisher events;

    @Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    private ZipReportUnpacker.Limits zipLimits() {
        return new ZipReportUnpacker.Limits(
                properties.maxUnzippedSize().toBytes(), properties.maxCompressionRatio(), 1024 * 1024);
    }

    private String storeRaw(Upload upload) {
        try {
            return storage.store(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detector's failures (no known format recognised), as opposed to a known format that is broken. */
    static boolean notAReport(@Nullable String message) {
        return message != null
                && (message.startsWith("Unsupported ")
                        || message.startsWith("XML without")
                        || message.startsWith("Not readable as JSON")
                        || message.startsWith("Empty file"));
    }

    /** A report the parsers rejected: rolls the import transaction back and becomes a 422. */
    static final class ImportFailed extends RuntimeException {
        private final ReportFormatException report;

        ImportFailed(ReportFormatException cause) {
            super(cause.getMessage(), cause);
            this.report = cause;
        }

        /** The parser's account of what is wrong with the report (the cause). */
        ReportFormatException report() {
            return report;
        }
    }
}
