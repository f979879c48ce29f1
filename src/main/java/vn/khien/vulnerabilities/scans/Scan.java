package vn.khien.vulnerabilities.scans;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One uploaded report and what importing it did. */
public record Scan(
        long id,
        long systemId,
        String format,
        String tools,
        LocalDate scanDate,
        boolean fullScan,
        ScanStatus status,
        String error,
        ImportCounts counts,
        long bytesRead,
        int resultsRead,
        String reportName,
        @Nullable Long reportSize,
        String reportRef,
        @Nullable String uploadedByName,
        Instant uploadedAt,
        @Nullable Instant finishedAt) {

    /** Percent of the raw report read so far (100 once finished). */
    public int progress() {
        if (status == ScanStatus.COMPLETED || status == ScanStatus.FAILED) {
            return 100;
        }
        if (reportSize == null || reportSize == 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / reportSize);
    }

    public boolean finished() {
        return status == ScanStatus.COMPLETED || status == ScanStatus.FAILED;
    }
}
