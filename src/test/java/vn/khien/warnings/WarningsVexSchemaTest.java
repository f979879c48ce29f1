package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/**
 * A VEX answer is checked against its format's official JSON schema (CSAF 2.0, CycloneDX 1.4–1.7, OpenVEX 0.2.0,
 * shipped and validated offline) before anything is applied: a document breaking it is a 422 problem+json with one
 * error per violation naming its JSON pointer, in Vietnamese, and nothing changes (no status, no audit).
 */
class WarningsVexSchemaTest extends IntegrationTest {

    private static ObjectNode fixture(String name) throws Exception {
        return (ObjectNode) Http.JSON.readTree(WarningsVexTest.fixture(name));
    }

    private static List<String> messages(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        return StreamSupport.stream(r.json().get("errors").spliterator(), false)
                .peek(e -> assertThat(e.get("field").asString()).isEqualTo("file"))
                .map(e -> e.get("message").asString())
                .toList();
    }

    private long answers(long warning) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM warning_response r JOIN warning_target t ON t.id = r.target_id"
                        + " WHERE t.warning_id = :w")
                .param("w", warning)
                .query(Long.class)
                .single();
    }

    @Test
    void aDocumentBreakingItsOfficialSchemaIsRefusedWholeNamingEachViolation() throws Exception {
        WarningsVexTest.Setup s = new WarningsVexTest() {
            {
                http = WarningsVexSchemaTest.this.http;
                data = WarningsVexSchemaTest.this.data;
            }
        }.setup();
        Http.Api a = http.api(s.tree().officerA().token());
        String vex = "/api/v1/warnings/" + s.warning() + "/vex";

        // OpenVEX: a status outside the enumeration, and a statement without its required vulnerability
        ObjectNode openvex = fixture("openvex-not-affected.json");
        ((ObjectNode) openvex.get("statements").get(0)).put("status", "maybe");
        ObjectNode second = ((ObjectNode) openvex.get("statements").get(0)).deepCopy();
        second.remove("vulnerability");
        second.put("status", "fixed");
        ((tools.jackson.databind.node.ArrayNode) openvex.get("statements")).add(second);
        List<String> o = messages(a.upload(vex, "openvex.json", Http.JSON.writeValueAsBytes(openvex), Map.of()));
        assertThat(o).allMatch(m -> m.startsWith("Tài liệu không đúng lược đồ chính thức OpenVEX 0.2.0, tại "));
        assertThat(o).anyMatch(m -> m.contains("/statements/0/status"));
        assertThat(o)
                .anyMatch(m ->
                        m.contains("/statements/" + (openvex.get("statements").size() - 1))
                                && m.contains("vulnerability"));

        // CycloneDX: an analysis state of no version, checked against the document's own specVersion
        List<String> c =
                messages(a.upload(vex, "cdx.json", WarningsVexTest.fixture("cyclonedx-bad-state.json"), Map.of()));
        assertThat(c).anyMatch(m -> m.contains("CycloneDX 1.5") && m.contains("/vulnerabilities/0/analysis/state"));
        ObjectNode old = fixture("cyclonedx-resolved.json");
        old.put("specVersion", "1.3");
        assertThat(messages(a.upload(vex, "old.json", Http.JSON.writeValueAsBytes(old), Map.of())))
                .singleElement()
                .satisfies(m -> assertThat(m).contains("/specVersion").contains("1.4, 1.5, 1.6, 1.7"));

        // CSAF 2.0: an empty category breaks the schema before any CSAF test runs
        ObjectNode csaf = fixture("csaf-vex-mixed.json");
        ((ObjectNode) csaf.get("document")).put("category", "");
        assertThat(messages(a.upload(vex, "csaf.json", Http.JSON.writeValueAsBytes(csaf), Map.of())))
                .anyMatch(m -> m.contains("CSAF 2.0") && m.contains("/document/category"));

        assertThat(answers(s.warning())).as("nothing applied").isZero();
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'WARNING_VEX_ANSWERED' AND target_id = :w")
                        .param("w", String.valueOf(s.warning()))
                        .query(Long.class)
                        .single())
                .isZero();

        // the valid documents still apply
        Http.Response ok = a.upload(vex, "ok.json", WarningsVexTest.fixture("openvex-not-affected.json"), Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode changed = ok.json().get("changed");
        assertThat(changed).isNotEmpty();
    }
}
