package vn.khien.vulnerabilities.scans;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The API shape of a scan: what the status endpoint answers and what an upload returns. */
record ScanView(
        long id,
        long systemId,
        String format,
        ScanStatus status,
        String error,
        Counts findings,
        LocalDate scanDate,
        boolean fullScan,
        int progress,
        long bytesRead,
        int resultsRead,
        String reportName,
        Instant uploadedAt,
        @Nullable Instant finishedAt) {

    public record Counts(int parsed, int created, int reopened, int closed, int unchanged, int locations) {}

    public static ScanView of(Scan s) {
        ImportCounts c = s.counts();
        return new ScanView(
                s.id(),
                s.systemId(),
                s.format(),
                s.status(),
                s.error(),
                new Counts(c.parsed(), c.created(), c.reopened(), c.closed(), c.unchanged(), c.locations()),
                s.scanDate(),
                s.fullScan(),
                s.progress(),
                s.bytesRead(),
                s.resultsRead(),
                s.reportName(),
                s.uploadedAt(),
                s.finishedAt());
    }
}
