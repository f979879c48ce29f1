package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.ReportSteps;
import vn.khien.support.TestData;

/**
 * ADR 0038: the reports module's IR_NETWORK_MEMBER kind is the member report (Biểu mẫu 05). Its incident figures
 * come from the network's FigureSource, the network page shows and links the report of each period (or offers to
 * open it), and its submission is R33's evidence.
 */
class NetworkReportsUnificationTest extends IntegrationTest {

    @Test
    void theMemberReportIsTheReportsKindCompiledSignedSubmittedAndShownOnTheNetworkPage() {
        TestData.Org province = member("Tỉnh hợp nhất ");
        TestData.Org hospital = data.org(province, "Bệnh viện hợp nhất");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        Http.Api leader = http.api(data.person(province, Role.LEADER).token());
        String base = "/api/v1/incident-network/members/" + province.id();

        // The period of a report owed now, as the reports module files it ("2026-H1" or the annual "2026").
        JsonNode view = api.get(base).json();
        assertThat(view.get("periodicKind").asString()).isEqualTo("IR_NETWORK_MEMBER");
        JsonNode due = null;
        for (JsonNode d : view.get("reportsDue")) {
            if (d.get("started").asBoolean() && due == null) {
                due = d;
            }
        }
        assertThat(due).as(view.toString()).isNotNull();
        assertThat(due.get("periodicReport").isNull()).isTrue();
        String period = due.get("periodicPeriod").asString();
        assertThat(period).matches("\\d{4}(-H1)?");
        int year = Integer.parseInt(period.substring(0, 4));
        // The network's six-monthly report 15/12–14/06 and annual report 15/12–14/12 both start on 15/12 (ADR 0075).
        LocalDate start = LocalDate.of(year - 1, 12, 15);
        incident(hospital, start.plusDays(9), "CLOSED");
        incident(hospital, start.plusMonths(2), "VERIFIED");
        incident(province, start.plusMonths(3), "RECOVERED");
        incident(hospital, start.minusDays(1), "CLOSED"); // before the period

        Http.Response created = api.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "IR_NETWORK_MEMBER", "period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("figures").get("incidentsTotal").asLong()).isEqualTo(3);
        assertThat(created.json().get("figures").get("incidentsResolved").asLong())
                .isEqualTo(2);

        JsonNode linked = dueOf(api.get(base).json(), period);
        assertThat(linked.get("periodicReport").get("id").asLong()).isEqualTo(id);
        assertThat(linked.get("periodicReport").get("status").asString()).isEqualTo("DRAFT");
        assertThat(linked.get("periodicReport").get("frozen").asBoolean()).isFalse();

        NetworkFixture.submit(api, leader, id);

        // The period is met: a missed earlier report leaves the list, the current one shows the frozen report.
        JsonNode after = api.get(base).json();
        for (JsonNode d : after.get("reportsDue")) {
            if (d.get("periodicPeriod").asString().equals(period)) {
                assertThat(d.get("periodicReport").get("frozen").asBoolean()).isTrue();
            }
        }
        assertThat(after.get("periodicReports").get(0).get("id").asLong()).isEqualTo(id);

        // R33 is met by the submitted report of the reports module, with the report as evidence.
        JsonNode r33 = obligation(api, province, "R33");
        assertThat(r33.get("evidence").get("kind").asString()).isEqualTo("periodic-report");
        assertThat(r33.get("evidence").get("url").asString()).isEqualTo("/reports/" + id);
        assertThat(r33.get("lastMetOn").asString())
                .isEqualTo(LocalDate.now(NetworkRules.VN).toString());

        // The network page links the report of the period.
        Http.Session page = http.session();
        page.login(officer.username(), TestData.PASSWORD);
        Http.Response html = page.get("/incident-network/" + province.id());
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("<a href=\"/reports/" + id + "\">" + period + "</a>");
    }

