package vn.khien.reports.kinds;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One kind of periodic report, as rule data (rules/reports/report-kinds.yaml), with its legal source. */
public record ReportKind(
        String id,
        String titleVi,
        String titleEn,
        String legalSource,
        String confidence,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        ReportPeriod.PeriodRule period,
        DueRule unitDue,
        DueRule compilerDue,
        @Nullable DueRule secondHalfDue,
        boolean form08Table,
        List<Section> sections,
        List<String> requiresFigures) {

    /** "Before day {@code beforeDay} of month {@code month}" ({@code month} 0 = the last month of the period). */
    public record DueRule(int month, int beforeDay) {
        public LocalDate dayAfterDue(ReportPeriod period) {
            int m = month == 0 ? period.lastMonth() : month;
            return LocalDate.of(period.days().to().getYear(), m, beforeDay);
        }
    }

    public record Section(String key, String titleVi, String titleEn, List<String> figures) {}

    public Set<String> figures() {
        Set<String> names = new LinkedHashSet<>();
        sections.forEach(s -> names.addAll(s.figures()));
        return names;
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public String title(boolean english) {
        return english && titleEn != null ? titleEn : titleVi;
    }

    /**
     * The day after the last allowed day for an organisation of this tier ("before the 20th" gives the 20th here;
     * the due day itself is the last working day before it).
     */
    public LocalDate dayAfterDue(ReportPeriod period, boolean compiler) {
        if (secondHalfDue != null && period.type() == ReportPeriod.PeriodType.HALF_YEAR && period.index() == 2) {
            return secondHalfDue.dayAfterDue(period);
        }
        return (compiler ? compilerDue : unitDue).dayAfterDue(period);
    }
}
