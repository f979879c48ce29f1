package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A person of unit A learns nothing of unit B's scans and findings: every endpoint and page of the module answers
 * 404 for B's ids (or leaves B out), and B's data is unchanged afterwards. {@link #COVERED} feeds
 * SubtreeIsolationTest's completeness check.
 */
public class VulnerabilitiesIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "POST /api/v1/systems/{systemId}/scans",
            "GET /api/v1/scans/{id}",
            "GET /api/v1/systems/{systemId}/scans",
            "GET /api/v1/systems/{systemId}/findings",
            "GET /api/v1/organizations/{organizationId}/findings",
            "GET /api/v1/findings/{id}",
            "POST /api/v1/findings/state",
            "GET /api/v1/organizations/{organizationId}/findings/summary",
            "PUT /api/v1/organizations/{organizationId}/findings/sla",
            "GET /systems/{systemId}/scans",
            "POST /systems/{systemId}/scans",
            "GET /scans/{id}/progress",
            "GET /systems/{systemId}/findings",
            "GET /organizations/{organizationId}/findings",
            "GET /findings/{id}",
            "POST /findings/state");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person leaderA;
    long systemB;
    long scanB;
    long findingB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh quét");
        unitA = data.org(province, "Đơn vị A");
        unitB = data.org(province, "Đơn vị B");
        leaderA = data.person(unitA, Role.LEADER);
        data.grant(leaderA.id(), unitA, Role.SECURITY_OFFICER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        systemB = ScanFixtures.system(data, unitB);
        JsonNode scan = ScanFixtures.importReport(
                http.api(officerB.token()),
                systemB,
                "b.nessus",
                ScanFixtures.nessus(Map.of("10.9.9.9", new int[] {1, 2})),
                Map.of());
        scanB = scan.get("id").asLong();
        findingB = data.jdbc()
                .sql("SELECT MIN(id) FROM finding WHERE system_id = :s")
                .param("s", systemB)
                .query(Long.class)
                .single();
    }

    @Test
    void apiHidesTheOtherSubtree() {
        Http.Api a = http.api(leaderA.token());
        Map<String, Consumer<Http.Api>> cases = new LinkedHashMap<>();
        cases.put(
                "POST /api/v1/systems/{systemId}/scans",
                api -> notFound(ScanFixtures.upload(
                        api, systemB, "x.nessus", ScanFixtures.nessus(Map.of("10.9.9.8", new int[] {3})), Map.of())));
        cases.put("GET /api/v1/scans/{id}", api -> notFound(api.get("/api/v1/scans/" + scanB)));
        cases.put(
                "GET /api/v1/systems/{systemId}/scans",
                api -> notFound(api.get("/api/v1/systems/" + systemB + "/scans")));
        cases.put(
                "GET /api/v1/systems/{systemId}/findings",
                api -> notFound(api.get("/api/v1/systems/" + systemB + "/findings")));
        cases.put(
                "GET /api/v1/organizations/{organizationId}/findings",
                api -> notFound(api.get("/api/v1/organizations/" + unitB.id() + "/findings")));
        cases.put("GET /api/v1/findings/{id}", api -> notFound(api.get("/api/v1/findings/" + findingB)));
        cases.put(
                "POST /api/v1/findings/state",
                api -> notFound(api.post(
                        "/api/v1/findings/state",
                        Map.of("ids", List.of(findingB), "status", "FALSE_POSITIVE", "reason", "x"))));
        cases.put(
                "GET /api/v1/organizations/{organizationId}/findings/summary",
                api -> notFound(api.get("/api/v1/organizations/" + unitB.id() + "/findings/summary")));
        cases.put(
                "PUT /api/v1/organizations/{organizationId}/findings/sla",
                api -> notFound(api.send(
                        "PUT",
                        "/api/v1/organizations/" + unitB.id() + "/findings/sla",
                        Map.of("critical", 1, "high", 1, "medium", 1, "low", 1))));
        cases.forEach((endpoint, check) -> {
            try {
                check.accept(a);
            } catch (AssertionError e) {
                throw new AssertionError(endpoint + ": " + e.getMessage(), e);
            }
        });
        // The parent's list leaves B's findings out when A looks at the province.
        JsonNode province =
                a.get("/api/v1/organizations/" + unitA.id() + "/findings").json();
        assertThat(province.get("total").asLong()).isZero();
        assertUnchanged();
    }

    @Test
    void pagesHideTheOtherSubtree() {
        Http.Session session = http.session();
        assertThat(session.login(leaderA.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        Map<String, String> gets = new LinkedHashMap<>();
        gets.put("GET /systems/{systemId}/scans", "/systems/" + systemB + "/scans");
        gets.put("GET /scans/{id}/progress", "/scans/" + scanB + "/progress");
        gets.put("GET /systems/{systemId}/findings", "/systems/" + systemB + "/findings");
        gets.put("GET /organizations/{organizationId}/findings", "/organizations/" + unitB.id() + "/findings");
        gets.put("GET /findings/{id}", "/findings/" + findingB);
        gets.forEach((endpoint, path) ->
                assertThat(session.get(path).status()).as(endpoint).isEqualTo(404));
        session.get("/organizations/" + unitA.id() + "/findings");
        assertThat(session.postForm(
                                "/findings/state",
                                Map.of("ids", String.valueOf(findingB), "status", "FALSE_POSITIVE", "reason", "x"))
                        .status())
                .as("POST /findings/state")
                .isEqualTo(404);
        assertThat(session.postForm("/systems/" + systemB + "/scans", Map.of()).status())
                .as("POST /systems/{systemId}/scans")
                .isEqualTo(404);
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(ScanFixtures.count(data, "SELECT COUNT(*) FROM scan WHERE system_id = :s", systemB))
                .isEqualTo(1);
        assertThat(ScanFixtures.count(
                        data, "SELECT COUNT(*) FROM finding WHERE system_id = :s AND status = 'OPEN'", systemB))
                .isEqualTo(2);
    }

    private static void notFound(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
}
