package vn.khien.reports.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of {@code rules/reports/report-kinds.yaml}, whatever its period rule: each period a kind accepts spans what
 * its code and its Vietnamese name say — a quarter ("2026-Q2", "Quý …") three months, a half-year ("2026-H1", "6
 * tháng …") six, a year ("2026", "Năm …") twelve — so that an annual report can never again cover six months (the
 * member report's "annual 2025" did, ADR 0075); every day lies in the period the rule gives for it, whose previous one
 * ends the day before; and each due day falls in the year and from the last month of its period.
 */
class EveryKindPeriodRuleTest {

    private static final List<ReportKind> KINDS = new ReportKinds().all();

    @Test
    void everyPeriodOfEveryKindSpansWhatItsCodeAndItsNameSay() {
        List<String> failures = new ArrayList<>();
        for (ReportKind kind : KINDS) {
            int accepted = 0;
            for (int year = 2020; year <= 2032; year++) {
                for (String code : candidates(year)) {
                    ReportPeriod p;
                    try {
                        p = ReportPeriod.parse(code, kind.period());
                    } catch (IllegalArgumentException refused) {
                        continue;
                    }
                    accepted++;
                    int byCode = code.contains("-Q") ? 3 : code.contains("-H") ? 6 : 12;
                    String label = Words.vi(p);
                    int byName = label.startsWith("Quý ") ? 3 : label.startsWith("6 tháng ") ? 6 : 12;
                    if (!label.startsWith("Quý ") && !label.startsWith("6 tháng ") && !label.startsWith("Năm ")) {
                        failures.add(kind.id() + " " + code + ": named " + label);
                    }
                    LocalDate from = p.days().from();
                    LocalDate to = p.days().to();
                    if (byCode != byName
                            || !from.plusMonths(byCode).minusDays(1).equals(to)) {
                        failures.add(kind.id() + " " + code + " (" + label + "): " + from + " – " + to + ", code says "
                                + byCode + " months, name " + byName);
                    }
                    if (p.wholeYear() != (byCode == 12)) {
                        failures.add(kind.id() + " " + code + ": wholeYear " + p.wholeYear());
                    }
                    if (!code.equals(String.valueOf(p.year())) && !code.startsWith(p.year() + "-")) {
                        failures.add(kind.id() + " " + code + ": year " + p.year());
                    }
                    // Named after the year it ends in.
                    if (to.getYear() != year) {
                        failures.add(kind.id() + " " + code + ": ends in " + to.getYear());
                    }
                    for (boolean compiler : new boolean[] {false, true}) {
                        LocalDate due = kind.dayAfterDue(p, compiler);
                        if (due.getYear() != to.getYear() || due.isBefore(to.withDayOfMonth(1))) {
                            failures.add(kind.id() + " " + code + ": due before " + due + " for a period to " + to);
                        }
                    }
                }
            }
            if (accepted < 13) {
                failures.add(kind.id() + ": only " + accepted + " periods over 13 years");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyDayLiesInThePeriodTheRuleGivesAndThePreviousPeriodEndsTheDayBefore() {
        List<String> failures = new ArrayList<>();
        for (ReportKind kind : KINDS) {
            for (LocalDate day = LocalDate.of(2024, 1, 1);
                    day.isBefore(LocalDate.of(2029, 1, 1));
                    day = day.plusDays(1)) {
                ReportPeriod p = ReportPeriod.containing(day, kind.period());
                if (day.isBefore(p.days().from()) || day.isAfter(p.days().to())) {
                    failures.add(kind.id() + " " + day + ": " + p.code() + " " + p.days());
                }
                ReportPeriod back = ReportPeriod.parse(p.code(), kind.period());
                if (!back.equals(p)) {
                    failures.add(kind.id() + " " + day + ": " + p + " read back as " + back);
                }
                ReportPeriod previous = p.previous(kind.period());
                if (!previous.days().to().equals(p.days().from().minusDays(1))) {
                    failures.add(kind.id() + " " + p.code() + ": previous " + previous.code() + " ends "
                            + previous.days().to());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aKindWithAnAnnualDueRuleHasAnAnnualReportOverTheWholeYear() {
        for (ReportKind kind : KINDS) {
            if (kind.yearDue() == null) {
                continue;
            }
            ReportPeriod annual = ReportPeriod.parse("2026", kind.period());
            assertThat(annual.wholeYear()).as(kind.id()).isTrue();
            assertThat(annual.days().from().plusYears(1).minusDays(1))
                    .as(kind.id())
                    .isEqualTo(annual.days().to());
            assertThat(kind.dayAfterDue(annual, false)).isEqualTo(kind.yearDue().dayAfterDue(annual));
        }
    }

    private static List<String> candidates(int year) {
        List<String> codes = new ArrayList<>(List.of(String.valueOf(year), year + "-H1", year + "-H2"));
        for (int q = 1; q <= 4; q++) {
            codes.add(year + "-Q" + q);
        }
        return codes;
    }
}
