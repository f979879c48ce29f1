package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * A finding's page and a warning's page name the incidents linked to them ("Sự cố liên quan"), with links, but only
 * those the reader may see: one system is owned by unit A and operated by its sibling B, so both see its finding and
 * the warning about it, and each links them to an incident of its own. A sees only A's incident, B only B's, the
 * province both. The incident's timeline names what was linked (the finding's title, CVE, host and system; the
 * warning's title) instead of an id.
 */
class RelatedIncidentsTest extends IntegrationTest {

    TestData.Org province;
    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person officerB;
    TestData.Person provinceOfficer;
    String systemName;
    String cve;
    String host;
    long finding;
    long warning;
    long incidentA;
    long incidentB;
    String titleA;
    String titleB;

    @BeforeEach
    void oneSystemTwoOrganisationsTwoIncidents() {
        province = data.org(data.root(), data.unique("Tỉnh sự cố liên quan"));
        unitA = data.org(province, "Đơn vị chủ quản liên quan");
        unitB = data.org(province, "Đơn vị vận hành liên quan");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        officerB = data.person(unitB, Role.SECURITY_OFFICER);
        provinceOfficer = data.person(province, Role.SECURITY_OFFICER);
        systemName = data.unique("Cổng dịch vụ công liên quan");
        Http.Response system = admin().post(
                        "/api/v1/systems",
                        Map.of(
                                "code", data.unique("HT"),
                                "name", systemName,
                                "ownerOrganizationId", unitA.id(),
                                "operatorOrganizationId", unitB.id(),
                                "systemType", "INTERNAL",
                                "informationKinds", List.of("PRIVATE"),
                                "userCount", 200));
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        long systemId = system.json().get("id").asLong();
        int plugin = 70000 + 5 * ThreadLocalRandom.current().nextInt(4000) + 4;
        cve = "CVE-2024-" + (10000 + plugin);
        host = "10.7." + ThreadLocalRandom.current().nextInt(250) + ".7";
        Http.Response scan = admin().upload(
                        "/api/v1/systems/" + systemId + "/scans",
                        "r.nessus",
                        ScanTestSupport.nessus(Map.of(host, new int[] {plugin})),
                        Map.of());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        finding = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s")
                .param("s", systemId)
                .query(Long.class)
                .single();
        Map<String, Object> w = new HashMap<>();
        w.put("organizationId", province.id());
        w.put("title", data.unique("Cảnh báo lỗ hổng cổng liên quan"));
        w.put("description", "Cảnh báo thử");
        w.put("severity", "HIGH");
        w.put("cves", List.of(cve));
        w.put("affected", List.of());
        w.put("acknowledgeBy", LocalDate.now().plusDays(3).toString());
        w.put("fixBy", LocalDate.now().plusDays(10).toString());
        w.put("tlp", "AMBER");
        Http.Response published = http.api(provinceOfficer.token()).post("/api/v1/warnings", w);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        warning = published.json().get("id").asLong();
        titleA = data.unique("Sự cố của chủ quản");
        titleB = data.unique("Sự cố của đơn vị vận hành");
        incidentA = linkedIncident(officerA, unitA, systemId, titleA);
        incidentB = linkedIncident(officerB, unitB, systemId, titleB);
    }

    private long linkedIncident(TestData.Person who, TestData.Org org, long systemId, String title) {
        Http.Api api = http.api(who.token());
        long id = IncidentReports.of(org, title)
                .onSystem(systemId)
                .category("INTRUSION")
                .detectedHoursAgo(2)
                .withinCapacity()
                .report(api);
        Http.Response f = api.post("/api/v1/incidents/" + id + "/links", Map.of("findingId", finding));
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        Http.Response l = api.post("/api/v1/incidents/" + id + "/links", Map.of("warningId", warning));
        assertThat(l.status()).as(l.body()).isEqualTo(200);
        return id;
    }

    private Http.Session signedIn(TestData.Person who) {
        Http.Session s = http.session();
        assertThat(s.login(who.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s;
    }

    @Test
    void theFindingAndTheWarningNameTheirIncidentsWithLinks() {
        Http.Session province = signedIn(provinceOfficer);
        for (String page : List.of("/findings/" + finding, "/warnings/" + warning)) {
            Http.Response r = province.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.body())
                    .as(page)
                    .contains("Sự cố liên quan")
                    .contains("href=\"/incidents/" + incidentA + "\"")
                    .contains("href=\"/incidents/" + incidentB + "\"")
                    .contains(titleA)
                    .contains(titleB)
                    .contains("Mới - chưa xác minh");
        }
    }

    @Test
    void eachOrganisationSeesOnlyTheIncidentsItMaySee() {
        Map<TestData.Person, List<Object>> cases = new LinkedHashMap<>();
        cases.put(officerA, List.of(incidentA, titleA, incidentB, titleB));
        cases.put(officerB, List.of(incidentB, titleB, incidentA, titleA));
        cases.forEach((who, c) -> {
            Http.Session s = signedIn(who);
            for (String page : List.of("/findings/" + finding, "/warnings/" + warning)) {
                Http.Response r = s.get(page);
                assertThat(r.status()).as(page + " as " + who.username()).isEqualTo(200);
                assertThat(r.body())
                        .as(page + " as " + who.username())
                        .contains("href=\"/incidents/" + c.get(0) + "\"")
                        .contains((String) c.get(1))
                        .doesNotContain("href=\"/incidents/" + c.get(2) + "\"")
                        .doesNotContain((String) c.get(3));
            }
            // The other organisation's incident itself stays hidden.
            assertThat(s.get("/incidents/" + c.get(2)).status()).isEqualTo(404);
        });
    }

    @Test
    void theTimelineNamesWhatWasLinked() {
        Http.Response page = signedIn(officerA).get("/incidents/" + incidentA);
        assertThat(page.status()).isEqualTo(200);
        String timeline = page.body().substring(page.body().indexOf("id=\"incident-timeline\""));
        assertThat(timeline)
                .contains("Plugin ")
                .contains(cve)
                .contains(host)
                .contains(systemName)
                .contains("href=\"/findings/" + finding + "\"")
                .contains("href=\"/warnings/" + warning + "\"")
                .doesNotContain(">#" + finding + "<");
        // The API names them too, with the same links.
        Http.Response api = http.api(officerA.token()).get("/api/v1/incidents/" + incidentA + "/timeline");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        List<String> named = new ArrayList<>();
        api.json().forEach(e -> {
            if (e.get("kind").asString().equals("LINKED_FINDING")) {
                assertThat(e.get("detail").asString())
                        .contains(cve)
                        .contains(host)
                        .contains(systemName);
                assertThat(e.get("href").asString()).isEqualTo("/findings/" + finding);
                assertThat(e.get("hidden").asBoolean()).isFalse();
                named.add("finding");
            } else if (e.get("kind").asString().equals("LINKED_WARNING")) {
                assertThat(e.get("href").asString()).isEqualTo("/warnings/" + warning);
                named.add("warning");
            }
        });
        assertThat(named).contains("finding", "warning");
        // Unlinking names it as well.
        Http.Api a = http.api(officerA.token());
        assertThat(a.send("DELETE", "/api/v1/incidents/" + incidentA + "/links", Map.of("findingId", finding))
                        .status())
                .isEqualTo(200);
        String after = signedIn(officerA).get("/incidents/" + incidentA).body();
        assertThat(after.substring(after.indexOf("id=\"incident-timeline\"")))
                .contains("Bỏ liên kết phát hiện")
                .containsPattern("Bỏ liên kết phát hiện[\\s\\S]*" + cve);
    }
}
