package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Warnings end to end over the API and the real database: publish, match (CPE range boundaries, purl+vers, open
 * findings), TLP in SQL, responses as transitions, FIXED confirmed and reopened by scans, re-matching when a
 * component is added, progress with the overdue units.
 */
class WarningsApiTest extends IntegrationTest {

    record Tree(
            TestData.Org province,
            TestData.Org unitA,
            TestData.Org unitB,
            TestData.Person publisher,
            TestData.Person officerA,
            TestData.Person officerB) {}

    Tree tree() {
        return new WarningsFixture(http, data).tree();
    }

    long component(Http.Api as, long system, String cpe, String purl) {
        return new WarningsFixture(http, data).component(as, system, cpe, purl);
    }

    Http.Response publish(
            Http.Api as,
            long org,
            String tlp,
            List<Map<String, Object>> affected,
            List<String> cves,
            List<Long> recipients,
            LocalDate ackBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", org);
        body.put("title", "Lỗ hổng nghiêm trọng trong Apache HTTP Server");
        body.put("description", "Cảnh báo thử");
        body.put("severity", "CRITICAL");
        body.put("cves", cves);
        body.put("affected", affected);
        body.put("acknowledgeBy", ackBy.toString());
        body.put("fixBy", ackBy.plusDays(7).toString());
        body.put("tlp", tlp);
        if (recipients != null) {
            body.put("recipients", recipients);
        }
        return as.post("/api/v1/warnings", body);
    }

