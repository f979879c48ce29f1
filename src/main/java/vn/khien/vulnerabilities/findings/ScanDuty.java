package vn.khien.vulnerabilities.findings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The duty to scan every system at least every six months. Source: Chỉ thị số 18/CT-TTg ngày 13/10/2022 của Thủ tướng
 * Chính phủ về việc đẩy mạnh triển khai các hoạt động ứng cứu sự cố an toàn thông tin mạng Việt Nam — the task given
 * to ministries, sectors and localities to "rà quét lỗ hổng trên các hệ thống thông tin thuộc phạm vi quản lý tối
 * thiểu 01 lần/06 tháng" (as restated, point 1, by Công văn 3446/UBND-VXNV ngày 21/12/2022 implementing it:
 * shared/seeds/002; shared/domain/regulation.md rule R21). A directive has no articles (Điều); the sources at hand do
 * not give the number of the directive's own point, so none is cited. It is not Chỉ thị 14/CT-TTg (07/6/2019), which
 * is about the security budget and the ITU ranking. Stricter than Chỉ thị 2634/CT-VPCP (once a year, Government
 * Office only). DUE_SOON in the last 30 days of the period.
 */
public enum ScanDuty {
    MET,
    DUE_SOON,
    OVERDUE;

    /** The legal source of {@link #MONTHS}, as cited on pages and in reports. */
    public static final String LEGAL_SOURCE = "Chỉ thị 18/CT-TTg ngày 13/10/2022";

    public static final int MONTHS = 6;
    public static final int WARNING_DAYS = 30;

    public static ScanDuty of(@Nullable LocalDate lastScan, LocalDate today) {
        if (lastScan == null) {
            return OVERDUE;
        }
        LocalDate due = lastScan.plusMonths(MONTHS);
        if (due.isBefore(today)) {
            return OVERDUE;
        }
        return due.minusDays(WARNING_DAYS).isAfter(today) ? MET : DUE_SOON;
    }

    public static @Nullable LocalDate dueDate(@Nullable LocalDate lastScan) {
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
