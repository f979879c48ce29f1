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
        @Nullable String titleEn,
        String legalSource,
        String confidence,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        ReportPeriod.PeriodRule period,
        DueRule unitDue,
        DueRule compilerDue,
        @Nullable DueRule yearDue,
        boolean form08Table,
        List<Section> sections,
        List<String> requiresFigures,
        @Nullable String periodSource,
        @Nullable DesignatedDrafter designatedDrafter,
        String fileNameVi) {

    /**
     * Besides the organisation's own officers, the people of the unit designated for the organisation in this
     * authority role ({@code authority_designation}, e.g. INCIDENT_RESPONSE_UNIT) who hold this capability there (e.g.
     * RESPOND_INCIDENTS) may see and draft the organisation's reports of this kind — only when the designated unit lies
     * in the organisation's own subtree.
     */
    public record DesignatedDrafter(String authorityRole, String capability, String legalSource) {}

    /** "Before day {@code beforeDay} of month {@code month}" ({@code month} 0 = the last month of the period). */
    public record DueRule(int month, int beforeDay) {
        public LocalDate dayAfterDue(ReportPeriod period) {
            int m = month == 0 ? period.lastMonth() : month;
            return LocalDate.of(period.days().to().getYear(), m, beforeDay);
        }
    }

    /**
     * A section of figures; {@code byUnit}: the section's figures are also shown per organisation of the subtree (each
     * organisation's own rows), e.g. the incidents handled by unit of Biểu mẫu 05.
     */
    public record Section(
            String key, String titleVi, @Nullable String titleEn, List<String> figures, boolean byUnit) {}

    /** The figures shown per unit (of the sections marked {@code by_unit}), in order; empty for most kinds. */
    public List<String> byUnitFigures() {
        Set<String> names = new LinkedHashSet<>();
        sections.stream().filter(Section::byUnit).forEach(s -> names.addAll(s.figures()));
        return List.copyOf(names);
    }

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
     * The day after the last allowed day for an organisation of this tier (for a kind with six-monthly and annual
     * reports, the annual report's is {@code due_year}, for every tier) ("before the 20th" gives the 20th here;
     * the due day itself is the last working day before it).
     */
    public LocalDate dayAfterDue(ReportPeriod period, boolean compiler) {
        if (yearDue != null
                && this.period.type() == ReportPeriod.PeriodType.HALF_YEAR_AND_YEAR_FROM
                && period.wholeYear()) {
            return yearDue.dayAfterDue(period);
        }
        return (compiler ? compilerDue : unitDue).dayAfterDue(period);
    }
}