    @Test
    void aPeriodWithNoReportOffersToOpenOneInTheReportsModule() {
        TestData.Org province = member("Tỉnh chưa lập ");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person auditor = data.person(province, Role.AUDITOR);
        Http.Session page = http.session();
        page.login(officer.username(), TestData.PASSWORD);
        String html = page.get("/incident-network/" + province.id()).body();
        assertThat(html).contains("id=\"report-create-").contains("name=\"kind\" value=\"IR_NETWORK_MEMBER\"");
        // A reader is not offered the action.
        Http.Session reader = http.session();
        reader.login(auditor.username(), TestData.PASSWORD);
        assertThat(reader.get("/incident-network/" + province.id()).body()).doesNotContain("id=\"report-create-");
        // The designated response unit's responder is offered it (ADR 0044: it drafts the member report); the old
        // draft and submit actions of the network page are gone.
        TestData.Org unit = data.org(province, "Đơn vị ứng cứu hợp nhất");
        data.jdbc()
                .sql("INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id,"
                        + " created_at) VALUES (:s, 'INCIDENT_RESPONSE_UNIT', :o, :now)")
                .param("s", province.id())
                .param("o", unit.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        Http.Session responderPage = http.session();
        responderPage.login(responder.username(), TestData.PASSWORD);
        String responderHtml =
                responderPage.get("/incident-network/" + province.id()).body();
        assertThat(responderHtml)
                .contains("id=\"report-create-")
                .doesNotContain("id=\"report-draft-")
                .doesNotContain("id=\"report-submit-");
    }

    @Test
    void aSubmittedReportFreezesItsIncidentsByUnitAndTheParentReadsThemFrozen() {
        TestData.Org province = member("Tỉnh theo đơn vị ");
        TestData.Org department = data.org(province, "Sở theo đơn vị " + data.unique("d"));
        TestData.Org hospital = data.org(department, "Bệnh viện theo đơn vị " + data.unique("h"));
        incident(hospital, LocalDate.of(2026, 3, 1), "CLOSED");
        incident(department, LocalDate.of(2026, 3, 2), "VERIFIED");
        Http.Api officer =
                http.api(data.person(department, Role.SECURITY_OFFICER).token());
        Http.Api leader = http.api(data.person(department, Role.LEADER).token());
        long id = ReportSteps.checked(officer, department.id(), "IR_NETWORK_MEMBER", "2026-H1");
        assertThat(leader.post(
                                "/api/v1/reports/" + id + "/actions/SIGN",
                                Map.of("documentNumber", "3/BC-S", "documentDate", "2026-06-18"))
                        .status())
                .isEqualTo(200);
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);
        // A later incident of the period does not change what was submitted.
        incident(hospital, LocalDate.of(2026, 4, 1), "VERIFIED");

        assertThat(units(officer.get("/api/v1/reports/" + id).json()))
                .containsEntry(hospital.id(), 1L)
                .containsEntry(department.id(), 1L);
        Http.Response parent = http.api(
                        data.person(province, Role.SECURITY_OFFICER).token())
                .post(
                        "/api/v1/reports",
                        Map.of("organizationId", province.id(), "kind", "IR_NETWORK_MEMBER", "period", "2026-H1"));
        assertThat(parent.status()).as(parent.body()).isEqualTo(201);
        assertThat(units(parent.json()))
                .containsEntry(hospital.id(), 1L)
                .containsEntry(department.id(), 1L)
                .doesNotContainKey(province.id());
        assertThat(parent.json().get("figures").get("incidentsTotal").asLong()).isEqualTo(2);
    }

    private static Map<Long, Long> units(JsonNode report) {
        Map<Long, Long> out = new LinkedHashMap<>();
        report.get("units")
                .forEach(u -> out.put(
                        u.get("organizationId").asLong(),
                        u.get("figures").get("incidentsTotal").asLong()));
        return out;
    }

    /** A province (a network member kind) with a unique name. */
    private TestData.Org member(String name) {
        TestData.Org province = data.org(data.root(), name + data.unique("p"));
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        return province;
    }

    private static JsonNode dueOf(JsonNode view, String period) {
        for (JsonNode d : view.get("reportsDue")) {
            if (d.get("periodicPeriod").asString().equals(period)) {
                return d;
            }
        }
        throw new AssertionError(period + " not listed: " + view);
    }

    private JsonNode obligation(Http.Api api, TestData.Org org, String rule) {
        Http.Response r = api.get("/api/v1/organizations/" + org.id() + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode o : r.json()) {
            if (o.get("rule").asString().equals(rule)) {
                return o;
            }
        }
        throw new AssertionError(rule + " missing: " + r.body());
    }

    private void incident(TestData.Org org, LocalDate day, String status) {
        data.jdbc()
                .sql("""
                        INSERT INTO incident (organization_id, title, category, severity, status, source, detected_at,
                          detected_offset, regime, beyond_capacity, national_security_signs, created_at, updated_at)
                        VALUES (:o, 'Sự cố thử hợp nhất', 'MALWARE', 'MEDIUM', :s, 'UI', :d, '+07:00', 'tt20-2017',
                          FALSE, FALSE, :now, :now)""")
                .param("o", org.id())
                .param("s", status)
                .param(
                        "d",
                        Timestamp.from(
                                OffsetDateTime.parse(day + "T09:00:00+07:00").toInstant()))
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }
}
