package vn.khien.reports.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The network member report's period rule (HALF_YEAR_FROM, start 15/12, rule data): half-years 15/12–14/06 and
 * 15/06–14/12 named after the year they end in, at every boundary and across the change of year, with the due dates
 * of R33 (before 20/06 and before 15/12) and the Vietnamese label.
 */
class HalfYearFromPeriodTest {

    final ReportKind kind = new ReportKinds().find("IR_NETWORK_MEMBER").orElseThrow();
    final ReportPeriod.PeriodRule rule = kind.period();

    @Test
    void theMemberReportKindCarriesTheRuleAsDataWithItsSource() {
        assertThat(rule).isEqualTo(new ReportPeriod.PeriodRule(ReportPeriod.PeriodType.HALF_YEAR_FROM, 12, 15));
        assertThat(kind.periodSource()).contains("Nghị định 09/2019/NĐ-CP").contains("lựa chọn");
    }

    @Test
    void theHalfYearsRunFromTheFifteenthOfDecemberAndJune() {
        ReportPeriod h1 = ReportPeriod.parse("2026-H1", rule);
        assertThat(h1.days().from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(h1.days().to()).isEqualTo(LocalDate.of(2026, 6, 14));
        ReportPeriod h2 = ReportPeriod.parse("2026-h2", rule);
        assertThat(h2.code()).isEqualTo("2026-H2");
        assertThat(h2.days().from()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(h2.days().to()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThatThrownBy(() -> ReportPeriod.parse("2026-Q1", rule)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("2026", rule)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDayDecidesThePeriodAtEachBoundary() {
        assertThat(containing(2026, 6, 14)).isEqualTo("2026-H1");
        assertThat(containing(2026, 6, 15)).isEqualTo("2026-H2");
        assertThat(containing(2026, 12, 14)).isEqualTo("2026-H2");
        // Year change: from 15/12 the days belong to the next year's first half-year.
        assertThat(containing(2026, 12, 15)).isEqualTo("2027-H1");
        assertThat(containing(2026, 12, 31)).isEqualTo("2027-H1");
        assertThat(containing(2027, 1, 1)).isEqualTo("2027-H1");
        assertThat(containing(2025, 12, 14)).isEqualTo("2025-H2");
        assertThat(ReportPeriod.parse("2027-H1", rule).previous(rule).code()).isEqualTo("2026-H2");
        assertThat(ReportPeriod.parse("2026-H2", rule).previous(rule).code()).isEqualTo("2026-H1");
    }

    @Test
    void theDueDatesAreBeforeTheTwentiethOfJuneAndTheFifteenthOfDecember() {
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026-H1", rule), false)).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026-H1", rule), true)).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026-H2", rule), false)).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2027-H1", rule), false)).isEqualTo(LocalDate.of(2027, 6, 20));
    }

    @Test
    void thePeriodIsLabelledInVietnameseWithItsDays() {
        assertThat(ReportPeriod.parse("2026-H1", rule).labelVi())
                .isEqualTo("6 tháng đầu năm 2026 (từ 15/12/2025 đến 14/06/2026)");
        assertThat(ReportPeriod.parse("2026-H2", rule).labelVi())
                .isEqualTo("6 tháng cuối năm 2026 (từ 15/06/2026 đến 14/12/2026)");
        ReportKind quarterly = new ReportKinds().find("QUARTERLY_STATUS").orElseThrow();
        assertThat(ReportPeriod.parse("2026-Q4", quarterly.period()).labelVi())
                .isEqualTo("Quý IV năm 2026 (từ 01/10/2026 đến 31/12/2026)");
    }

    private String containing(int year, int month, int day) {
        return ReportPeriod.containing(LocalDate.of(year, month, day), rule).code();
    }
}
