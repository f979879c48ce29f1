package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * People of province A (its response unit's responder and officer) can neither read, edit nor remove a member of
 * province B's response team, nor upload or download B's certificate files: every member endpoint and page answers 404
 * — through B's team id, and through A's own team id with B's member id — and nothing of B changes.
 */
public class ResponseTeamMembersIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/response-teams/{id}/members/{memberId}",
            "PUT /api/v1/response-teams/{id}/members/{memberId}",
            "DELETE /api/v1/response-teams/{id}/members/{memberId}",
            "POST /api/v1/response-teams/{id}/members/{memberId}/certificates/{skill}",
            "GET /api/v1/response-teams/{id}/members/{memberId}/certificates/{skill}",
            "GET /response-teams/{id}/members/{memberId}",
            "POST /response-teams/{id}/members/{memberId}",
            "POST /response-teams/{id}/members/{memberId}/removal",
            "POST /response-teams/{id}/members/{memberId}/certificates/{skill}",
            "GET /response-teams/{id}/members/{memberId}/certificates/{skill}");

    static final String SECRET = "Thành viên bí mật của tỉnh B";
    static final byte[] PDF = "%PDF-1.4 chứng chỉ của B".getBytes(StandardCharsets.UTF_8);

    TestData.Org provinceA;
    TestData.Org provinceB;
    TestData.Person responderA;
    TestData.Person officerA;
    long teamA;
    long teamB;
    long memberB;
    String shaB;

    @BeforeEach
    void twoProvinces() {
        provinceA = province("Tỉnh A thành viên");
        TestData.Org unitA = unit(provinceA, "Sở A thành viên");
        provinceB = province("Tỉnh B thành viên");
        TestData.Org unitB = unit(provinceB, "Sở B thành viên");
        responderA = data.person(unitA, Role.INCIDENT_RESPONDER);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        TestData.Person responderB = data.person(unitB, Role.INCIDENT_RESPONDER);
        teamA = team(http.api(responderA.token()), provinceA, "Đội của A");
        Http.Api b = http.api(responderB.token());
        teamB = team(b, provinceB, "Đội của B");
        Http.Response member = b.post(
                "/api/v1/response-teams/" + teamB + "/members",
                Map.of(
                        "fullName",
                        SECRET,
                        "organisationName",
                        "Công ty B",
                        "phone",
                        "0912 999 777",
                        "role",
                        "EXPERT",
                        "skills",
                        List.of(Map.of("skill", "FORENSICS", "certificate", "GIAC GCFA"))));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        memberB = member.json().get("id").asLong();
        Http.Response upload = b.upload(
                "/api/v1/response-teams/" + teamB + "/members/" + memberB + "/certificates/FORENSICS",
                "b.pdf",
                PDF,
                Map.of());
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        shaB = upload.json().get("sha256").asString();
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases(long team) {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String m = "/api/v1/response-teams/" + team + "/members/" + memberB;
        cases.put("GET /api/v1/response-teams/{id}/members/{memberId}", (api, who) -> notFound(api.get(m), who));
        cases.put(
                "PUT /api/v1/response-teams/{id}/members/{memberId}",
                (api, who) -> notFound(
                        api.send(
                                "PUT",
                                m,
                                Map.of(
                                        "fullName",
                                        "Đổi tên",
                                        "organisationName",
                                        "x",
                                        "phone",
                                        "0912 000 000",
                                        "role",
                                        "MEMBER")),
                        who));
        cases.put(
                "DELETE /api/v1/response-teams/{id}/members/{memberId}",
                (api, who) -> notFound(api.send("DELETE", m, null), who));
        cases.put(
                "POST /api/v1/response-teams/{id}/members/{memberId}/certificates/{skill}",
                (api, who) -> notFound(
                        api.upload(m + "/certificates/FORENSICS", "x.pdf", "%PDF-1.4 x".getBytes(), Map.of()), who));
        cases.put(
                "GET /api/v1/response-teams/{id}/members/{memberId}/certificates/{skill}",
                (api, who) -> notFound(api.get(m + "/certificates/FORENSICS"), who));
        return cases;
    }

    @Test
    void everyMemberApiEndpointHidesTheOtherSubtree() {
        for (long team : List.of(teamB, teamA)) {
            Map<String, BiConsumer<Http.Api, String>> cases = apiCases(team);
            assertThat(COVERED).containsAll(cases.keySet());
            for (TestData.Person caller : List.of(responderA, officerA)) {
                Http.Api api = http.api(caller.token());
                cases.forEach((endpoint, check) ->
                        check.accept(api, endpoint + " team " + team + " as " + caller.username()));
            }
        }
        assertBUntouched();
    }

    @Test
    void everyMemberPageHidesTheOtherSubtree() {
        for (long team : List.of(teamB, teamA)) {
            Map<String, String> pages = new LinkedHashMap<>();
            String m = "/response-teams/" + team + "/members/" + memberB;
            pages.put("GET /response-teams/{id}/members/{memberId}", m);
            pages.put("POST /response-teams/{id}/members/{memberId}", m);
            pages.put("POST /response-teams/{id}/members/{memberId}/removal", m + "/removal");
            pages.put(
                    "POST /response-teams/{id}/members/{memberId}/certificates/{skill}", m + "/certificates/FORENSICS");
            pages.put(
                    "GET /response-teams/{id}/members/{memberId}/certificates/{skill}", m + "/certificates/FORENSICS");
            assertThat(COVERED).containsAll(pages.keySet());
            Map<String, String> form =
                    Map.of("fullName", "Đổi tên", "organisationName", "x", "phone", "0912 000 000", "role", "MEMBER");
            for (TestData.Person caller : List.of(responderA, officerA)) {
                Http.Session session = http.session();
                assertThat(session.login(caller.username(), TestData.PASSWORD).status())
                        .isEqualTo(302);
                pages.forEach((endpoint, path) -> {
                    Http.Response r;
                    if (endpoint.startsWith("GET")) {
                        r = session.get(path);
                    } else if (endpoint.endsWith("{skill}")) {
                        r = session.upload(path, "x.pdf", "%PDF-1.4 x".getBytes(), Map.of());
                    } else {
                        r = session.postForm(path, form);
                    }
                    assertThat(r.status())
                            .as(endpoint + " team " + team + " as " + caller.username())
                            .isEqualTo(404);
                    assertThat(r.body()).as(endpoint).doesNotContain(SECRET);
                });
            }
        }
        assertBUntouched();
    }

    private void assertBUntouched() {
        Map<String, Object> m = data.jdbc()
                .sql("SELECT full_name, team_role, active FROM response_team_member WHERE id = :id")
                .param("id", memberB)
                .query()
                .singleRow();
        assertThat(m.get("full_name")).isEqualTo(SECRET);
        assertThat(m.get("team_role")).isEqualTo("EXPERT");
        assertThat(m.get("active")).isEqualTo(true);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM response_team_member_end WHERE member_id = :id")
                        .param("id", memberB)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(data.jdbc()
                        .sql("SELECT sha256 FROM response_team_certificate WHERE member_id = :id")
                        .param("id", memberB)
                        .query(String.class)
                        .list())
                .containsExactly(shaB);
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(404);
        assertThat(r.body()).as(who).doesNotContain(SECRET);
    }

    private long team(Http.Api api, TestData.Org province, String name) {
        Http.Response r = api.post(
                "/api/v1/response-teams",
                Map.of(
                        "organizationId",
                        province.id(),
                        "name",
                        name,
                        "decisionNumber",
                        "7/QĐ",
                        "decisionDate",
                        LocalDate.now().minusYears(1).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
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
}
