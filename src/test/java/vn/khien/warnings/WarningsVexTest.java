package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * A unit answers a warning for many systems at once with a VEX document (OpenVEX, CycloneDX, CSAF): statements apply
 * to its reached systems by purl, CPE or system code; the document is applied whole or not at all, audited.
 */
class WarningsVexTest extends IntegrationTest {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = WarningsVexTest.class.getResourceAsStream("/warnings/vex/" + name)) {
            return in.readAllBytes();
        }
    }

    record Setup(WarningsApiTest.Tree tree, long log4jOne, long log4jTwo, long httpd, long other, long warning) {}

    Setup setup() {
        WarningsFixture api = new WarningsFixture(http, data);
        WarningsApiTest.Tree t = api.tree();
        Http.Api a = http.api(t.officerA().token());
        long s1 = ScanTestSupport.system(data, t.unitA());
        long s2 = ScanTestSupport.system(data, t.unitA());
        long s3 = ScanTestSupport.system(data, t.unitA());
        long s4 = ScanTestSupport.system(data, t.unitA());
        api.component(a, s1, null, LOG4J);
        api.component(a, s2, null, LOG4J);
        api.component(a, s3, WarningsApiTest.httpd("2.4.49"), null);
        api.component(a, s4, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.0");
        Http.Response p = api.publish(
                http.api(t.publisher().token()),
                t.province().id(),
                "AMBER",
                List.of(
                        Map.of(
                                "purl",
                                "pkg:maven/org.apache.logging.log4j/log4j-core",
                                "vers",
                                "vers:maven/>=2.0|<2.15.0"),
                        Map.of("cpe", "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", "versionEndExcluding", "2.4.51")),
                List.of("CVE-2021-44228", "CVE-2021-41773"),
                null,
                LocalDate.now().plusDays(3));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        return new Setup(t, s1, s2, s3, s4, p.json().get("id").asLong());
    }

    Map<Long, String> statuses(Http.Api as, long warning) {
        Map<Long, String> out = new HashMap<>();
        for (JsonNode n : WarningsApiTest.list(as.get("/api/v1/warnings/" + warning + "/affected"))) {
            out.put(n.get("systemId").asLong(), n.get("status").asString());
        }
        return out;
    }

    @Test
    void openVexAndCycloneDxAnswerManySystemsAtOnce() throws Exception {
        Setup s = setup();
        Http.Api a = http.api(s.tree().officerA().token());
        Http.Response r = a.upload(
                "/api/v1/warnings/" + s.warning() + "/vex", "vex.json", fixture("openvex-not-affected.json"), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("format").asString()).isEqualTo("OPENVEX");
        assertThat(r.json().get("changed")).hasSize(2);
        assertThat(r.json().get("skipped").get(0).get("field").asString()).isEqualTo("statements[1]");
        Map<Long, String> st = statuses(a, s.warning());
        assertThat(st.get(s.log4jOne())).isEqualTo("NOT_AFFECTED");
        assertThat(st.get(s.log4jTwo())).isEqualTo("NOT_AFFECTED");
        assertThat(st.get(s.other()))
                .as("2.14.0 is another version than the statement's")
                .isEqualTo("REACHED");
        assertThat(st.get(s.httpd())).isEqualTo("REACHED");
        JsonNode one = WarningsApiTest.list(a.get("/api/v1/warnings/" + s.warning() + "/affected")).stream()
                .filter(n -> n.get("systemId").asLong() == s.log4jOne())
                .findFirst()
                .orElseThrow();
        assertThat(one.get("justification").asString()).isEqualTo("vulnerable_code_not_in_execute_path");

        Http.Response cdx = a.upload(
                "/api/v1/warnings/" + s.warning() + "/vex", "bom.json", fixture("cyclonedx-resolved.json"), Map.of());
        assertThat(cdx.status()).as(cdx.body()).isEqualTo(200);
        assertThat(statuses(a, s.warning()).get(s.httpd())).isEqualTo("FIXED");

        // the same document again changes nothing
        Http.Response again = a.upload(
                "/api/v1/warnings/" + s.warning() + "/vex", "vex.json", fixture("openvex-not-affected.json"), Map.of());
        assertThat(again.json().get("changed")).isEmpty();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);

        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'WARNING_VEX_ANSWERED' "
                                + "AND target_id = :w")
                        .param("w", String.valueOf(s.warning()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM warning_response r JOIN warning_target t ON t.id = r.target_id "
                                        + "WHERE t.warning_id = :w AND r.to_status = 'NOT_AFFECTED' AND r.note LIKE 'VEX OPENVEX%'")
                        .param("w", s.warning())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void csafVexBySystemCodeAndAllOrNothing() throws Exception {
        Setup s = setup();
        Http.Api a = http.api(s.tree().officerA().token());
        String codeOfOther =
                a.get("/api/v1/systems/" + s.other()).json().get("code").asString();
        byte[] csaf = new String(fixture("csaf-vex-mixed.json"), StandardCharsets.UTF_8)
                .replace("SYSTEM-CODE-PLACEHOLDER", codeOfOther)
                .getBytes(StandardCharsets.UTF_8);
        Http.Response r = a.upload("/api/v1/warnings/" + s.warning() + "/vex", "csaf.json", csaf, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<Long, String> st = statuses(a, s.warning());
        assertThat(st.get(s.log4jOne())).isEqualTo("NOT_AFFECTED");
        assertThat(st.get(s.other()))
                .as("known_affected by system code: acknowledged")
                .isEqualTo("ACKNOWLEDGED");

        // httpd FIXED (CycloneDX), then a document saying one log4j system is fixed (not allowed from NOT_AFFECTED)
        // and the httpd system fixed again: rejected whole, naming the statement; nothing changes
        a.upload("/api/v1/warnings/" + s.warning() + "/vex", "bom.json", fixture("cyclonedx-resolved.json"), Map.of());
        String mixed = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "Đơn vị A", "timestamp": "2026-01-01T00:00:00Z", "version": 1, "statements": [
                  {"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "%s"}], "status": "fixed"},
                  {"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "%s"}], "status": "fixed"}]}""".formatted(codeOfOther, LOG4J);
        Http.Response bad = a.upload(
                "/api/v1/warnings/" + s.warning() + "/vex",
                "mixed.json",
                mixed.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("statements[1]");
        assertThat(statuses(a, s.warning()).get(s.other()))
                .as("nothing applied")
                .isEqualTo("ACKNOWLEDGED");

        Http.Response invalid = a.upload(
                "/api/v1/warnings/" + s.warning() + "/vex",
                "bad.json",
                fixture("openvex-no-justification.json"),
                Map.of());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("statements[0].justification");
    }

    /** CSAF 2.0 §6 on a VEX answer (ADR 0062): the refusing mandatory tests refuse it, the other failures are reported. */
    @Test
    void aCsafVexRunsTheCsafTestsRefusingWhatChangesTheAnswerAndReportingTheRest() throws Exception {
        Setup s = setup();
        Http.Api a = http.api(s.tree().officerA().token());
        String codeOfOther =
                a.get("/api/v1/systems/" + s.other()).json().get("code").asString();
        byte[] contradicting = new String(fixture("csaf-vex-contradicting.json"), StandardCharsets.UTF_8)
                .replace("SYSTEM-CODE-PLACEHOLDER", codeOfOther)
                .getBytes(StandardCharsets.UTF_8);
        Http.Response refused =
                a.upload("/api/v1/warnings/" + s.warning() + "/vex", "csaf.json", contradicting, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains("§6.1.6")
                .contains("Trạng thái sản phẩm mâu thuẫn nhau")
                .contains("/vulnerabilities/0/product_status");
        assertThat(statuses(a, s.warning()).get(s.log4jOne()))
                .as("nothing applied")
                .isEqualTo("REACHED");

        byte[] mixed = new String(fixture("csaf-vex-mixed.json"), StandardCharsets.UTF_8)
                .replace("SYSTEM-CODE-PLACEHOLDER", codeOfOther)
                .getBytes(StandardCharsets.UTF_8);
        Http.Response r = a.upload("/api/v1/warnings/" + s.warning() + "/vex", "csaf.json", mixed, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> checks = new ArrayList<>();
        r.json()
                .get("csafChecks")
                .forEach(c -> checks.add(c.get("test").asString() + " "
                        + c.get("level").asString() + " " + c.get("pointer").asString()));
        assertThat(checks)
                .contains(
                        "6.1.27.10 MANDATORY /vulnerabilities/0/product_status/known_affected/0",
                        "6.2.10 OPTIONAL /document/distribution/tlp/label");
        assertThat(statuses(a, s.warning()).get(s.log4jOne())).isEqualTo("NOT_AFFECTED");
        String audited = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'WARNING_VEX_ANSWERED' AND target_id = :w")
                .param("w", String.valueOf(s.warning()))
                .query(String.class)
                .list()
                .get(0);
        assertThat(audited).contains("csafChecks").contains("6.1.27.10");

        // the other VEX formats carry no CSAF checks
        Http.Response open = a.upload(
                "/api/v1/warnings/" + s.warning() + "/vex", "vex.json", fixture("openvex-not-affected.json"), Map.of());
        assertThat(open.json().get("csafChecks")).isEmpty();
    }

    @Test
    void anotherUnitAnswersNothingOfUnitA() throws Exception {
        Setup s = setup();
        Http.Response r = http.api(s.tree().officerB().token())
                .upload(
                        "/api/v1/warnings/" + s.warning() + "/vex",
                        "vex.json",
                        fixture("openvex-not-affected.json"),
                        Map.of());
        assertThat(r.status()).isIn(403, 422);
        assertThat(statuses(http.api(s.tree().officerA().token()), s.warning()).get(s.log4jOne()))
                .isEqualTo("REACHED");
    }
}
