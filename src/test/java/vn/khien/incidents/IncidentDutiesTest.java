package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The incident duties in the obligations matrix (R30, R31): an open incident's 24 h clock is the system's due date for
 * R31 and its verification is R30's evidence; a submitted report is R31's evidence.
 */
class IncidentDutiesTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    ComplianceFixture fixture;

    @Test
    void anOpenIncidentsClockIsTheSystemsDueDateAndItsReportsTheEvidence() {
        TestData.Org province = data.org(data.root(), "Tỉnh nghĩa vụ sự cố");
        TestData.Org hospital = data.org(province, "Bệnh viện nghĩa vụ sự cố");
        TestData.Org unit = data.org(province, "Sở ứng cứu nghĩa vụ");
        data.designateResponseUnit(province, unit);
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(province, Role.LEADER);
        Http.Api api = http.api(officer.token());
        long system = ComplianceFixture.createSystem(api, data, hospital, "HIS nghĩa vụ sự cố");
        data.jdbc()
                .sql("UPDATE information_system SET lifecycle_status = 'OPERATING' WHERE id = :id")
                .param("id", system)
                .update();
        fixture.approve(system, hospital, 3, "nd331-2026", LocalDate.now().minusMonths(1));

        // no incident yet: nothing to report, which is not "met" (issue 13)
        JsonNode noEvent = rule(leader, system, "R31");
        assertThat(noEvent.get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(noEvent.get("reason").asString()).isEqualTo("obligation.reason.no-event");
        Http.Response created = IncidentReports.of(hospital, "Mã độc trên HIS (nghĩa vụ)")
                .onSystem(system)
                .post(api);
        long incident = created.json().get("id").asLong();
        String due24h = null;
        for (JsonNode d : created.json().get("deadlines")) {
            if ("INITIAL_24H".equals(d.get("kind").asString())) {
                due24h = OffsetDateTime.parse(d.get("dueAt").asString())
                        .atZoneSameInstant(VN)
                        .toLocalDate()
                        .toString();
            }
        }
        assertThat(due24h).isNotNull();

        JsonNode r31 = rule(leader, system, "R31");
        assertThat(r31.get("dueOn").asString()).isEqualTo(due24h);
        assertThat(r31.get("status").asString()).isEqualTo("DUE_SOON");
        assertThat(r31.get("evidence").get("url").asString()).isEqualTo("/incidents/" + incident);
        JsonNode r30 = rule(leader, system, "R30");
        assertThat(r30.get("dueOn").asString()).isEqualTo(LocalDate.now(VN).toString());

        // The 24 h report and the verification are the evidence; the clock is gone from the due date.
        assertThat(api.post("/api/v1/incidents/" + incident + "/reports", Map.of("kind", "INITIAL_24H"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/incidents/" + incident + "/verify", new HashMap<>())
                        .status())
                .isEqualTo(200);
        JsonNode after = rule(leader, system, "R31");
        assertThat(after.get("lastMetOn").asString())
                .isEqualTo(LocalDate.now(VN).toString());
        assertThat(after.get("evidence").get("kind").asString()).isEqualTo("incident-report");
        JsonNode ack = rule(leader, system, "R30");
        assertThat(ack.get("status").asString()).isEqualTo("MET");
        assertThat(ack.get("lastMetOn").asString()).isEqualTo(LocalDate.now(VN).toString());
    }

    private JsonNode rule(TestData.Person who, long system, String id) {
        Http.Response r = http.api(who.token()).get("/api/v1/systems/" + system + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode n : r.json()) {
            if (id.equals(n.get("rule").asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + r.body());
    }
}
