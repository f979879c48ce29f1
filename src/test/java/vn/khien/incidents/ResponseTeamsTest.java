package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The province's incident-response team (R26, Chỉ thị 18) through the API: set up by the designated response unit, its
 * establishment decision turning R26 from OVERDUE to MET in the obligations, the roster with skills checked against
 * the standard, the on-call rotation (who is on call now), a threat-hunting campaign whose finding opens a remediation
 * task, and the incident statistics per category, severity and month. Errors are problem+json naming the field; every
 * change is audited.
 */
class ResponseTeamsTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    TestData.Org province;
    TestData.Org unit;
    TestData.Org hospital;
    TestData.Person responder;
    TestData.Person officer;
    TestData.Person leader;
    TestData.Person hospitalOfficer;

    @BeforeEach
    void province() {
        province = data.org(data.root(), "Tỉnh đội ứng cứu");
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        unit = data.org(province, "Sở KH&CN đội ứng cứu");
        hospital = data.org(province, "Bệnh viện đội ứng cứu");
        data.jdbc()
                .sql(
                        "INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)"
                                + " VALUES (:s, 'INCIDENT_RESPONSE_UNIT', :o, :now)")
                .param("s", province.id())
                .param("o", unit.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
        responder = data.person(unit, Role.INCIDENT_RESPONDER);
        officer = data.person(unit, Role.SECURITY_OFFICER);
        leader = data.person(province, Role.LEADER);
        hospitalOfficer = data.person(hospital, Role.SECURITY_OFFICER);
    }

    @Test
    void theResponseUnitSetsUpTheTeamAndItsDecisionIsTheEvidenceOfR26() {
        Http.Api api = http.api(responder.token());
        assertThat(r26().get("status").asString()).isEqualTo("OVERDUE");

        Http.Response missing = api.post("/api/v1/response-teams", Map.of("organizationId", province.id()));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
        assertThat(missing.body()).contains("\"field\":\"name\"");

        Http.Response created = api.post(
                "/api/v1/response-teams", Map.of("organizationId", province.id(), "name", "Đội ứng cứu tỉnh thử"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long team = created.json().get("id").asLong();
        JsonNode view = api.get("/api/v1/response-teams/" + team).json();
        assertThat(view.get("team").get("unitOrganizationId").asLong()).isEqualTo(unit.id());
        assertThat(view.get("canManage").asBoolean()).isTrue();
        // A second team for the same province is refused, naming the field.
        Http.Response twice =
                api.post("/api/v1/response-teams", Map.of("organizationId", province.id(), "name", "Đội thứ hai"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("\"field\":\"organizationId\"");
        // A hospital officer of the province may not set up or change the province's team.
        assertThat(http.api(hospitalOfficer.token())
                        .get("/api/v1/response-teams/" + team)
                        .status())
                .isEqualTo(404);

        // No decision yet: R26 stays not met.
        assertThat(r26().get("status").asString()).isEqualTo("OVERDUE");
        Map<String, Object> future = Map.of(
                "decisionNumber",
                "99/QĐ-UBND",
                "decisionDate",
                LocalDate.now(VN).plusDays(3).toString());
        Http.Response refused = api.send("PUT", "/api/v1/response-teams/" + team + "/decision", future);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"decisionDate\"");
        LocalDate decided = LocalDate.now(VN).minusMonths(5);
        Http.Response decision = api.send(
                "PUT",
                "/api/v1/response-teams/" + team + "/decision",
                Map.of("decisionNumber", "12/QĐ-UBND", "decisionDate", decided.toString()));
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        JsonNode met = r26();
        assertThat(met.get("status").asString()).isEqualTo("MET");
        assertThat(met.get("lastMetOn").asString()).isEqualTo(decided.toString());
        assertThat(met.get("evidence").get("kind").asString()).isEqualTo("response-team-decision");
        assertThat(met.get("evidence").get("url").asString()).isEqualTo("/response-teams/" + team);

        assertThat(data.jdbc()
                        .sql("SELECT action FROM audit_event WHERE target_type = 'response_team' AND target_id = :t"
                                + " ORDER BY id")
                        .param("t", String.valueOf(team))
                        .query(String.class)
                        .list())
                .containsExactly("team.create", "team.decision");
    }

    @Test
    void theRosterIsCheckedAgainstTheSkillStandardAndTheRotationSaysWhoIsOnCallNow() {
        Http.Api api = http.api(responder.token());
        long team = api.post(
                        "/api/v1/response-teams",
                        Map.of("organizationId", province.id(), "name", "Đội ứng cứu trực thử"))
                .json()
                .get("id")
                .asLong();
        String t = "/api/v1/response-teams/" + team;
        // An outsourced expert needs their firm; a skill must be one of the standard's.
        Map<String, Object> expert = new LinkedHashMap<>();
        expert.put("fullName", "Chuyên gia thuê ngoài thử");
        expert.put("phone", "0988 111 222");
        expert.put("role", "EXPERT");
        expert.put("skills", List.of(Map.of("skill", "FORENSICS", "certificate", "GIAC GCFA")));
        Http.Response noFirm = api.post(t + "/members", expert);
        assertThat(noFirm.status()).isEqualTo(422);
        assertThat(noFirm.body()).contains("\"field\":\"organisationName\"");
        expert.put("organisationName", "Công ty an ninh mạng thử");
        expert.put("skills", List.of(Map.of("skill", "ASTROLOGY")));
        Http.Response badSkill = api.post(t + "/members", expert);
        assertThat(badSkill.status()).isEqualTo(422);
        assertThat(badSkill.body()).contains("\"field\":\"skills[0].skill\"");
        expert.put(
                "skills",
                List.of(Map.of(
                        "skill",
                        "FORENSICS",
                        "certificate",
                        "GIAC GCFA",
                        "validUntil",
                        LocalDate.now(VN).plusYears(1).toString())));
        Http.Response added = api.post(t + "/members", expert);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long expertId = added.json().get("id").asLong();
        // A person of another tree cannot be put on the roster as a person of the tree.
        TestData.Person stranger = data.person(data.org(data.root(), "Đơn vị lạ đội"), Role.SECURITY_OFFICER);
        Http.Response outside =
                api.post(t + "/members", Map.of("personId", stranger.id(), "role", "MEMBER", "phone", "0912 333 444"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("\"field\":\"personId\"");
        Http.Response me = api.post(
                t + "/members",
                Map.of(
                        "personId",
                        responder.id(),
                        "role",
                        "CONTACT",
                        "email",
                        responder.username() + "@example.test",
                        "skills",
                        List.of(Map.of("skill", "MONITORING"))));
        assertThat(me.status()).as(me.body()).isEqualTo(201);
        long meId = me.json().get("id").asLong();

        JsonNode view = api.get(t).json();
        assertThat(view.get("members")).hasSize(2);
        assertThat(view.get("members").get(1).get("fullName").asString())
                .isEqualTo("Người thử " + responder.username());
        Map<String, Boolean> covered = new HashMap<>();
        view.get("coverage")
                .forEach(c ->
                        covered.put(c.get("skill").asString(), c.get("covered").asBoolean()));
        assertThat(covered).containsEntry("FORENSICS", true).containsEntry("MONITORING", true);
        assertThat(covered).containsEntry("MALWARE_ANALYSIS", false);
        assertThat(view.get("onCallNow")).isEmpty();

        Http.Response unknown = api.post(
                t + "/rotation",
                Map.of(
                        "memberIds",
                        List.of(987654321L),
                        "startsOn",
                        LocalDate.now(VN).toString()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"memberIds\"");
        // From yesterday 08:00, two days each: the responder is on call until tomorrow 08:00, whatever the hour now.
        Http.Response rotation = api.post(
                t + "/rotation",
                Map.of(
                        "memberIds",
                        List.of(meId, expertId),
                        "startsOn",
                        LocalDate.now(VN).minusDays(1).toString(),
                        "days",
                        2,
                        "rounds",
                        3));
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        JsonNode now = rotation.json().get("onCallNow");
        assertThat(now).hasSize(1);
        assertThat(now.get(0).get("memberName").asString()).isEqualTo("Người thử " + responder.username());
        assertThat(now.get(0).get("endsAt").asString())
                .isEqualTo(LocalDate.now(VN)
                        .plusDays(1)
                        .atTime(8, 0)
                        .atZone(VN)
                        .toInstant()
                        .toString());
        assertThat(rotation.json().get("upcoming")).hasSize(6);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('team.member.add', 'team.rotation')"
                                + " AND organization_id = :o")
                        .param("o", province.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
    }

    @Test
    void aHuntingFindingBecomesARemediationTaskOfTheSystem() {
        long system = ComplianceFixture.createSystem(http.api(officer.token()), data, unit, "Hệ thống săn lùng thử");
        long elsewhere = ComplianceFixture.createSystem(
                http.api(hospitalOfficer.token()), data, hospital, "Hệ thống bệnh viện săn lùng");
        Http.Api api = http.api(officer.token());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organizationId", unit.id());
        body.put("title", "Săn lùng web shell thử");
        body.put("scope", "Máy chủ ứng dụng, nhật ký 90 ngày");
        body.put("hypotheses", "Web shell cài qua lỗ hổng Tomcat");
        body.put("techniques", "YARA, so khớp mã băm");
        body.put("startedOn", LocalDate.now(VN).minusDays(5).toString());
        body.put("findings", List.of(Map.of("title", "Trang quản trị mở ra Internet", "systemId", elsewhere)));
        Http.Response outside = api.post("/api/v1/hunting-campaigns", body);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("\"field\":\"findings[0].systemId\"");
        body.put("hypotheses", "");
        Http.Response noHypothesis = api.post("/api/v1/hunting-campaigns", body);
        assertThat(noHypothesis.body()).contains("\"field\":\"hypotheses\"");
        body.put("hypotheses", "Web shell cài qua lỗ hổng Tomcat");
        body.put("findings", List.of(Map.of("title", "Trang quản trị mở ra Internet", "systemId", system)));
        Http.Response created = api.post("/api/v1/hunting-campaigns", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode finding = created.json().get("findings").get(0);
        long task = finding.get("taskId").asLong();
        assertThat(data.jdbc()
                        .sql("SELECT title FROM remediation_task WHERE id = :id AND system_id = :s")
                        .param("id", task)
                        .param("s", system)
                        .query(String.class)
                        .single())
                .isEqualTo("[Săn lùng] Trang quản trị mở ra Internet");
        long id = created.json().get("id").asLong();
        assertThat(http.api(responder.token())
                        .get("/api/v1/hunting-campaigns/" + id)
                        .json()
                        .get("findings"))
                .hasSize(1);
        assertThat(http.api(hospitalOfficer.token())
                        .get("/api/v1/hunting-campaigns/" + id)
                        .status())
                .isEqualTo(404);
        // The pages: the list and the campaign with its finding's task.
        Http.Session session = http.session();
        assertThat(session.login(responder.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        Http.Response list = session.get("/hunting");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Săn lùng web shell thử");
        Http.Response page = session.get("/hunting/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Trang quản trị mở ra Internet")
                .contains("Nhiệm vụ #" + task)
                .contains("/compliance/systems/" + system);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'hunting.record' AND target_id = :t")
                        .param("t", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void statisticsCountIncidentsPerCategorySeverityAndMonthOfTheSubtree() {
        Http.Api api = http.api(hospitalOfficer.token());
        for (String[] i : new String[][] {
            {"MALWARE", "2026-03-31T23:30:00+07:00"},
            {"MALWARE", "2026-04-01T00:10:00+07:00"},
            {"PHISHING", "2026-04-15T09:00:00+07:00"}
        }) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("organizationId", hospital.id());
            body.put("title", "Sự cố thống kê " + i[0]);
            body.put("category", i[0]);
            body.put("detectedAt", i[1]);
            body.put("beyondCapacity", false);
            assertThat(api.post("/api/v1/incidents", body).status()).isEqualTo(201);
        }
        Http.Response r = http.api(leader.token())
                .get("/api/v1/incidents/statistics?organizationId=" + province.id() + "&from=2026-03-01&to=2026-04-30");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("total").asLong()).isEqualTo(3);
        assertThat(count(s.get("byCategory"), "MALWARE")).isEqualTo(2);
        assertThat(count(s.get("byCategory"), "PHISHING")).isEqualTo(1);
        assertThat(count(s.get("byCategory"), "DDOS")).isZero();
        // The month follows Việt Nam time: 23:30 on 31/03 is March, 00:10 on 01/04 is April.
        assertThat(count(s.get("byMonth"), "2026-03")).isEqualTo(1);
        assertThat(count(s.get("byMonth"), "2026-04")).isEqualTo(2);
        assertThat(count(s.get("bySeverity"), "LOW")
                        + count(s.get("bySeverity"), "MEDIUM")
                        + count(s.get("bySeverity"), "HIGH")
                        + count(s.get("bySeverity"), "CRITICAL"))
                .isEqualTo(3);
        Http.Response noFrom = http.api(leader.token()).get("/api/v1/incidents/statistics?to=2026-04-30");
        assertThat(noFrom.status()).isEqualTo(422);
        assertThat(noFrom.body()).contains("\"field\":\"from\"");
        Http.Response reversed =
                http.api(leader.token()).get("/api/v1/incidents/statistics?from=2026-04-30&to=2026-04-01");
        assertThat(reversed.body()).contains("\"field\":\"to\"");
    }

    private static long count(JsonNode counts, String key) {
        for (JsonNode c : counts) {
            if (key.equals(c.get("key").asString())) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }

    private JsonNode r26() {
        Http.Response r = http.api(leader.token()).get("/api/v1/organizations/" + province.id() + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode n : r.json()) {
            if ("R26".equals(n.get("rule").asString())) {
                return n;
            }
        }
        throw new AssertionError("no R26 in " + r.body());
    }
}
