package vn.khien.reports.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The network member report's period rule (HALF_YEAR_AND_YEAR_FROM, start 15/12, rule data): the six-monthly report
 * 15/12–14/06 ("2026-H1") and the annual report over the whole year 15/12–14/12 ("2026"; it was the second half-year
 * 15/06–14/12, ADR 0075), both named after the year they end in, at every boundary and across the change of year, with
 * the due dates of R33 (before 20/06 and before 15/12), the legal source and the Vietnamese label.
 */
class MemberReportPeriodTest {

    final ReportKind kind = new ReportKinds().find("IR_NETWORK_MEMBER").orElseThrow();
    final ReportPeriod.PeriodRule rule = kind.period();

    @Test
    void theMemberReportKindCarriesTheRuleAsDataWithItsSource() {
        assertThat(rule)
                .isEqualTo(new ReportPeriod.PeriodRule(ReportPeriod.PeriodType.HALF_YEAR_AND_YEAR_FROM, 12, 15));
        assertThat(kind.periodSource())
                .contains("Nghị định 09/2019/NĐ-CP Điều 12 khoản 3, 4")
                .contains("lựa chọn");
    }

    @Test
    void theSixMonthlyReportRunsToTheFourteenthOfJuneAndTheAnnualOneOverTheWholeYear() {
        ReportPeriod h1 = ReportPeriod.parse("2026-H1", rule);
        assertThat(h1.days().from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(h1.days().to()).isEqualTo(LocalDate.of(2026, 6, 14));
        assertThat(h1.wholeYear()).isFalse();
        ReportPeriod annual = ReportPeriod.parse("2025", rule);
        assertThat(annual.days().from()).isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(annual.days().to()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(annual.wholeYear()).isTrue();
        // The second half-year is no period of this kind: the annual report covers it.
        assertThatThrownBy(() -> ReportPeriod.parse("2026-H2", rule)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("2026-Q1", rule)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDayDecidesTheReportNowDueAtEachBoundary() {
        assertThat(containing(2026, 6, 14)).isEqualTo("2026-H1");
        assertThat(containing(2026, 6, 15)).isEqualTo("2026");
        assertThat(containing(2026, 12, 14)).isEqualTo("2026");
        // Year change: from 15/12 the days belong to the next year's reports, the six-monthly one due first.
        assertThat(containing(2026, 12, 15)).isEqualTo("2027-H1");
        assertThat(containing(2026, 12, 31)).isEqualTo("2027-H1");
        assertThat(containing(2027, 1, 1)).isEqualTo("2027-H1");
        assertThat(ReportPeriod.parse("2027-H1", rule).previous(rule).code()).isEqualTo("2026");
        assertThat(ReportPeriod.parse("2026", rule).previous(rule).code()).isEqualTo("2025");
    }

    @Test
    void theDueDatesAreBeforeTheTwentiethOfJuneAndTheFifteenthOfDecember() {
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026-H1", rule), false)).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026-H1", rule), true)).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026", rule), false)).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2026", rule), true)).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(kind.dayAfterDue(ReportPeriod.parse("2027-H1", rule), false)).isEqualTo(LocalDate.of(2027, 6, 20));
    }

    @Test
    void thePeriodIsLabelledInVietnameseWithItsDays() {
        assertThat(Words.vi(ReportPeriod.parse("2026-H1", rule)))
                .isEqualTo("6 tháng đầu năm 2026 (từ 15/12/2025 đến 14/06/2026)");
        assertThat(Words.vi(ReportPeriod.parse("2025", rule))).isEqualTo("Năm 2025 (từ 15/12/2024 đến 14/12/2025)");
        ReportKind quarterly = new ReportKinds().find("QUARTERLY_STATUS").orElseThrow();
        assertThat(Words.vi(ReportPeriod.parse("2026-Q4", quarterly.period())))
                .isEqualTo("Quý IV năm 2026 (từ 01/10/2026 đến 31/12/2026)");
    }

    @Test
    void aReportFrozenUnderTheOldSecondHalfYearIsReadWithTheDaysItRecorded() {
        ReportPeriod old =
                ReportPeriod.recorded("2025-H2", LocalDate.of(2025, 6, 15), LocalDate.of(2025, 12, 14), rule);
        assertThat(Words.vi(old)).isEqualTo("6 tháng cuối năm 2025 (từ 15/06/2025 đến 14/12/2025)");
        // A period the rule has is read by the rule.
        assertThat(ReportPeriod.recorded("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2), rule)
                        .days()
                        .from())
                .isEqualTo(LocalDate.of(2024, 12, 15));
    }

    private String containing(int year, int month, int day) {
        return ReportPeriod.containing(LocalDate.of(year, month, day), rule).code();
    }
}
