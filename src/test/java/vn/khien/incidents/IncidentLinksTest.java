package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Case work on the incident record (issue 12): affected systems from the register with their affected components,
 * links to open findings (by id or CVE) and to warnings received; audited, refused on a closed or rejected case,
 * refused for people who may not work the case, refused for what lies outside the caller's view; and in the STIX
 * export.
 */
class IncidentLinksTest extends IntegrationTest {

    TestData.Org province;
    TestData.Org hospital;
    TestData.Org elsewhere;
    TestData.Person officer;
    TestData.Person auditor;
    TestData.Person publisher;
    Http.Api api;
    long his;
    long lab;
    long foreign;
    long hisServer;
    long labDb;
    String cve;
    long finding;

    @BeforeEach
    void caseWithSystems() {
        province = data.org(data.root(), "Tỉnh liên kết sự cố");
        hospital = data.org(province, "Bệnh viện liên kết");
        elsewhere = data.org(data.root(), "Tỉnh khác liên kết");
        officer = data.person(hospital, Role.SECURITY_OFFICER);
        auditor = data.person(hospital, Role.AUDITOR);
        publisher = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person outsider = data.person(elsewhere, Role.SECURITY_OFFICER);
        api = http.api(officer.token());
        his = ComplianceFixture.createSystem(api, data, hospital, "HIS bệnh viện");
        lab = ComplianceFixture.createSystem(api, data, hospital, "Hệ thống xét nghiệm");
        foreign =
                ComplianceFixture.createSystem(http.api(outsider.token()), data, elsewhere, "Hệ thống riêng tỉnh khác");
        hisServer = component(api, his, "his-app-01");
        labDb = component(api, lab, "lab-db-01");
        int plugin = 70000 + ThreadLocalRandom.current().nextInt(20000);
        cve = "CVE-2024-" + (10000 + plugin);
        Http.Response scan = admin().upload(
                        "/api/v1/systems/" + lab + "/scans",
                        "r.nessus",
                        ScanTestSupport.nessus(Map.of("10.9.9.9", new int[] {plugin})),
                        Map.of());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        finding = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s")
                .param("s", lab)
                .query(Long.class)
                .single();
    }

