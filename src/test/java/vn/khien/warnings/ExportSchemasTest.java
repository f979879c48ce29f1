package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.OfficialSchemas;
import vn.khien.support.OfficialSchemas.Format;
import vn.khien.warnings.advisories.CsafChecks;

/**
 * A warning's exports pass the official JSON schemas, formats asserted: the STIX 2.1 bundle (OASIS
 * cti-stix2-json-schemas) under every TLP 2.0 marking, with CPE products, purls, several CVEs and none, and the CSAF
 * 2.0 security advisory (OASIS csaf_json_schema.json). Each check is shown able to fail on a broken copy of the same
 * document.
 */
class ExportSchemasTest extends IntegrationTest {

    static final List<Map<String, Object>> AFFECTED = List.of(
            Map.of(
                    "cpe",
                    "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*",
                    "versionStartIncluding",
                    "2.4.0",
                    "versionEndExcluding",
                    "2.4.51"),
            Map.of("cpe", "cpe:2.3:o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*"),
            Map.of("cpe", "cpe:2.3:a:fortinet:fortios:7.2.4:*:*:*:*:*:*:*"),
            Map.of("purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "vers", "vers:maven/>=2.0|<2.15.0"),
            Map.of("purl", "pkg:npm/lodash@4.17.20"));

    long publish(WarningsApiTest.Tree t, String tlp, List<Map<String, Object>> affected, List<String> cves) {
        Http.Response p = new WarningsFixture(http, data)
                .publish(
                        http.api(t.publisher().token()),
                        t.province().id(),
                        tlp,
                        affected,
                        cves,
                        tlp.equals("RED") || tlp.equals("AMBER+STRICT")
                                ? List.of(t.unitA().id())
                                : null,
                        LocalDate.now().plusDays(3));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        return p.json().get("id").asLong();
    }

    JsonNode export(WarningsApiTest.Tree t, long id, String format) {
        Http.Response r = http.api(t.publisher().token()).get("/api/v1/warnings/" + id + "/" + format);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void stixBundlesPassTheOfficialStix21SchemaUnderEveryTlp() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        for (String tlp : List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")) {
            long id = publish(t, tlp, AFFECTED, List.of("CVE-2021-41773", "CVE-2021-44228"));
            JsonNode bundle = export(t, id, "stix");
            assertThat(OfficialSchemas.violations(Format.STIX_21, bundle))
                    .as(tlp + ": " + bundle)
                    .isEmpty();
            StixObservablesTest.assertDeterministicIds(bundle);
        }
        // products only (no CVE), and CVEs only (no product)
        JsonNode noCve = export(t, publish(t, "GREEN", AFFECTED, List.of()), "stix");
        assertThat(OfficialSchemas.violations(Format.STIX_21, noCve))
                .as(noCve.toString())
                .isEmpty();
        JsonNode noProduct = export(t, publish(t, "GREEN", List.of(), List.of("CVE-2024-3400")), "stix");
        assertThat(OfficialSchemas.violations(Format.STIX_21, noProduct))
                .as(noProduct.toString())
                .isEmpty();
    }

    @Test
    void csafAdvisoriesPassTheOfficialCsaf20Schema() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        for (String tlp : List.of("CLEAR", "AMBER+STRICT", "RED")) {
            JsonNode doc = export(t, publish(t, tlp, AFFECTED, List.of("CVE-2021-41773", "CVE-2021-44228")), "csaf");
            assertThat(OfficialSchemas.violations(Format.CSAF_20, doc))
                    .as(tlp + ": " + doc)
                    .isEmpty();
            assertThat(CsafChecks.mandatoryFailures(doc)).as(tlp + ": " + doc).isEmpty();
        }
        JsonNode noCve = export(t, publish(t, "GREEN", AFFECTED, List.of()), "csaf");
        assertThat(OfficialSchemas.violations(Format.CSAF_20, noCve))
                .as(noCve.toString())
                .isEmpty();
        assertThat(CsafChecks.mandatoryFailures(noCve)).as(noCve.toString()).isEmpty();
        JsonNode noProduct = export(t, publish(t, "GREEN", List.of(), List.of("CVE-2024-3400")), "csaf");
        assertThat(OfficialSchemas.violations(Format.CSAF_20, noProduct))
                .as(noProduct.toString())
                .isEmpty();
        assertThat(CsafChecks.mandatoryFailures(noProduct))
                .as(noProduct.toString())
                .isEmpty();
        // CPE products only, purl products only
        for (List<Map<String, Object>> products : List.of(AFFECTED.subList(0, 3), AFFECTED.subList(3, 5))) {
            JsonNode doc = export(t, publish(t, "GREEN", products, List.of("CVE-2021-44228")), "csaf");
            assertThat(OfficialSchemas.violations(Format.CSAF_20, doc))
                    .as(doc.toString())
                    .isEmpty();
            assertThat(CsafChecks.mandatoryFailures(doc)).as(doc.toString()).isEmpty();
        }
    }

    @Test
    void theSchemasRejectBrokenCopiesOfTheSameExports() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        long id = publish(t, "AMBER", AFFECTED, List.of("CVE-2021-44228"));

        JsonNode bundle = export(t, id, "stix");
        assertThat(OfficialSchemas.violations(Format.STIX_21, bundle)).isEmpty();
        ObjectNode vulnerability = null;
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asString().equals("vulnerability")) {
                vulnerability = (ObjectNode) o;
            }
        }
        assertThat(vulnerability).isNotNull();
        vulnerability.put("created", "2026-12-07T08:00:00Z"); // STIX wants milliseconds
        assertThat(OfficialSchemas.violations(Format.STIX_21, bundle))
                .anyMatch(v -> v.matches("/objects/\\d+/created: .*regex.*"));
        vulnerability.put("created", "2026-12-07T08:00:00.000Z");
        assertThat(OfficialSchemas.violations(Format.STIX_21, bundle)).isEmpty();
        vulnerability.remove("name");
        assertThat(OfficialSchemas.violations(Format.STIX_21, bundle)).isNotEmpty();
        ObjectNode badId = (ObjectNode) export(t, id, "stix");
        badId.put("id", "bundle--not-a-uuid");
        assertThat(OfficialSchemas.violations(Format.STIX_21, badId)).anyMatch(v -> v.startsWith("/id"));

        ObjectNode csaf = (ObjectNode) export(t, id, "csaf");
        assertThat(OfficialSchemas.violations(Format.CSAF_20, csaf)).isEmpty();
        ((ObjectNode) csaf.get("document").get("tracking")).put("initial_release_date", "07/12/2026");
        assertThat(OfficialSchemas.violations(Format.CSAF_20, csaf))
                .anyMatch(v -> v.startsWith("/document/tracking/initial_release_date"));
        ObjectNode noPublisher = (ObjectNode) export(t, id, "csaf");
        ((ObjectNode) noPublisher.get("document")).remove("publisher");
        ((ArrayNode) noPublisher.get("vulnerabilities")).addObject().put("cve", "CVE-21-1");
        assertThat(OfficialSchemas.violations(Format.CSAF_20, noPublisher))
                .anyMatch(v -> v.startsWith("/document"))
                .anyMatch(v -> v.startsWith("/vulnerabilities/1/cve"));
    }
}
