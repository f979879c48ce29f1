package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.platform.FieldProblemException;
import vn.khien.reports.periodic.PeriodicReport;
import vn.khien.reports.periodic.ReportStatus;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.ReportSteps;
import vn.khien.support.TestData;

/**
 * Rules of the sign-off on the domain object: the checker and the signer are different people (a person holding both
 * roles cannot sign what they checked), and a report whose kind requires figures (rule data {@code requires_figures})
 * cannot be submitted while no module provides them.
 */
class ReportSignOffRulesTest extends IntegrationTest {

    @Test
    void thePersonWhoCheckedCannotSign() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử bốn mắt");
        TestData.Org unit = data.org(province, "Đơn vị thử bốn mắt");
        TestData.Person both = data.person(unit, Role.SECURITY_OFFICER);
        data.grant(both.id(), unit, Role.LEADER);
        Http.Api api = http.api(both.token());
        Http.Api leader = http.api(data.person(unit, Role.LEADER).token());
        long id = ReportSteps.checked(api, unit.id(), "QUARTERLY_STATUS", "2026-Q2");

        Http.Response self = api.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of("documentNumber", "3/BC", "documentDate", "2026-06-15"));
        assertThat(self.status()).as(self.body()).isEqualTo(422);
        assertThat(self.header("Content-Type")).startsWith("application/problem+json");
        assertThat(self.body()).contains("action", "Người ký báo cáo phải khác người đã kiểm tra");
        assertThat(api.get("/api/v1/reports/" + id).json().get("status").asText())
                .isEqualTo("CHECKED");

        Http.Response other = leader.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of("documentNumber", "3/BC", "documentDate", "2026-06-15"));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().get("status").asText()).isEqualTo("SIGNED");
    }

    @Test
    void signingNeedsAnotherPersonThanTheChecker() {
        PeriodicReport checked = draft().markChecked(7L, "kiem.tra");
        assertThat(checked.status()).isEqualTo(ReportStatus.CHECKED);
        assertThat(checked.checkedBy()).isEqualTo(7L);
        assertThatThrownBy(() -> checked.markSigned("1/BC", LocalDate.of(2026, 6, 1), "A", null, 7L))
                .isInstanceOf(FieldProblemException.class)
                .satisfies(e -> assertThat(
                                ((FieldProblemException) e).problems().get(0).messageKey())
                        .isEqualTo("reports.error.sameChecker"));
        assertThat(checked.markSigned("1/BC", LocalDate.of(2026, 6, 1), "B", null, 8L)
                        .status())
                .isEqualTo(ReportStatus.SIGNED);
    }

    @Test
    void aReportCannotBeSubmittedWithoutTheFiguresItsKindRequires() {
        PeriodicReport signed =
                draft().markChecked(7L, "kiem.tra").markSigned("1/BC", LocalDate.of(2026, 6, 1), "B", null, 8L);
        assertThatThrownBy(() -> signed.markSubmitted(Instant.now(), List.of("incidentsTotal")))
                .isInstanceOf(FieldProblemException.class)
                .satisfies(e -> {
                    FieldProblemException.FieldProblem p =
                            ((FieldProblemException) e).problems().get(0);
                    assertThat(p.field()).isEqualTo("figures");
                    assertThat(p.messageKey()).isEqualTo("reports.error.requiresFigures");
                    assertThat(p.args()).containsExactly("incidentsTotal");
                });
        assertThat(signed.markSubmitted(Instant.now(), List.of()).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    private static PeriodicReport draft() {
        return new PeriodicReport(
                1,
                2,
                "Đơn vị",
                1L,
                "IR_NETWORK_MEMBER",
                "2026-H1",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30),
                1,
                ReportStatus.DRAFT,
                LocalDate.of(2026, 6, 19),
                "2026.12",
                null,
                null,
                null,
                null,
                null,
                Instant.now(),
                null,
                null,
                null,
                null);
    }
}