    static long component(Http.Api as, long system, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "HOST");
        body.put("name", name);
        body.put("product", "Ubuntu Server");
        body.put("productVersion", "22.04");
        Http.Response r = as.post("/api/v1/systems/" + system + "/components", body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    long incident(Long systemId) {
        return IncidentReports.of(hospital, "Mã độc trên máy chủ xét nghiệm")
                .onSystem(systemId)
                .withinCapacity()
                .report(api);
    }

    long warning() {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", province.id());
        body.put("title", "Cảnh báo lỗ hổng máy chủ xét nghiệm " + cve);
        body.put("description", "Cảnh báo thử");
        body.put("severity", "HIGH");
        body.put("cves", List.of(cve));
        body.put("affected", List.of());
        body.put("acknowledgeBy", LocalDate.now().plusDays(3).toString());
        body.put("fixBy", LocalDate.now().plusDays(10).toString());
        body.put("tlp", "AMBER");
        Http.Response r = http.api(publisher.token()).post("/api/v1/warnings", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void affectedSystemsAndComponentsAreCaseSteps() {
        long id = incident(his);
        String base = "/api/v1/incidents/" + id;
        JsonNode created = api.get(base).json();
        assertThat(created.get("affectedSystems")).hasSize(1);
        assertThat(created.get("affectedSystems").get(0).get("systemId").asLong())
                .isEqualTo(his);

        Http.Response added =
                api.post(base + "/affected-systems", Map.of("systemId", lab, "componentIds", List.of(labDb)));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode labView = system(added.json(), lab);
        assertThat(labView.get("name").asString()).isEqualTo("Hệ thống xét nghiệm");
        assertThat(labView.get("components")).hasSize(1);
        assertThat(labView.get("components").get(0).get("id").asLong()).isEqualTo(labDb);
        assertThat(labView.get("components").get(0).get("name").asString()).contains("lab-db-01");
        // Adding again with another system's component names the field.
        Http.Response wrongComponent =
                api.post(base + "/affected-systems", Map.of("systemId", lab, "componentIds", List.of(hisServer)));
        assertThat(wrongComponent.status()).isEqualTo(422);
        assertThat(wrongComponent.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongComponent.json().get("errors").get(0).get("field").asString())
                .isEqualTo("componentIds");
        // A system outside the incident organisation's view answers exactly like one that does not exist.
        Http.Response outside = api.post(base + "/affected-systems", Map.of("systemId", foreign));
        Http.Response unknown = api.post(base + "/affected-systems", Map.of("systemId", 987654321L));
        assertThat(outside.status()).isEqualTo(unknown.status()).isEqualTo(422);
        assertThat(outside.json().get("errors")).isEqualTo(unknown.json().get("errors"));
        assertThat(outside.body()).doesNotContain("tỉnh khác");
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("systemId");
        // Nobody without the right to work the case may change it.
        Http.Response forbidden = http.api(auditor.token()).post(base + "/affected-systems", Map.of("systemId", lab));
        assertThat(forbidden.status()).isEqualTo(403);

        Http.Response lessComponent =
                api.send("DELETE", base + "/affected-systems", Map.of("systemId", lab, "componentIds", List.of(labDb)));
        assertThat(lessComponent.status()).as(lessComponent.body()).isEqualTo(200);
        assertThat(system(lessComponent.json(), lab).get("components")).isEmpty();
        Http.Response lessSystem = api.send("DELETE", base + "/affected-systems", Map.of("systemId", lab));
        assertThat(lessSystem.status()).isEqualTo(200);
        assertThat(lessSystem.json().get("affectedSystems")).hasSize(1);
        Http.Response notThere = api.send("DELETE", base + "/affected-systems", Map.of("systemId", lab));
        assertThat(notThere.status()).isEqualTo(422);

        assertThat(audited(id, "incident.affectedSystem.add")).isEqualTo(1);
        assertThat(audited(id, "incident.affectedComponent.add")).isEqualTo(1);
        assertThat(audited(id, "incident.affectedComponent.remove")).isEqualTo(1);
        assertThat(audited(id, "incident.affectedSystem.remove")).isEqualTo(1);
        assertThat(api.get(base + "/timeline").body()).contains("SYSTEM_AFFECTED", "COMPONENT_AFFECTED");
    }

    @Test
    void linksToFindingsAndWarningsOfTheAffectedSystems() {
        long id = incident(his);
        String base = "/api/v1/incidents/" + id;
        // The finding is on the lab system, not (yet) affected: refused without saying more.
        Http.Response early = api.post(base + "/links", Map.of("findingId", finding));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("findingId");
        assertThat(api.post(base + "/affected-systems", Map.of("systemId", lab)).status())
                .isEqualTo(200);

        Http.Response linked = api.post(base + "/links", Map.of("findingId", finding));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        JsonNode link = linked.json().get("links").get(0);
        assertThat(link.get("kind").asString()).isEqualTo("FINDING");
        assertThat(link.get("findingId").asLong()).isEqualTo(finding);
        assertThat(link.get("title").asString()).isNotBlank();
        assertThat(link.get("state").asString()).isEqualTo("OPEN");
        assertThat(link.get("severity").asString()).isNotBlank();
        assertThat(link.get("href").asString()).isEqualTo("/findings/" + finding);
        // By CVE: the same finding, so nothing new; an unknown CVE and a malformed one name the field.
        Http.Response byCve = api.post(base + "/links", Map.of("cve", cve.toLowerCase()));
        assertThat(byCve.status()).as(byCve.body()).isEqualTo(200);
        assertThat(byCve.json().get("links")).hasSize(1);
        Http.Response noFinding = api.post(base + "/links", Map.of("cve", "CVE-1999-0001"));
        assertThat(noFinding.status()).isEqualTo(422);
        assertThat(noFinding.json().get("errors").get(0).get("field").asString())
                .isEqualTo("cve");
        assertThat(api.post(base + "/links", Map.of("cve", "not-a-cve")).status())
                .isEqualTo(422);
        Http.Response two = api.post(base + "/links", Map.of("findingId", finding, "cve", cve));
        assertThat(two.status()).isEqualTo(422);
        assertThat(api.post(base + "/links", Map.of()).status()).isEqualTo(422);

        long warning = warning();
        Http.Response w = api.post(base + "/links", Map.of("warningId", warning));
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        JsonNode wl = linkOf(w.json(), "WARNING");
        assertThat(wl.get("warningId").asLong()).isEqualTo(warning);
        assertThat(wl.get("title").asString()).contains(cve);
        assertThat(wl.get("severity").asString()).isEqualTo("HIGH");
        assertThat(wl.get("state").asString()).isEqualTo("REACHED");
        assertThat(wl.get("href").asString()).isEqualTo("/warnings/" + warning);

        JsonNode bundle = api.get(base + "/stix").json();
        Map<String, JsonNode> objects = new HashMap<>();
        bundle.get("objects").forEach(o -> objects.put(o.get("id").asString(), o));
        List<JsonNode> vulnerabilities = ofType(bundle, "vulnerability");
        assertThat(vulnerabilities).extracting(v -> v.get("name").asString()).containsExactly(cve);
        assertThat(vulnerabilities
                        .get(0)
                        .get("external_references")
                        .get(0)
                        .get("external_id")
                        .asString())
                .isEqualTo(cve);
        assertThat(ofType(bundle, "infrastructure"))
                .extracting(v -> v.get("name").asString())
                .containsExactlyInAnyOrder("HIS bệnh viện", "Hệ thống xét nghiệm");
        // Every reference resolves inside the bundle; every object has its spec version and a typed id.
        for (JsonNode o : bundle.get("objects")) {
            assertThat(o.get("id").asString()).startsWith(o.get("type").asString() + "--");
            assertThat(o.get("spec_version").asString()).isEqualTo("2.1");
            for (String refs : List.of("object_refs")) {
                if (o.has(refs)) {
                    o.get(refs).forEach(r -> assertThat(objects).containsKey(r.asString()));
                }
            }
        }

        Http.Response unlinked = api.send("DELETE", base + "/links", Map.of("warningId", warning));
        assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
        assertThat(unlinked.json().get("links")).hasSize(1);
        assertThat(api.send("DELETE", base + "/links", Map.of("warningId", warning))
                        .status())
                .isEqualTo(422);
        assertThat(audited(id, "incident.link.add")).isEqualTo(2);
        assertThat(audited(id, "incident.link.remove")).isEqualTo(1);
    }

    @Test
    void componentsBecomeObservedSoftwareInTheStixBundle() {
        long id = incident(his);
        String base = "/api/v1/incidents/" + id;
        assertThat(api.post(base + "/affected-systems", Map.of("systemId", his, "componentIds", List.of(hisServer)))
                        .status())
                .isEqualTo(200);
        JsonNode bundle = api.get(base + "/stix").json();
        List<JsonNode> software = ofType(bundle, "software");
        assertThat(software).hasSize(1);
        assertThat(software.get(0).get("name").asString()).contains("his-app-01");
        JsonNode observed = ofType(bundle, "observed-data").get(0);
        List<String> refs = new ArrayList<>();
        observed.get("object_refs").forEach(r -> refs.add(r.asString()));
        assertThat(refs).contains(software.get(0).get("id").asString());
        JsonNode rel = ofType(bundle, "relationship").get(0);
        assertThat(rel.get("relationship_type").asString()).isEqualTo("consists-of");
        assertThat(rel.get("source_ref").asString())
                .isEqualTo(ofType(bundle, "infrastructure").get(0).get("id").asString());
    }

    @Test
    void aClosedOrRejectedCaseKeepsItsRecord() {
        long id = incident(his);
        String base = "/api/v1/incidents/" + id;
        assertThat(api.post(base + "/affected-systems", Map.of("systemId", lab)).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/links", Map.of("findingId", finding)).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/reject", Map.of("note", "Không phải sự cố"))
                        .status())
                .isEqualTo(200);
        Http.Response add =
                api.post(base + "/affected-systems", Map.of("systemId", lab, "componentIds", List.of(labDb)));
        assertThat(add.status()).isEqualTo(422);
        assertThat(add.json().get("errors").get(0).get("field").asString()).isEqualTo("systemId");
        assertThat(add.json().get("errors").get(0).get("message").asString())
                .contains("không phải sự cố")
                .contains("không thể thay đổi");
        Http.Response unlink = api.send("DELETE", base + "/links", Map.of("findingId", finding));
        assertThat(unlink.status()).isEqualTo(422);
        assertThat(unlink.json().get("errors").get(0).get("field").asString()).isEqualTo("findingId");
        JsonNode after = api.get(base).json();
        assertThat(after.get("links")).hasSize(1);
        assertThat(system(after, lab).get("components")).isEmpty();
    }

    @Test
    void aLinkTheViewerMayNotSeeShowsOnlyItsKindAndId() {
        long id = incident(his);
        String base = "/api/v1/incidents/" + id;
        assertThat(api.post(base + "/affected-systems", Map.of("systemId", lab)).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/links", Map.of("findingId", finding)).status())
                .isEqualTo(200);
        // The incident is shared with an organisation outside the hospital: it sees the case, not the finding.
        TestData.Org unit = data.org(province, "Đơn vị ứng cứu liên kết");
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        data.jdbc()
                .sql("INSERT INTO incident_share (incident_id, organization_id, shared_at) VALUES (:i, :o, :now)")
                .param("i", id)
                .param("o", unit.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
        Http.Response seen = http.api(responder.token()).get(base);
        assertThat(seen.status()).isEqualTo(200);
        JsonNode link = seen.json().get("links").get(0);
        assertThat(link.get("findingId").asLong()).isEqualTo(finding);
        assertThat(link.get("title").isNull()).isTrue();
        assertThat(link.get("href").isNull()).isTrue();
        String title = api.get(base).json().get("links").get(0).get("title").asString();
        assertThat(seen.body()).doesNotContain(title);
    }

    private static JsonNode system(JsonNode incident, long systemId) {
        for (JsonNode s : incident.get("affectedSystems")) {
            if (s.get("systemId").asLong() == systemId) {
                return s;
            }
        }
        throw new AssertionError("system " + systemId + " not affected: " + incident);
    }

    private static JsonNode linkOf(JsonNode incident, String kind) {
        for (JsonNode l : incident.get("links")) {
            if (l.get("kind").asString().equals(kind)) {
                return l;
            }
        }
        throw new AssertionError("no " + kind + " link: " + incident);
    }

    private static List<JsonNode> ofType(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asString().equals(type) && seen.add(o.get("id").asString())) {
                out.add(o);
            }
        }
        return out;
    }

    private long audited(long incidentId, String action) {
        return data.jdbc()
                .sql(
                        "SELECT COUNT(*) FROM audit_event WHERE action = :a AND target_type = 'incident' AND target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(incidentId))
                .query(Long.class)
                .single();
    }
}
