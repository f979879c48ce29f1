package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A warning exported as a STIX 2.1 bundle and as a CSAF 2.0 security advisory, checked against the shape their
 * schemas require (identifiers, timestamps, required properties, references that resolve, the TLP 2.0 marking
 * object); the CSAF document is read back by Khiên's own CSAF importer.
 */
class WarningExportsTest extends IntegrationTest {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern STIX_TS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    static final Pattern CSAF_TS =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

    long publish(WarningsApiTest.Tree t, String tlp, List<Long> recipients) {
        WarningsFixture f = new WarningsFixture(http, data);
        Http.Response p = f.publish(
                http.api(t.publisher().token()),
                t.province().id(),
                tlp,
                List.of(
                        Map.of(
                                "cpe",
                                "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*",
                                "versionStartIncluding",
                                "2.4.0",
                                "versionEndExcluding",
                                "2.4.51"),
                        Map.of(
                                "purl",
                                "pkg:maven/org.apache.logging.log4j/log4j-core",
                                "vers",
                                "vers:maven/>=2.0|<2.15.0")),
                List.of("CVE-2021-41773", "CVE-2021-44228"),
                recipients,
                LocalDate.now().plusDays(3));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        return p.json().get("id").asLong();
    }

    @Test
    void stixBundleHasTheShapeOfStix21WithTheTlp2Marking() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        long id = publish(t, "AMBER+STRICT", List.of(t.unitA().id()));
        Http.Response r = http.api(t.publisher().token()).get("/api/v1/warnings/" + id + "/stix");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/stix+json");
        JsonNode b = r.json();
        assertThat(b.get("type").asString()).isEqualTo("bundle");
        assertThat(b.get("id").asString()).matches("bundle--" + UUID.pattern());
        Set<String> ids = new HashSet<>();
        b.get("objects").forEach(o -> ids.add(o.get("id").asString()));
        int vulnerabilities = 0;
        for (JsonNode o : b.get("objects")) {
            String type = o.get("type").asString();
            assertThat(o.get("spec_version").asString()).as(type).isEqualTo("2.1");
            assertThat(o.get("id").asString()).as(type).matches(Pattern.quote(type) + "--" + UUID.pattern());
            if (!type.equals("software")) {
                assertThat(o.get("created").asString()).as(type).matches(STIX_TS);
            }
            if (!type.equals("software") && !type.equals("marking-definition")) {
                assertThat(o.get("modified").asString()).as(type).matches(STIX_TS);
            }
            if (o.has("object_marking_refs")) {
                o.get("object_marking_refs")
                        .forEach(m -> assertThat(ids).as("marking of " + type).contains(m.asString()));
            }
            if (o.has("created_by_ref")) {
                assertThat(ids).contains(o.get("created_by_ref").asString());
            }
            switch (type) {
                case "vulnerability" -> {
                    vulnerabilities++;
                    assertThat(o.get("name").asString()).startsWith("CVE-");
                    assertThat(o.get("external_references")
                                    .get(0)
                                    .get("source_name")
                                    .asString())
                            .isEqualTo("cve");
                    assertThat(o.get("external_references")
                                    .get(0)
                                    .get("external_id")
                                    .asString())
                            .isEqualTo(o.get("name").asString());
                    assertThat(o.get("object_marking_refs").get(0).asString())
                            .isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
                }
                case "marking-definition" -> {
                    assertThat(o.get("name").asString()).isEqualTo("TLP:AMBER+STRICT");
                    assertThat(o.get("extensions")
                                    .get("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d")
                                    .get("tlp_2_0")
                                    .asString())
                            .isEqualTo("amber+strict");
                }
                case "report" -> {
                    assertThat(o.get("published").asString()).matches(STIX_TS);
                    assertThat(o.get("name").asString()).isNotBlank();
                    o.get("object_refs").forEach(ref -> assertThat(ids).contains(ref.asString()));
                }
                case "software" -> assertThat(o.get("cpe").asString()).startsWith("cpe:2.3:a:apache:http_server");
                case "identity" ->
                    assertThat(o.get("identity_class").asString()).isEqualTo("organization");
                default -> throw new AssertionError("unexpected object type " + type);
            }
        }
        assertThat(vulnerabilities).isEqualTo(2);
        StixObservablesTest.assertDeterministicIds(b);
        // the same ids on a second export (re-import updates instead of duplicating)
        JsonNode again = http.api(t.publisher().token())
                .get("/api/v1/warnings/" + id + "/stix")
                .json();
        assertThat(again.get("objects").get(2).get("id").asString())
                .isEqualTo(b.get("objects").get(2).get("id").asString());
    }

    @Test
    void csafAdvisoryHasTheShapeOfCsaf20AndReadsBackAsAnAdvisory() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        long id = publish(t, "CLEAR", null);
        Http.Response r = http.api(t.publisher().token()).get("/api/v1/warnings/" + id + "/csaf");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.json();
        JsonNode doc = d.get("document");
        assertThat(doc.get("category").asString()).isEqualTo("csaf_security_advisory");
        assertThat(doc.get("csaf_version").asString()).isEqualTo("2.0");
        assertThat(doc.get("publisher").get("category").asString())
                .isIn("coordinator", "discoverer", "other", "translator", "user", "vendor");
        assertThat(doc.get("publisher").get("namespace").asString()).matches("https?://.+");
        assertThat(doc.get("distribution").get("tlp").get("label").asString()).isEqualTo("WHITE");
        JsonNode tracking = doc.get("tracking");
        assertThat(tracking.get("id").asString()).matches("[\\S](.*[\\S])?");
        assertThat(tracking.get("status").asString()).isIn("draft", "final", "interim");
        assertThat(tracking.get("version").asString()).matches("0|[1-9][0-9]*");
        assertThat(tracking.get("initial_release_date").asString()).matches(CSAF_TS);
        assertThat(tracking.get("current_release_date").asString()).matches(CSAF_TS);
        assertThat(tracking.get("revision_history")).isNotEmpty();
        tracking.get("revision_history").forEach(h -> {
            assertThat(h.get("date").asString()).matches(CSAF_TS);
            assertThat(h.get("number").asString()).matches("0|[1-9][0-9]*");
            assertThat(h.get("summary").asString()).isNotBlank();
        });
        // security advisory profile (CSAF 2.0 §4.5): a summary-like note, an external reference, vulnerabilities
        assertThat(doc.get("notes"))
                .anySatisfy(n ->
                        assertThat(n.get("category").asString()).isIn("description", "details", "general", "summary"));
        assertThat(doc.get("references"))
                .anySatisfy(n -> assertThat(n.get("category").asString()).isEqualTo("external"));
        Set<String> defined = new HashSet<>();
        collectProductIds(d.get("product_tree"), defined);
        assertThat(defined).hasSize(2);
        assertThat(d.get("vulnerabilities")).hasSize(2);
        for (JsonNode v : d.get("vulnerabilities")) {
            assertThat(v.get("cve").asString()).matches("CVE-\\d{4}-\\d{4,}");
            v.get("product_status")
                    .get("known_affected")
                    .forEach(p -> assertThat(defined).contains(p.asString()));
            v.get("remediations").forEach(rem -> {
                assertThat(rem.get("category").asString())
                        .isIn("mitigation", "no_fix_planned", "none_available", "vendor_fix", "workaround");
                rem.get("product_ids").forEach(p -> assertThat(defined).contains(p.asString()));
            });
        }
        String ranges = d.get("product_tree").toString();
        assertThat(ranges).contains("vers:generic/>=2.4.0|<2.4.51").contains("vers:maven/>=2.0|<2.15.0");

        // Khiên's own CSAF reader takes it back as an advisory with the same products
        Http.Response imported = admin().upload(
                        "/api/v1/advisory-feeds",
                        "warning.csaf.json",
                        r.body().getBytes(StandardCharsets.UTF_8),
                        Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("kind").asString()).isEqualTo("CSAF");
    }

    @Test
    void thePageButtonsDownloadTheSameExports() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        long id = publish(t, "GREEN", null);
        Http.Session s = http.session();
        assertThat(s.login(t.publisher().username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        Http.Response stix = s.get("/warnings/" + id + "/export.stix.json");
        assertThat(stix.status()).isEqualTo(200);
        assertThat(stix.header("Content-Disposition")).contains("canh-bao-" + id + ".stix.json");
        assertThat(stix.body()).contains("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
        Http.Response csaf = s.get("/warnings/" + id + "/export.csaf.json");
        assertThat(csaf.status()).isEqualTo(200);
        assertThat(csaf.body()).contains("csaf_security_advisory");
    }

    private static void collectProductIds(JsonNode n, Set<String> out) {
        if (n == null) {
            return;
        }
        if (n.isObject()) {
            if (n.has("product_id")) {
                assertThat(out.add(n.get("product_id").asString()))
                        .as("product ids are unique")
                        .isTrue();
            }
            n.properties().forEach(e -> collectProductIds(e.getValue(), out));
        } else if (n.isArray()) {
            n.forEach(c -> collectProductIds(c, out));
        }
    }
}
