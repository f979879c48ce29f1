package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** State changes: who may do what, the history and the audit trail; SLA per subtree; the summary. */
class FindingStateTest extends IntegrationTest {

    TestData.Org unit;
    TestData.Person officer;
    TestData.Person leader;
    TestData.Person auditor;
    long system;
    List<Long> ids;

    @BeforeEach
    void findings() {
        unit = data.org(data.root(), "Đơn vị trạng thái");
        officer = data.person(unit, Role.SECURITY_OFFICER);
        leader = data.person(unit, Role.LEADER);
        auditor = data.person(unit, Role.AUDITOR);
        system = ScanFixtures.system(data, unit);
        ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                "s.nessus",
                ScanFixtures.nessus(Map.of("10.7.7.7", new int[] {1, 2, 3})),
                Map.of());
        ids = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s ORDER BY id")
                .param("s", system)
                .query(Long.class)
                .list();
    }

    Http.Response change(TestData.Person who, List<Long> which, String status, String reason, String expires) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", which);
        body.put("status", status);
        body.put("reason", reason);
        if (expires != null) {
            body.put("riskExpiresOn", expires);
        }
        return http.api(who.token()).post("/api/v1/findings/state", body);
    }

    @Test
    void officersMarkFalsePositivesLeadersAcceptRisksAuditorsChangeNothing() {
        String in90 = LocalDate.now().plusDays(90).toString();
        assertThat(change(auditor, ids, "FALSE_POSITIVE", "x", null).status()).isEqualTo(403);
        assertThat(change(officer, ids.subList(0, 1), "ACCEPTED_RISK", "bù trừ", in90)
                        .status())
                .isEqualTo(403);
        Http.Response noReason = change(officer, ids.subList(0, 1), "FALSE_POSITIVE", " ", null);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Http.Response noExpiry = change(leader, ids.subList(0, 1), "ACCEPTED_RISK", "bù trừ", null);
        assertThat(noExpiry.json().get("errors").get(0).get("field").asString()).isEqualTo("riskExpiresOn");

        Http.Response fp =
                change(officer, ids.subList(0, 2), "FALSE_POSITIVE", "Dịch vụ không chạy trên máy này", null);
        assertThat(fp.status()).as(fp.body()).isEqualTo(200);
        assertThat(fp.json().get("changed").asInt()).isEqualTo(2);
        Http.Response risk = change(leader, ids.subList(2, 3), "ACCEPTED_RISK", "Có biện pháp bù trừ", in90);
        assertThat(risk.status()).as(risk.body()).isEqualTo(200);

        JsonNode detail =
                http.api(auditor.token()).get("/api/v1/findings/" + ids.get(2)).json();
        assertThat(detail.get("finding").get("status").asString()).isEqualTo("ACCEPTED_RISK");
        assertThat(detail.get("finding").get("riskApprovedBy").asString()).isEqualTo(leader.username());
        assertThat(detail.get("finding").get("riskExpiresOn").asString()).isEqualTo(in90);
        assertThat(detail.get("history").get(0).get("changedByName").asString()).isEqualTo(leader.username());
        assertThat(detail.get("history").get(0).get("reason").asString()).isEqualTo("Có biện pháp bù trừ");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'finding.state' AND target_id = :id")
                        .param("id", String.valueOf(ids.get(2)))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // A later full scan that still reports them leaves the decisions alone.
        JsonNode again = ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                "s.nessus",
                ScanFixtures.nessus(Map.of("10.7.7.7", new int[] {1, 2, 3})),
                Map.of());
        assertThat(again.get("findings").get("unchanged").asInt()).isEqualTo(3);
        assertThat(http.api(officer.token())
                        .get("/api/v1/systems/" + system + "/findings?status=FALSE_POSITIVE")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void slaOfASubtreeSetsDueDatesAndTheSummaryCounts() {
        TestData.Org child = data.org(unit, "Đơn vị con");
        Http.Response set = http.api(leader.token())
                .send(
                        "PUT",
                        "/api/v1/organizations/" + unit.id() + "/findings/sla",
                        Map.of("critical", 7, "high", 14, "medium", 60, "low", 120));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(http.api(officer.token())
                        .send(
                                "PUT",
                                "/api/v1/organizations/" + unit.id() + "/findings/sla",
                                Map.of("critical", 1, "high", 1, "medium", 1, "low", 1))
                        .status())
                .isEqualTo(403);
        long childSystem = ScanFixtures.system(data, child);
        ScanFixtures.importReport(
                http.api(officer.token()),
                childSystem,
                "c.nessus",
                ScanFixtures.nessus(Map.of("10.8.8.8", new int[] {4})),
                Map.of("scanDate", "2026-01-01"));
        JsonNode item = http.api(officer.token())
                .get("/api/v1/systems/" + childSystem + "/findings")
                .json()
                .get("items")
                .get(0);
        assertThat(item.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(item.get("dueDate").asString()).isEqualTo("2026-01-08");

        JsonNode summary = http.api(auditor.token())
                .get("/api/v1/organizations/" + unit.id() + "/findings/summary")
                .json();
        long total = 0;
        for (JsonNode c : summary.get("counts")) {
            total += c.get("count").asLong();
        }
        assertThat(total).isEqualTo(4);
        assertThat(summary.get("systems")).hasSize(2);
        assertThat(summary.get("sla").get("critical").asInt()).isEqualTo(7);
        summary.get("systems").forEach(s -> assertThat(s.get("duty").asString()).isIn("MET", "OVERDUE"));
    }
}
