package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * People of unit A (a security officer and an incident responder) can neither read nor change unit B's affected
 * systems, components and links (every endpoint answers 404 on B's incident), nor hang B's system, finding or warning
 * on A's own incident: those answer exactly like ids that do not exist, and A's page never names them.
 */
public class IncidentLinksIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "POST /api/v1/incidents/{id}/affected-systems",
            "DELETE /api/v1/incidents/{id}/affected-systems",
            "POST /api/v1/incidents/{id}/links",
            "DELETE /api/v1/incidents/{id}/links",
            "POST /incidents/{id}/affected-systems",
            "POST /incidents/{id}/affected-systems/remove",
            "POST /incidents/{id}/links",
            "POST /incidents/{id}/links/remove");

    static final String SECRET = "Hệ thống mật của B";

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person responderA;
    long systemB;
    long componentB;
    long findingB;
    long warningB;
    long incidentA;
    long incidentB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh cô lập liên kết");
        unitA = data.org(province, "Đơn vị A liên kết");
        unitB = data.org(province, "Đơn vị B liên kết");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        responderA = data.person(unitA, Role.INCIDENT_RESPONDER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        Http.Api a = http.api(officerA.token());
        Http.Api b = http.api(officerB.token());
        long systemA = ComplianceFixture.createSystem(a, data, unitA, "Hệ thống của A liên kết");
        systemB = ComplianceFixture.createSystem(b, data, unitB, SECRET);
        componentB = IncidentLinksTest.component(b, systemB, "may-chu-mat-b");
        int plugin = 70000 + ThreadLocalRandom.current().nextInt(20000);
        String cve = "CVE-2024-" + (10000 + plugin);
        assertThat(admin().upload(
                                "/api/v1/systems/" + systemB + "/scans",
                                "r.nessus",
                                ScanTestSupport.nessus(Map.of("10.8.8.8", new int[] {plugin})),
                                Map.of())
                        .status())
                .isEqualTo(201);
        findingB = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s")
                .param("s", systemB)
                .query(Long.class)
                .single();
        Map<String, Object> w = new HashMap<>();
        w.put("organizationId", province.id());
        w.put("recipients", List.of(unitB.id()));
        w.put("title", "Cảnh báo mật của B");
        w.put("description", "Cảnh báo thử");
        w.put("severity", "HIGH");
        w.put("cves", List.of(cve));
        w.put("affected", List.of());
        w.put("acknowledgeBy", LocalDate.now().plusDays(3).toString());
        w.put("fixBy", LocalDate.now().plusDays(10).toString());
        w.put("tlp", "AMBER+STRICT");
        Http.Response published =
                http.api(data.person(province, Role.SECURITY_OFFICER).token()).post("/api/v1/warnings", w);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        warningB = published.json().get("id").asLong();
        incidentA = incident(a, unitA, systemA);
        incidentB = incident(b, unitB, systemB);
        String i = "/api/v1/incidents/" + incidentB;
        assertThat(b.post(i + "/affected-systems", Map.of("systemId", systemB, "componentIds", List.of(componentB)))
                        .status())
                .isEqualTo(200);
        assertThat(b.post(i + "/links", Map.of("findingId", findingB)).status()).isEqualTo(200);
        Http.Response lw = b.post(i + "/links", Map.of("warningId", warningB));
        assertThat(lw.status()).as(lw.body()).isEqualTo(200);
    }

    private long incident(Http.Api as, TestData.Org org, long system) {
        return IncidentReports.of(org, "Sự cố liên kết " + data.unique("I"))
                .onSystem(system)
                .withinCapacity()
                .report(as);
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String b = "/api/v1/incidents/" + incidentB;
        String a = "/api/v1/incidents/" + incidentA;
        cases.put("POST /api/v1/incidents/{id}/affected-systems", (api, who) -> {
            notFound(api.post(b + "/affected-systems", Map.of("systemId", systemB)), who);
            sameAsUnknown(
                    api.post(a + "/affected-systems", Map.of("systemId", systemB)),
                    api.post(a + "/affected-systems", Map.of("systemId", 987654321L)),
                    who);
        });
        cases.put(
                "DELETE /api/v1/incidents/{id}/affected-systems",
                (api, who) -> notFound(
                        api.send(
                                "DELETE",
                                b + "/affected-systems",
                                Map.of("systemId", systemB, "componentIds", List.of(componentB))),
                        who));
        cases.put("POST /api/v1/incidents/{id}/links", (api, who) -> {
            notFound(api.post(b + "/links", Map.of("findingId", findingB)), who);
            sameAsUnknown(
                    api.post(a + "/links", Map.of("findingId", findingB)),
                    api.post(a + "/links", Map.of("findingId", 987654321L)),
                    who);
            sameAsUnknown(
                    api.post(a + "/links", Map.of("warningId", warningB)),
                    api.post(a + "/links", Map.of("warningId", 987654321L)),
                    who);
        });
        cases.put("DELETE /api/v1/incidents/{id}/links", (api, who) -> {
            notFound(api.send("DELETE", b + "/links", Map.of("findingId", findingB)), who);
            notFound(api.send("DELETE", b + "/links", Map.of("warningId", warningB)), who);
        });
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(officerA, responderA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
            assertThat(api.get("/api/v1/incidents/" + incidentA).body()).doesNotContain(SECRET);
        }
        assertBUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        String i = "/incidents/" + incidentB;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("POST /incidents/{id}/affected-systems", i + "/affected-systems");
        pages.put("POST /incidents/{id}/affected-systems/remove", i + "/affected-systems/remove");
        pages.put("POST /incidents/{id}/links", i + "/links");
        pages.put("POST /incidents/{id}/links/remove", i + "/links/remove");
        assertThat(COVERED).containsAll(pages.keySet());
        Map<String, String> form = Map.of(
                "systemId", String.valueOf(systemB),
                "componentIds", String.valueOf(componentB),
                "findingId", String.valueOf(findingB));
        for (TestData.Person caller : List.of(officerA, responderA)) {
            Http.Session session = http.session();
            assertThat(session.login(caller.username(), TestData.PASSWORD).status())
                    .isEqualTo(302);
            // A's own case page (which also gives the form token) offers none of B's systems, findings or warnings.
            Http.Response own = session.get("/incidents/" + incidentA);
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain(SECRET).doesNotContain("mật của B");
            pages.forEach((endpoint, path) -> {
                Http.Response r = session.postForm(path, form);
                assertThat(r.status()).as(endpoint + " as " + caller.username()).isEqualTo(404);
                assertThat(r.body()).as(endpoint).doesNotContain(SECRET).doesNotContain("mật của B");
            });
            // Hanging B's finding on A's own case from the page is refused like an unknown id.
            Http.Response hang = session.postForm(
                    "/incidents/" + incidentA + "/links", Map.of("findingId", String.valueOf(findingB)));
            assertThat(hang.status()).isEqualTo(302);
        }
        assertBUntouched();
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident_link WHERE incident_id = :i")
                        .param("i", incidentA)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void assertBUntouched() {
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM incident_affected_component WHERE incident_id = :i AND component_id = :c")
                        .param("i", incidentB)
                        .param("c", componentB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident_link WHERE incident_id = :i")
                        .param("i", incidentB)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static void sameAsUnknown(Http.Response other, Http.Response unknown, String who) {
        assertThat(other.status())
                .as(who + " " + other.body())
                .isEqualTo(unknown.status())
                .isEqualTo(422);
        assertThat(other.json().get("errors")).as(who).isEqualTo(unknown.json().get("errors"));
        assertThat(other.body()).as(who).doesNotContain(SECRET).doesNotContain("mật của B");
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
        assertThat(r.body()).as(who).doesNotContain(SECRET);
    }
}
