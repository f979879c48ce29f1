package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;

/**
 * The network page's member reports (rules/incidents/network-duties.yaml) and the reports module's kind they are filed
 * under (rules/reports/report-kinds.yaml) cover the same days, year after year, and the annual report ("Báo cáo năm")
 * covers a whole year: the network page offered "annual 2025" and linked a report of six months (ADR 0075).
 */
class NetworkReportPeriodsTest {

    private final NetworkRules rules = NetworkRules.loadDefault();
    private final ReportKind kind = new ReportKinds().find(rules.reportsKind()).orElseThrow();

    @Test
    void eachNetworkReportIsFiledUnderAReportsPeriodOfTheSameDaysAndTheAnnualOneSpansTheYear() {
        for (int year = 2022; year <= 2030; year++) {
            for (NetworkRules.ReportKind k : NetworkRules.ReportKind.values()) {
                NetworkRules.ReportPeriod network = rules.period(k, year);
                vn.khien.reports.kinds.ReportPeriod filed =
                        vn.khien.reports.kinds.ReportPeriod.parse(rules.reportsPeriod(network), kind.period());
                assertThat(filed.days().from()).as(k + " " + year).isEqualTo(network.from());
                assertThat(filed.days().to()).as(k + " " + year).isEqualTo(network.to());
                // The last day on time on the network page is the reports module's due rule's.
                assertThat(kind.dayAfterDue(filed, false).minusDays(1))
                        .as(k + " " + year)
                        .isEqualTo(network.lastDayOnTime());
                int months = k == NetworkRules.ReportKind.ANNUAL ? 12 : 6;
                assertThat(network.from().plusMonths(months).minusDays(1))
                        .as(k + " " + year + " spans " + months + " months")
                        .isEqualTo(network.to());
                assertThat(filed.wholeYear()).as(k + " " + year).isEqualTo(k == NetworkRules.ReportKind.ANNUAL);
            }
        }
        NetworkRules.ReportPeriod annual2025 = rules.period(NetworkRules.ReportKind.ANNUAL, 2025);
        assertThat(rules.reportsPeriod(annual2025)).isEqualTo("2025");
        assertThat(annual2025.from()).isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(annual2025.to()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(rules.reportRule(NetworkRules.ReportKind.ANNUAL).vi()).isEqualTo("Báo cáo năm");
    }
}
