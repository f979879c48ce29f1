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
}