    static List<JsonNode> list(Http.Response r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    static String httpd(String v) {
        return "cpe:2.3:a:apache:http_server:" + v + ":*:*:*:*:*:*:*";
    }

    @Test
    void publishMatchesComponentsAtTheRangeBoundariesAndFindings() {
        Tree t = tree();
        Http.Api pub = http.api(t.publisher().token());
        Http.Api a = http.api(t.officerA().token());
        long sysEqualEnd = ScanTestSupport.system(data, t.unitA());
        long sysBelowEnd = ScanTestSupport.system(data, t.unitA());
        long sysPurl = ScanTestSupport.system(data, t.unitB());
        long sysFinding = ScanTestSupport.system(data, t.unitB());
        long cEqual = component(a, sysEqualEnd, httpd("2.4.50"), null);
        long cBelow = component(a, sysBelowEnd, httpd("2.4.49"), null);
        long cPurl = component(
                http.api(t.officerB().token()), sysPurl, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        int plugin = 70000 + ThreadLocalRandom.current().nextInt(20000);
        String cve = "CVE-2024-" + (10000 + plugin);
        assertThat(admin().upload(
                                "/api/v1/systems/" + sysFinding + "/scans",
                                "r.nessus",
                                ScanTestSupport.nessus(Map.of("10.1.1.1", new int[] {plugin})),
                                Map.of())
                        .status())
                .isEqualTo(201);

        Http.Response p = publish(
                pub,
                t.province().id(),
                "AMBER",
                List.of(
                        Map.of(
                                "cpe",
                                "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*",
                                "versionStartIncluding",
                                "2.4.0",
                                "versionEndExcluding",
                                "2.4.50"),
                        Map.of(
                                "purl",
                                "pkg:maven/org.apache.logging.log4j/log4j-core",
                                "vers",
                                "vers:maven/>=2.0|<2.15.0")),
                List.of(cve),
                null,
                LocalDate.now().plusDays(3));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();

        List<JsonNode> affected = list(pub.get("/api/v1/warnings/" + id + "/affected"));
        assertThat(affected)
                .extracting(n -> n.get("systemId").asLong())
                .contains(sysBelowEnd, sysPurl, sysFinding)
                .doesNotContain(sysEqualEnd);
        JsonNode below = affected.stream()
                .filter(n -> n.get("systemId").asLong() == sysBelowEnd)
                .findFirst()
                .orElseThrow();
        assertThat(below.get("matchedBy").asString()).isEqualTo("CPE");
        assertThat(below.get("componentId").asLong()).isEqualTo(cBelow);
        assertThat(below.get("status").asString()).isEqualTo("REACHED");
        assertThat(below.get("reason").asString()).contains("< 2.4.50");
        JsonNode purl = affected.stream()
                .filter(n -> n.get("systemId").asLong() == sysPurl)
                .findFirst()
                .orElseThrow();
        assertThat(purl.get("matchedBy").asString()).isEqualTo("PURL");
        assertThat(purl.get("componentId").asLong()).isEqualTo(cPurl);
        JsonNode finding = affected.stream()
                .filter(n -> n.get("systemId").asLong() == sysFinding)
                .findFirst()
                .orElseThrow();
        assertThat(finding.get("matchedBy").asString()).isEqualTo("FINDING");
        assertThat(finding.has("findingId")).isTrue();

        // unit A sees only its own systems; unit B's are not in its subtree
        List<JsonNode> seenByA = list(a.get("/api/v1/warnings/" + id + "/affected"));
        assertThat(seenByA).extracting(n -> n.get("systemId").asLong()).containsOnly(sysBelowEnd);

        // a component added later is matched at once
        component(a, sysEqualEnd, httpd("2.4.1"), null);
        assertThat(list(pub.get("/api/v1/warnings/" + id + "/affected")))
                .extracting(n -> n.get("systemId").asLong())
                .contains(sysEqualEnd);
        assertThat(cEqual).isPositive();

        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'WARNING_PUBLISHED' AND target_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void redIsSeenOnlyByItsNamedRecipients() {
        Tree t = tree();
        long sysA = ScanTestSupport.system(data, t.unitA());
        component(http.api(t.officerA().token()), sysA, httpd("2.4.49"), null);
        Http.Response p = publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "RED",
                List.of(Map.of("cpe", httpd("2.4.49"))),
                List.of(),
                List.of(t.unitB().id()),
                LocalDate.now().plusDays(3));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();
        assertThat(p.json().get("systemsReached").asInt())
                .as("unit A is not a recipient")
                .isZero();
        assertThat(http.api(t.officerB().token()).get("/api/v1/warnings/" + id).status())
                .isEqualTo(200);
        assertThat(http.api(t.officerA().token()).get("/api/v1/warnings/" + id).status())
                .isEqualTo(404);
        TestData.Person parentOfProvince = data.person(data.root(), Role.AUDITOR);
        assertThat(http.api(parentOfProvince.token())
                        .get("/api/v1/warnings/" + id)
                        .status())
                .as("RED: not even the publisher's parents")
                .isEqualTo(404);
        assertThat(http.api(t.publisher().token()).get("/api/v1/warnings/" + id).status())
                .isEqualTo(200);

        Http.Response noRecipients = publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "RED",
                List.of(Map.of("cpe", httpd("2.4.49"))),
                List.of(),
                null,
                LocalDate.now().plusDays(3));
        assertThat(noRecipients.status()).isEqualTo(422);
        assertThat(noRecipients.body()).contains("recipients");
    }

    @Test
    void amberReachesTheSubtreeAndParentsSeeChildrensWarnings() {
        Tree t = tree();
        TestData.Org child = data.org(t.unitA(), "Phòng thuộc đơn vị A");
        TestData.Person childOfficer = data.person(child, Role.SECURITY_OFFICER);
        Http.Response p = publish(
                http.api(t.publisher().token()),
                t.unitA().id(),
                "AMBER",
                List.of(Map.of("cpe", httpd("2.4.49"))),
                List.of(),
                null,
                LocalDate.now().plusDays(3));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();
        assertThat(http.api(childOfficer.token()).get("/api/v1/warnings/" + id).status())
                .isEqualTo(200);
        assertThat(http.api(t.publisher().token()).get("/api/v1/warnings/" + id).status())
                .as("the province sees what its unit published")
                .isEqualTo(200);
        assertThat(http.api(t.officerB().token()).get("/api/v1/warnings/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void responsesFollowTheWorkflowAndScansConfirmOrReopenAFix() {
        Tree t = tree();
        Http.Api a = http.api(t.officerA().token());
        long sys = ScanTestSupport.system(data, t.unitA());
        long other = ScanTestSupport.system(data, t.unitA());
        int plugin = 70000 + ThreadLocalRandom.current().nextInt(20000);
        String cve = "CVE-2024-" + (10000 + plugin);
        assertThat(admin().upload(
                                "/api/v1/systems/" + sys + "/scans",
                                "r.nessus",
                                ScanTestSupport.nessus(Map.of("10.2.2.2", new int[] {plugin})),
                                Map.of())
                        .status())
                .isEqualTo(201);
        component(a, other, httpd("2.4.49"), null);
        Http.Response p = publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "GREEN",
                List.of(Map.of("cpe", httpd("2.4.49"))),
                List.of(cve),
                null,
                LocalDate.now().minusDays(1));
        long id = p.json().get("id").asLong();
        String responses = "/api/v1/warnings/" + id + "/responses";

        // overdue: nobody acknowledged before the (past) deadline
        JsonNode progress = http.api(t.publisher().token())
                .get("/api/v1/warnings/" + id + "/progress")
                .json();
        assertThat(progress.get("counts").get("REACHED").asInt()).isEqualTo(2);
        assertThat(progress.get("overdue").toString()).contains("Đơn vị A");

        assertThat(a.post(responses, Map.of("systemId", sys, "status", "ACKNOWLEDGED"))
                        .status())
                .isEqualTo(201);
        assertThat(a.post(responses, Map.of("systemId", sys, "status", "ACKNOWLEDGED"))
                        .status())
                .as("twice is not a step")
                .isEqualTo(422);
        Http.Response noWhy = a.post(responses, Map.of("systemId", other, "status", "NOT_AFFECTED"));
        assertThat(noWhy.status()).isEqualTo(422);
        assertThat(noWhy.body()).contains("justification");
        assertThat(a.post(
                                responses,
                                Map.of(
                                        "systemId",
                                        other,
                                        "status",
                                        "NOT_AFFECTED",
                                        "justification",
                                        "vulnerable_code_not_in_execute_path",
                                        "note",
                                        "mod_cgi tắt"))
                        .status())
                .isEqualTo(201);
        assertThat(http.api(t.officerB().token())
                        .post(
                                responses,
                                Map.of(
                                        "systemId",
                                        sys,
                                        "status",
                                        "FIXING",
                                        "plannedFixOn",
                                        LocalDate.now().plusDays(2).toString()))
                        .status())
                .as("not B's system")
                .isEqualTo(404);
        assertThat(a.post(
                                responses,
                                Map.of(
                                        "systemId",
                                        sys,
                                        "status",
                                        "FIXING",
                                        "plannedFixOn",
                                        LocalDate.now().plusDays(2).toString()))
                        .status())
                .isEqualTo(201);
        assertThat(a.post(responses, Map.of("systemId", sys, "status", "FIXED", "note", "Đã vá lên 2.4.51"))
                        .status())
                .isEqualTo(201);

        // a re-scan that no longer reports the CVE confirms the fix
        assertThat(admin().upload(
                                "/api/v1/systems/" + sys + "/scans",
                                "r2.nessus",
                                ScanTestSupport.nessus(Map.of("10.2.2.2", new int[] {plugin + 1})),
                                Map.of())
                        .status())
                .isEqualTo(201);
        JsonNode row = list(a.get("/api/v1/warnings/" + id + "/affected")).stream()
                .filter(n -> n.get("systemId").asLong() == sys)
                .findFirst()
                .orElseThrow();
        assertThat(row.get("status").asString()).isEqualTo("FIXED");
        assertThat(row.get("fixConfirmed").asBoolean()).isTrue();
        JsonNode notAffected = list(a.get("/api/v1/warnings/" + id + "/affected")).stream()
                .filter(n -> n.get("systemId").asLong() == other)
                .findFirst()
                .orElseThrow();
        assertThat(notAffected.get("justification").asString()).isEqualTo("vulnerable_code_not_in_execute_path");

        // a later scan reporting it again reopens
        assertThat(admin().upload(
                                "/api/v1/systems/" + sys + "/scans",
                                "r3.nessus",
                                ScanTestSupport.nessus(Map.of("10.2.2.2", new int[] {plugin})),
                                Map.of())
                        .status())
                .isEqualTo(201);
        row = list(a.get("/api/v1/warnings/" + id + "/affected")).stream()
                .filter(n -> n.get("systemId").asLong() == sys)
                .findFirst()
                .orElseThrow();
        assertThat(row.get("status").asString()).isEqualTo("REOPENED");

        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('WARNING_RESPONSE', "
                                + "'WARNING_FIX_CONFIRMED', 'WARNING_FIX_REOPENED') AND organization_id = :o")
                        .param("o", t.unitA().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
    }

    @Test
    void aUnitNotMatchedDeclaresItselfAffected() {
        Tree t = tree();
        long sys = ScanTestSupport.system(data, t.unitB());
        Http.Response p = publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "CLEAR",
                List.of(Map.of("purl", "pkg:npm/lodash", "vers", "vers:npm/<4.17.21")),
                List.of(),
                null,
                LocalDate.now().plusDays(3));
        long id = p.json().get("id").asLong();
        Http.Response d = http.api(t.officerB().token())
                .post(
                        "/api/v1/warnings/" + id + "/responses",
                        Map.of("systemId", sys, "status", "AFFECTED", "note", "Dùng lodash trong giao diện"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        JsonNode row = list(http.api(t.officerB().token()).get("/api/v1/warnings/" + id + "/affected"))
                .get(0);
        assertThat(row.get("matchedBy").asString()).isEqualTo("DECLARED");
        assertThat(row.get("status").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void fromAnAdvisoryWithOneAction() throws Exception {
        Tree t = tree();
        long sys = ScanTestSupport.system(data, t.unitA());
        component(http.api(t.officerA().token()), sys, "cpe:2.3:a:espressif:esp-idf:4.1:*:*:*:*:*:*:*", null);
        long onlyBoard = ScanTestSupport.system(data, t.unitA());
        component(http.api(t.officerA().token()), onlyBoard, "cpe:2.3:a:espressif:esp-idf:4.1:*:*:*:*:*:*:*", null);
        component(http.api(t.officerA().token()), sys, "cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*", null);
        byte[] nvd = Files.readAllBytes(AdvisoryFeedsApiTest.feeds().resolve("nvd/CVE-2020-13595.json"));
        assertThat(admin().upload("/api/v1/advisory-feeds", "CVE-2020-13595.json", nvd, Map.of())
                        .status())
                .isEqualTo(201);
        long advisory = list(admin().get("/api/v1/advisories?cve=CVE-2020-13595")).stream()
                .filter(n -> n.get("kind").asString().equals("NVD"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", t.province().id());
        body.put("advisoryId", advisory);
        body.put("severity", "HIGH");
        body.put("acknowledgeBy", LocalDate.now().plusDays(1).toString());
        body.put("fixBy", LocalDate.now().plusDays(10).toString());
        body.put("tlp", "GREEN");
        Http.Response p = http.api(t.publisher().token()).post("/api/v1/warnings", body);
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();
        JsonNode w =
                http.api(t.publisher().token()).get("/api/v1/warnings/" + id).json();
        assertThat(w.get("cves").get(0).asString()).isEqualTo("CVE-2020-13595");
        assertThat(list(http.api(t.publisher().token()).get("/api/v1/warnings/" + id + "/affected")))
                .as("esp-idf on an esp32 is affected; without the platform it is not")
                .extracting(n -> n.get("systemId").asLong())
                .containsExactly(sys);
    }
}
