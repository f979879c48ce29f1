package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * People of unit A learn nothing of unit B's warnings or of B's systems in a warning they share: a RED warning to B
 * alone answers 404 on every endpoint and page, and in an AMBER warning to the whole province A sees, answers and
 * exports nothing of B's systems.
 */
public class WarningsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/warnings",
            "GET /api/v1/warnings/{id}",
            "GET /api/v1/warnings/{id}/affected",
            "GET /api/v1/warnings/{id}/progress",
            "POST /api/v1/warnings",
            "POST /api/v1/warnings/{id}/reminders",
            "POST /api/v1/warnings/{id}/responses",
            "POST /api/v1/warnings/{id}/vex",
            "GET /api/v1/warnings/{id}/stix",
            "GET /api/v1/warnings/{id}/csaf",
            "GET /warnings/{id}",
            "POST /warnings/{id}/reminders",
            "POST /warnings/{id}/responses",
            "POST /warnings/{id}/declarations",
            "POST /warnings/{id}/vex",
            "GET /warnings/{id}/export.stix.json",
            "GET /warnings/{id}/export.csaf.json",
            "POST /api/v1/advisory-feeds",
            "GET /api/v1/advisories",
            "GET /api/v1/advisories/{id}");

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    TestData.Org province;
    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    long systemA;
    long systemB;
    String systemBCode;
    long redToB;
    long amberToAll;
    String secretTitle;

    @BeforeEach
    void twoUnits() {
        WarningsFixture f = new WarningsFixture(http, data);
        province = data.org(data.root(), "Tỉnh cô lập cảnh báo");
        unitA = data.org(province, "Đơn vị A");
        unitB = data.org(province, "Đơn vị B");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        TestData.Person publisher = data.person(province, Role.SECURITY_OFFICER);
        systemA = ScanTestSupport.system(data, unitA);
        systemB = ScanTestSupport.system(data, unitB);
        f.component(http.api(officerA.token()), systemA, null, LOG4J);
        f.component(http.api(officerB.token()), systemB, null, LOG4J);
        systemBCode = http.api(officerB.token())
                .get("/api/v1/systems/" + systemB)
                .json()
                .get("code")
                .asString();
        Http.Api pub = http.api(publisher.token());
        List<Map<String, Object>> log4j = List.of(
                Map.of("purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "vers", "vers:maven/>=2.0|<2.15.0"));
        secretTitle = data.unique("Bí mật của B");
        Map<String, Object> red = new LinkedHashMap<>();
        red.put("organizationId", province.id());
        red.put("title", secretTitle);
        red.put("severity", "HIGH");
        red.put("cves", List.of("CVE-2021-44228"));
        red.put("affected", log4j);
        red.put("acknowledgeBy", LocalDate.now().minusDays(3).toString());
        red.put("fixBy", LocalDate.now().minusDays(1).toString());
        red.put("tlp", "RED");
        red.put("recipients", List.of(unitB.id()));
        Http.Response r = pub.post("/api/v1/warnings", red);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        redToB = r.json().get("id").asLong();
        Http.Response a = f.publish(
                pub,
                province.id(),
                "AMBER",
                log4j,
                List.of("CVE-2021-44228"),
                null,
                LocalDate.now().minusDays(2));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        amberToAll = a.json().get("id").asLong();
        // the province (a supervising body) imports the shared advisory the library cases read
        Http.Response misp = pub.upload("/api/v1/advisory-feeds", "misp-event.json", mispEvent(), Map.of());
        assertThat(misp.status()).as(misp.body()).isEqualTo(201);
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String red = "/api/v1/warnings/" + redToB;
        String amber = "/api/v1/warnings/" + amberToAll;
        cases.put(
                "GET /api/v1/warnings",
                (api, who) -> assertThat(ids(api.get("/api/v1/warnings")))
                        .as(who)
                        .contains(amberToAll)
                        .doesNotContain(redToB));
        cases.put("GET /api/v1/warnings/{id}", (api, who) -> notFound(api.get(red), who));
        cases.put("GET /api/v1/warnings/{id}/affected", (api, who) -> {
            notFound(api.get(red + "/affected"), who);
            Http.Response r = api.get(amber + "/affected");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(StreamSupport.stream(r.json().spliterator(), false)
                            .map(n -> n.get("systemId").asLong()))
                    .as(who)
                    .contains(systemA)
                    .doesNotContain(systemB);
        });
        cases.put("GET /api/v1/warnings/{id}/progress", (api, who) -> {
            notFound(api.get(red + "/progress"), who);
            notFound(api.get(amber + "/progress?organizationId=" + unitB.id()), who);
            Http.Response own = api.get(amber + "/progress?organizationId=" + unitA.id());
            assertThat(own.status()).as(who).isEqualTo(200);
            assertThat(own.body()).as(who).doesNotContain("Đơn vị B");
        });
        cases.put("POST /api/v1/warnings", (api, who) -> {
            Map<String, Object> body = Map.of(
                    "organizationId",
                    unitB.id(),
                    "title",
                    "x",
                    "severity",
                    "LOW",
                    "cves",
                    List.of("CVE-2021-44228"),
                    "acknowledgeBy",
                    "2030-01-01",
                    "fixBy",
                    "2030-01-02",
                    "tlp",
                    "CLEAR");
            notFound(api.post("/api/v1/warnings", body), who);
        });
        cases.put(
                "POST /api/v1/warnings/{id}/reminders", (api, who) -> notFound(api.post(red + "/reminders", ""), who));
        cases.put("POST /api/v1/warnings/{id}/responses", (api, who) -> {
            notFound(api.post(red + "/responses", Map.of("systemId", systemB, "status", "ACKNOWLEDGED")), who);
            notFound(api.post(amber + "/responses", Map.of("systemId", systemB, "status", "ACKNOWLEDGED")), who);
        });
        cases.put("POST /api/v1/warnings/{id}/vex", (api, who) -> {
            notFound(api.upload(red + "/vex", "vex.json", vexFor(systemBCode), Map.of()), who);
            Http.Response r = api.upload(amber + "/vex", "vex.json", vexFor(systemBCode), Map.of());
            assertThat(r.status()).as(who + " " + r.body()).isIn(403, 422);
            assertThat(r.body()).as(who).doesNotContain(systemBCode);
        });
        // the advisory library is national and shared, owned by no organisation: only the designated national body
        // and supervising bodies (with subordinates) import (rules/warnings/advisory-import.yaml, ADR 0035), so the
        // callers of leaf unit A are refused; anyone signed in reads it, and no answer carries anything of an
        // organisation (an importer's KEV counts stay in its subtree: AdvisoryImportPolicyTest)
        cases.put("POST /api/v1/advisory-feeds", (api, who) -> {
            Http.Response r = api.upload("/api/v1/advisory-feeds", "misp-event.json", mispEvent(), Map.of());
            assertThat(r.status()).as(who + " " + r.body()).isEqualTo(403);
            assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
            assertThat(r.body()).as(who).doesNotContain(systemBCode).doesNotContain("rganizationId");
        });
        cases.put("GET /api/v1/advisories", (api, who) -> {
            Http.Response r = api.get("/api/v1/advisories?cve=CVE-2021-42013");
            assertThat(ids(r)).as(who).isNotEmpty();
            assertThat(r.body()).as(who).doesNotContain("rganization").doesNotContain(systemBCode);
        });
        cases.put("GET /api/v1/advisories/{id}", (api, who) -> {
            long id = ids(api.get("/api/v1/advisories?cve=CVE-2021-42013")).get(0);
            Http.Response r = api.get("/api/v1/advisories/" + id);
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.json().properties().stream().map(Map.Entry::getKey))
                    .as(who)
                    .containsOnly(
                            "id",
                            "kind",
                            "key",
                            "title",
                            "severity",
                            "cves",
                            "affected",
                            "source",
                            "published",
                            "csafChecks",
                            "csafChecksTotal");
            notFound(api.get("/api/v1/advisories/" + Long.MAX_VALUE), who);
        });
        cases.put("GET /api/v1/warnings/{id}/stix", (api, who) -> notFound(api.get(red + "/stix"), who));
        cases.put("GET /api/v1/warnings/{id}/csaf", (api, who) -> notFound(api.get(red + "/csaf"), who));
        return cases;
    }

    static byte[] mispEvent() {
        try (var in = WarningsIsolationTest.class.getResourceAsStream("/warnings/misp-event.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyHoldersOfSecurityDataImportIntoTheSharedLibraryAndAnyoneSignedInReadsIt() {
        TestData.Person plainAdmin = data.person(unitA, Role.ORG_ADMIN);
        TestData.Person auditor = data.person(unitA, Role.AUDITOR);
        long before = data.jdbc()
                .sql("SELECT COUNT(*) FROM advisory")
                .query(Long.class)
                .single();
        for (TestData.Person p : List.of(plainAdmin, auditor)) {
            Http.Api api = http.api(p.token());
            Http.Response r = api.upload("/api/v1/advisory-feeds", "misp-event.json", mispEvent(), Map.of());
            assertThat(r.status()).as(p.username() + " " + r.body()).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/api/v1/advisories?cve=CVE-2021-44228").status())
                    .isEqualTo(200);
        }
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM advisory")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    static byte[] vexFor(String productId) {
        return ("""
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "Đơn vị A", "timestamp": "2026-01-01T00:00:00Z", "version": 1, "statements": [
                  {"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "%s"}], "status": "not_affected",
                   "justification": "component_not_present"}]}""").formatted(productId).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        String status = data.jdbc()
                .sql("SELECT status FROM warning_target WHERE warning_id = :w AND system_id = :s")
                .param("w", amberToAll)
                .param("s", systemB)
                .query(String.class)
                .single();
        assertThat(status).as("B's system untouched by A").isEqualTo("REACHED");
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String red = "/warnings/" + redToB;
        pages.put("GET /warnings/{id}", red);
        pages.put("POST /warnings/{id}/reminders", red + "/reminders");
        pages.put("POST /warnings/{id}/responses", red + "/responses");
        pages.put("POST /warnings/{id}/declarations", red + "/declarations");
        pages.put("GET /warnings/{id}/export.stix.json", red + "/export.stix.json");
        pages.put("GET /warnings/{id}/export.csaf.json", red + "/export.csaf.json");
        assertThat(COVERED).containsAll(pages.keySet());
        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET")
                    ? session.get(path)
                    : session.postForm(path, Map.of("systemId", String.valueOf(systemB), "status", "ACKNOWLEDGED"));
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(secretTitle).doesNotContain(systemBCode);
        });
        Http.Response vex = session.upload(red + "/vex", "vex.json", vexFor(systemBCode), Map.of());
        assertThat(vex.status()).as("POST /warnings/{id}/vex").isEqualTo(404);
        assertThat(vex.body()).doesNotContain(secretTitle);
        // declaring B's system in a warning A sees: refused without a word of B, and nothing recorded
        Http.Response declared = session.postForm(
                "/warnings/" + amberToAll + "/declarations",
                Map.of("systemId", String.valueOf(systemB), "note", "của B"));
        assertThat(declared.status()).isEqualTo(422);
        assertThat(declared.body()).doesNotContain(systemBCode).doesNotContain("Đơn vị B");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM warning_match m JOIN warning_target t ON t.id = m.target_id"
                                + " WHERE t.warning_id = :w AND m.matched_by = 'DECLARED'")
                        .param("w", amberToAll)
                        .query(Long.class)
                        .single())
                .isZero();
        Http.Response shared = session.get("/warnings/" + amberToAll);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).doesNotContain(systemBCode).doesNotContain("Đơn vị B");
        assertThat(session.get("/warnings").body()).doesNotContain(secretTitle);
    }

    private static List<Long> ids(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .map(n -> n.get("id").asLong())
                .toList();
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
