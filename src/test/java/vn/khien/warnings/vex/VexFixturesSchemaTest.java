package vn.khien.warnings.vex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.support.OfficialSchemas;
import vn.khien.support.OfficialSchemas.Format;

/**
 * The VEX documents the tests feed Khiên are real documents of their format: each valid fixture passes its official
 * schema (CSAF 2.0 VEX profile, CycloneDX 1.5, OpenVEX 0.2.0) and is read; the fixtures that must be refused for a
 * schema reason are refused by the schema too, so the reader's tests are not tests of an invented format.
 */
class VexFixturesSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = VexFixturesSchemaTest.class.getResourceAsStream("/warnings/vex/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theValidFixturesPassTheirOfficialSchemas() throws Exception {
        assertThat(OfficialSchemas.violations(Format.CSAF_20, fixture("csaf-vex-mixed.json")))
                .isEmpty();
        assertThat(OfficialSchemas.violations(Format.CYCLONEDX_15, fixture("cyclonedx-resolved.json")))
                .isEmpty();
        assertThat(OfficialSchemas.violations(Format.OPENVEX_020, fixture("openvex-not-affected.json")))
                .isEmpty();
        assertThat(VexDocumentTest.fixture("csaf-vex-mixed.json").statements()).isNotEmpty();
        assertThat(VexDocumentTest.fixture("cyclonedx-resolved.json").statements())
                .isNotEmpty();
        assertThat(VexDocumentTest.fixture("openvex-not-affected.json").statements())
                .isNotEmpty();
    }

    @Test
    void anUnknownAnalysisStateIsASchemaErrorAndRefusedByTheReader() throws Exception {
        assertThat(OfficialSchemas.violations(Format.CYCLONEDX_15, fixture("cyclonedx-bad-state.json")))
                .anyMatch(v -> v.startsWith("/vulnerabilities/0/analysis/state"));
        assertThat(VexDocumentTest.rejected("cyclonedx-bad-state.json")).isNotNull();
    }

    @Test
    void theSchemasRejectBrokenCopiesOfTheValidFixtures() throws Exception {
        ObjectNode openvex = (ObjectNode) fixture("openvex-not-affected.json");
        ((ObjectNode) openvex.get("statements").get(0)).put("status", "maybe");
        openvex.remove("@id");
        assertThat(OfficialSchemas.violations(Format.OPENVEX_020, openvex)).isNotEmpty();

        ObjectNode csaf = (ObjectNode) fixture("csaf-vex-mixed.json");
        ((ObjectNode) csaf.get("document")).put("category", "");
        assertThat(OfficialSchemas.violations(Format.CSAF_20, csaf)).anyMatch(v -> v.startsWith("/document/category"));

        ObjectNode bom = (ObjectNode) fixture("cyclonedx-resolved.json");
        bom.put("serialNumber", "3e671687");
        assertThat(OfficialSchemas.violations(Format.CYCLONEDX_15, bom)).anyMatch(v -> v.startsWith("/serialNumber"));
    }
}
