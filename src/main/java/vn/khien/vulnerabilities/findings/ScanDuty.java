package vn.khien.vulnerabilities.findings;

import java.time.LocalDate;

/**
 * The duty to scan every system at least every six months (Chỉ thị 14/CT-TTg ngày 07/6/2019 of the Prime Minister,
 * on periodic checks and vulnerability scanning of information systems). DUE_SOON in the last 30 days of the period.
 */
public enum ScanDuty {
    MET, DUE_SOON, OVERDUE;

    public static final int MONTHS = 6;
    public static final int WARNING_DAYS = 30;

    public static ScanDuty of(LocalDate lastScan, LocalDate today) {
        if (lastScan == null) {
            return OVERDUE;
        }
        LocalDate due = dueDate(lastScan);
        if (due.isBefore(today)) {
            return OVERDUE;
        }
        return due.minusDays(WARNING_DAYS).isAfter(today) ? MET : DUE_SOON;
    }

    public static LocalDate dueDate(LocalDate lastScan) {
        return lastScan == null ? null : lastScan.plusMonths(MONTHS);
    }

    /**
     * For queries that count in SQL: a last scan before this day is OVERDUE today. The inverse of {@link #of}; month
     * ends may move the boundary by a day or two (31 August + 6 months is 28 February), which counting does not mind.
     */
    public static LocalDate overdueIfLastScanBefore(LocalDate today) {
        return today.minusMonths(MONTHS);
    }

    /** For queries that count in SQL: a last scan before this day (and not overdue) is DUE_SOON today. */
    public static LocalDate dueSoonIfLastScanBefore(LocalDate today) {
        return today.plusDays(WARNING_DAYS).minusMonths(MONTHS).plusDays(1);
    }
}
