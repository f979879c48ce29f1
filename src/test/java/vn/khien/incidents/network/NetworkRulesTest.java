package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.khien.incidents.network.NetworkRules.ReportKind;

/** The due dates of the network duties (rules/incidents/network-duties.yaml) at their boundaries. */
class NetworkRulesTest {

    final NetworkRules rules = NetworkRules.loadDefault();

    static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NetworkRules.VN).toInstant();
    }

    @Test
    void sixMonthlyReportIsOnTimeUntilTheEndOf19JuneVietnamTime() {
        NetworkRules.ReportPeriod p = rules.period(ReportKind.SEMIANNUAL, 2026);
        assertThat(p.lastDayOnTime()).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(p.from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(p.to()).isEqualTo(LocalDate.of(2026, 6, 14));
        assertThat(p.onTime(vn("2026-06-19T23:59:59"))).isTrue();
        assertThat(p.onTime(vn("2026-06-20T00:00:00"))).isFalse();
        // 19/06 17:30 UTC is already 20/06 in Vietnam: late.
        assertThat(p.onTime(Instant.parse("2026-06-19T17:30:00Z"))).isFalse();
        assertThat(p.onTime(Instant.parse("2026-06-19T16:59:59Z"))).isTrue();
    }

    @Test
    void annualReportIsOnTimeUntilTheEndOf14December() {
        NetworkRules.ReportPeriod p = rules.period(ReportKind.ANNUAL, 2026);
        assertThat(p.lastDayOnTime()).isEqualTo(LocalDate.of(2026, 12, 14));
        // The whole year, 15/12 of the year before to 14/12 (Nghị định 09/2019 Điều 12 khoản 4; ADR 0075).
        assertThat(p.from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(p.to()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(p.onTime(vn("2026-12-14T23:59:59"))).isTrue();
        assertThat(p.onTime(vn("2026-12-15T00:00:00"))).isFalse();
    }

    @Test
    void theCurrentReportMovesToNextYearTheDayAfterItsLastDay() {
        assertThat(rules.current(ReportKind.SEMIANNUAL, LocalDate.of(2026, 6, 19))
                        .year())
                .isEqualTo(2026);
        assertThat(rules.current(ReportKind.SEMIANNUAL, LocalDate.of(2026, 6, 20))
                        .year())
                .isEqualTo(2027);
        assertThat(rules.current(ReportKind.ANNUAL, LocalDate.of(2026, 12, 14)).year())
                .isEqualTo(2026);
        assertThat(rules.current(ReportKind.ANNUAL, LocalDate.of(2026, 12, 15)).year())
                .isEqualTo(2027);
        // Across the year end, the six-monthly period runs from 15/12 of the previous year.
        assertThat(rules.current(ReportKind.SEMIANNUAL, LocalDate.of(2027, 1, 1))
                        .from())
                .isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(rules.current(ReportKind.ANNUAL, LocalDate.of(2027, 1, 1)).from())
                .isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void contactChangeMustBeReportedWithin24HoursToTheSecond() {
        Instant changed = vn("2026-12-31T22:15:00");
        assertThat(rules.contactReportDue(changed)).isEqualTo(vn("2027-01-01T22:15:00"));
        ContactChange c = new ContactChange(
                1, 2, "n", "0912000111", "a@b.vn", "addr", "x", changed, rules.contactReportDue(changed), null, null);
        assertThat(c.overdue(vn("2027-01-01T22:15:00"))).isFalse();
        assertThat(c.overdue(vn("2027-01-01T22:15:01"))).isTrue();
        assertThat(c.markReported(vn("2027-01-01T22:15:00"), "y").reportedOnTime())
                .isTrue();
        assertThat(c.markReported(vn("2027-01-01T22:15:01"), "y").reportedOnTime())
                .isFalse();
    }

    @Test
    void aReportedChangeCannotBeReportedAgain() {
        Instant changed = vn("2026-12-01T08:00:00");
        ContactChange c = new ContactChange(
                1, 2, "n", "0912000111", "a@b.vn", "addr", "x", changed, rules.contactReportDue(changed), null, null);
        ContactChange reported = c.markReported(changed.plusSeconds(60), "y");
        assertThatThrownBy(() -> reported.markReported(changed.plusSeconds(120), "y"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void profileIsDueAYearAfterItsLastSubmissionAndAtOnceWhenNeverSubmitted() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(rules.profileDueOn(LocalDate.of(2025, 12, 22), today)).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(rules.profileDueOn(LocalDate.of(2024, 2, 29), today)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(rules.profileDueOn(null, today)).isEqualTo(today);
    }

    @Test
    void everyRuleCarriesItsLegalSourceAndTheFormFieldsTheirs() {
        assertThat(rules.reportSource()).contains("Thông tư 20/2017/TT-BTTTT Điều 6");
        assertThat(rules.contactSource()).contains("Điều 6");
        assertThat(rules.profileSource()).contains("Biểu mẫu 01");
        assertThat(rules.fields())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.source()).isNotBlank());
        assertThat(rules.isMemberKind("PROVINCE")).isTrue();
        assertThat(rules.isMemberKind("UNIT")).isFalse();
    }
}
