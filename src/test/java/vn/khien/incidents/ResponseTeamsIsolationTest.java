package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * People of province A (its response unit's responder and officer) learn nothing of province B's response team, its
 * roster, decision and rotation, nor of B's threat-hunting campaigns and incident statistics: every endpoint and page
 * of response teams, hunting and statistics answers 404 (or 422 exactly as for an unknown organisation, or leaves B
 * out), and nothing of B changes.
 */
public class ResponseTeamsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/response-teams",
            "POST /api/v1/response-teams",
            "GET /api/v1/response-teams/{id}",
            "PUT /api/v1/response-teams/{id}/decision",
            "POST /api/v1/response-teams/{id}/members",
            "POST /api/v1/response-teams/{id}/rotation",
            "GET /api/v1/response-teams/skill-standard",
            "GET /api/v1/hunting-campaigns",
            "POST /api/v1/hunting-campaigns",
            "GET /api/v1/hunting-campaigns/{id}",
            "GET /api/v1/incidents/statistics",
            "GET /response-teams/{id}",
            "GET /response-teams/{id}/decision-file",
            "POST /response-teams/{id}/decision",
            "POST /response-teams/{id}/members",
            "POST /response-teams/{id}/rotation",
            "GET /hunting/{id}");

    static final String SECRET = "Đội bí mật của tỉnh B";
    static final String HUNT = "Săn lùng bí mật của B";
    static final String INCIDENT = "Sự cố thống kê bí mật của B";

    TestData.Org provinceA;
    TestData.Org unitA;
    TestData.Org provinceB;
    TestData.Org unitB;
    TestData.Person responderA;
    TestData.Person officerA;
    long teamB;
    long memberB;
    long campaignB;

    @BeforeEach
    void twoProvinces() {
        provinceA = province("Tỉnh A đội");
        unitA = unit(provinceA, "Sở A đội");
        provinceB = province("Tỉnh B đội");
        unitB = unit(provinceB, "Sở B đội");
        responderA = data.person(unitA, Role.INCIDENT_RESPONDER);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        TestData.Person responderB = data.person(unitB, Role.INCIDENT_RESPONDER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        Http.Api b = http.api(responderB.token());
        Http.Response team = b.post(
                "/api/v1/response-teams",
                Map.of(
                        "organizationId",
                        provinceB.id(),
                        "name",
                        SECRET,
                        "decisionNumber",
                        "7/QĐ-B",
                        "decisionDate",
                        LocalDate.now().minusYears(1).toString()));
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        teamB = team.json().get("id").asLong();
        data.jdbc()
                .sql("UPDATE response_team SET decision_file = :f, decision_file_name = 'qd-b.pdf' WHERE id = :id")
                .param("f", new byte[] {1, 2})
                .param("id", teamB)
                .update();
        Http.Response member = b.post(
                "/api/v1/response-teams/" + teamB + "/members",
                Map.of("personId", responderB.id(), "role", "CONTACT", "phone", "0912 999 888"));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        memberB = member.json().get("id").asLong();
        assertThat(b.post(
                                "/api/v1/response-teams/" + teamB + "/rotation",
                                Map.of(
                                        "memberIds",
                                        List.of(memberB),
                                        "startsOn",
                                        LocalDate.now().toString()))
                        .status())
                .isEqualTo(200);
        long systemB = ComplianceFixture.createSystem(http.api(officerB.token()), data, unitB, "Hệ thống săn lùng B");
        Http.Response hunt = http.api(officerB.token())
                .post(
                        "/api/v1/hunting-campaigns",
                        Map.of(
                                "organizationId",
                                unitB.id(),
                                "title",
                                HUNT,
                                "scope",
                                "x",
                                "hypotheses",
                                "x",
                                "startedOn",
                                LocalDate.now().minusDays(2).toString(),
                                "findings",
                                List.of(Map.of("title", "Phát hiện bí mật của B", "systemId", systemB))));
        assertThat(hunt.status()).as(hunt.body()).isEqualTo(201);
        campaignB = hunt.json().get("id").asLong();
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("organizationId", unitB.id());
        incident.put("title", INCIDENT);
        incident.put("category", "DEFACE");
        incident.put("detectedAt", "2026-05-05T10:00:00+07:00");
        incident.put("beyondCapacity", false);
        assertThat(http.api(officerB.token())
                        .post("/api/v1/incidents", incident)
                        .status())
                .isEqualTo(201);
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String t = "/api/v1/response-teams/" + teamB;
        cases.put("GET /api/v1/response-teams", (api, who) -> {
            Http.Response r = api.get("/api/v1/response-teams");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(SECRET);
        });
        cases.put("POST /api/v1/response-teams", (api, who) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "x"));
            body.put("organizationId", provinceB.id());
            Http.Response r = api.post("/api/v1/response-teams", body);
            body.put("organizationId", 987654321L);
            Http.Response unknown = api.post("/api/v1/response-teams", body);
            assertThat(r.status()).as(who).isEqualTo(unknown.status()).isEqualTo(422);
            assertThat(r.bodyWithoutRequestId()).as(who).isEqualTo(unknown.bodyWithoutRequestId());
            // Nor may A host B's team in A's own unit.
            body.put("organizationId", provinceB.id());
            body.put("unitOrganizationId", unitA.id());
            assertThat(api.post("/api/v1/response-teams", body).status())
                    .as(who)
                    .isEqualTo(422);
        });
        cases.put("GET /api/v1/response-teams/{id}", (api, who) -> notFound(api.get(t), who));
        cases.put(
                "PUT /api/v1/response-teams/{id}/decision",
                (api, who) -> notFound(
                        api.send(
                                "PUT",
                                t + "/decision",
                                Map.of(
                                        "decisionNumber",
                                        "x",
                                        "decisionDate",
                                        LocalDate.now().toString())),
                        who));
        cases.put(
                "POST /api/v1/response-teams/{id}/members",
                (api, who) -> notFound(
                        api.post(
                                t + "/members",
                                Map.of(
                                        "fullName",
                                        "x",
                                        "organisationName",
                                        "x",
                                        "phone",
                                        "0912 000 000",
                                        "role",
                                        "EXPERT")),
                        who));
        cases.put(
                "POST /api/v1/response-teams/{id}/rotation",
                (api, who) -> notFound(
                        api.post(
                                t + "/rotation",
                                Map.of(
                                        "memberIds",
                                        List.of(memberB),
                                        "startsOn",
                                        LocalDate.now().toString())),
                        who));
        cases.put("GET /api/v1/response-teams/skill-standard", (api, who) -> {
            Http.Response r = api.get("/api/v1/response-teams/skill-standard");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(SECRET).contains("INCIDENT_HANDLING");
        });
        cases.put("GET /api/v1/hunting-campaigns", (api, who) -> {
            Http.Response r = api.get("/api/v1/hunting-campaigns");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(HUNT);
        });
        cases.put("POST /api/v1/hunting-campaigns", (api, who) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of(
                    "title",
                    "x",
                    "scope",
                    "x",
                    "hypotheses",
                    "x",
                    "startedOn",
                    LocalDate.now().toString()));
            body.put("organizationId", unitB.id());
            Http.Response r = api.post("/api/v1/hunting-campaigns", body);
            body.put("organizationId", 987654321L);
            Http.Response unknown = api.post("/api/v1/hunting-campaigns", body);
            assertThat(r.status()).as(who).isEqualTo(unknown.status()).isEqualTo(422);
            assertThat(r.bodyWithoutRequestId()).as(who).isEqualTo(unknown.bodyWithoutRequestId());
        });
        cases.put(
                "GET /api/v1/hunting-campaigns/{id}",
                (api, who) -> notFound(api.get("/api/v1/hunting-campaigns/" + campaignB), who));
        cases.put("GET /api/v1/incidents/statistics", (api, who) -> {
            String period = "&from=2026-01-01&to=2026-12-31";
            Http.Response r = api.get("/api/v1/incidents/statistics?organizationId=" + provinceB.id() + period);
            Http.Response unknown = api.get("/api/v1/incidents/statistics?organizationId=987654321" + period);
            assertThat(r.status()).as(who).isEqualTo(unknown.status()).isEqualTo(422);
            assertThat(r.bodyWithoutRequestId()).as(who).isEqualTo(unknown.bodyWithoutRequestId());
            // Everything A sees leaves B's defacement out.
            Http.Response all = api.get("/api/v1/incidents/statistics?from=2026-05-01&to=2026-05-31");
            assertThat(all.status()).as(who).isEqualTo(200);
            for (var c : all.json().get("byCategory")) {
                if ("DEFACE".equals(c.get("key").asString())) {
                    assertThat(c.get("count").asLong()).as(who).isZero();
                }
            }
        });
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(responderA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        assertBUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String t = "/response-teams/" + teamB;
        pages.put("GET /response-teams/{id}", t);
        pages.put("GET /response-teams/{id}/decision-file", t + "/decision-file");
        pages.put("POST /response-teams/{id}/decision", t + "/decision");
        pages.put("POST /response-teams/{id}/members", t + "/members");
        pages.put("POST /response-teams/{id}/rotation", t + "/rotation");
        pages.put("GET /hunting/{id}", "/hunting/" + campaignB);
        assertThat(COVERED).containsAll(pages.keySet());
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "decisionNumber",
                "x",
                "decisionDate",
                LocalDate.now().toString(),
                "fullName",
                "x",
                "organisationName",
                "x",
                "phone",
                "0912 000 000",
                "role",
                "EXPERT",
                "memberIds",
                String.valueOf(memberB),
                "startsOn",
                LocalDate.now().toString()));
        for (TestData.Person caller : List.of(responderA, officerA)) {
            Http.Session session = http.session();
            assertThat(session.login(caller.username(), TestData.PASSWORD).status())
                    .isEqualTo(302);
            pages.forEach((endpoint, path) -> {
                Http.Response r = endpoint.startsWith("GET") ? session.get(path) : session.postForm(path, form);
                assertThat(r.status()).as(endpoint + " as " + caller.username()).isEqualTo(404);
                assertThat(r.body()).as(endpoint).doesNotContain(SECRET).doesNotContain(HUNT);
            });
            assertThat(session.get("/response-teams").body()).doesNotContain(SECRET);
            assertThat(session.get("/hunting").body()).doesNotContain(HUNT);
            assertThat(session.get("/incidents/statistics?organizationId=" + provinceB.id())
                            .body())
                    .doesNotContain("Tỉnh B đội");
        }
        assertBUntouched();
    }

    private void assertBUntouched() {
        Map<String, Object> team = data.jdbc()
                .sql("SELECT decision_number, name FROM response_team WHERE id = :id")
                .param("id", teamB)
                .query()
                .singleRow();
        assertThat(team.get("decision_number")).isEqualTo("7/QĐ-B");
        assertThat(count("SELECT COUNT(*) FROM response_team_member WHERE team_id = :id", teamB))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM response_team_shift WHERE team_id = :id", teamB))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM response_team WHERE organization_id = :id", provinceB.id()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM hunting_campaign WHERE organization_id = :id", unitB.id()))
                .isEqualTo(1);
    }

    private long count(String sql, long id) {
        return data.jdbc().sql(sql).param("id", id).query(Long.class).single();
    }

    private TestData.Org province(String name) {
        TestData.Org p = data.org(data.root(), name);
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", p.id())
                .update();
        return p;
    }

    private TestData.Org unit(TestData.Org province, String name) {
        TestData.Org u = data.org(province, name);
        data.jdbc()
                .sql(
                        "INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)"
                                + " VALUES (:s, 'INCIDENT_RESPONSE_UNIT', :o, :now)")
                .param("s", province.id())
                .param("o", u.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return u;
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
        assertThat(r.body()).as(who).doesNotContain(SECRET);
    }
}
