package vn.khien.systems.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * A CycloneDX JSON SBOM becomes the system's software components (issue 10): all or nothing, problems named by their
 * JSON path, idempotent, audited, 404 outside the caller's subtree; Khiên's own SBOM from the build imports too.
 */
public class SbomImportTest extends IntegrationTest {

    /** Endpoints whose cross-subtree isolation this class proves (listed in SubtreeIsolationTest). */
    public static final Set<String> COVERED =
            Set.of("POST /api/v1/systems/{id}/sbom", "GET /systems/{id}/sbom", "POST /systems/{id}/sbom");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person auditorA;
    long systemA;
    long systemB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh SBOM");
        unitA = data.org(province, "Sở A");
        unitB = data.org(province, "Sở B");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        auditorA = data.person(unitA, Role.AUDITOR);
        systemA = ScanTestSupport.system(data, unitA);
        systemB = ScanTestSupport.system(data, unitB);
    }

    @Test
    void importsEveryComponentOnceAndIsAudited() {
        Http.Api api = http.api(officerA.token());
        Http.Response r = api.upload(
                "/api/v1/systems/" + systemA + "/sbom", "bom.json", resource("small-cyclonedx.json"), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("read").asInt()).isEqualTo(4);
        assertThat(r.json().get("added").asInt()).isEqualTo(3);
        assertThat(r.json().get("sbomName").asText()).isEqualTo("cong-thong-tin 2.1.0");
        JsonNode components =
                api.get("/api/v1/systems/" + systemA + "/components").json();
        List<String> purls = StreamSupport.stream(components.spliterator(), false)
                .map(c -> c.get("purl").asText())
                .toList();
        assertThat(purls)
                .containsExactlyInAnyOrder(
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                        "pkg:maven/org.springframework/spring-webmvc@5.3.17",
                        "pkg:npm/jquery@3.4.1");
        JsonNode log4j = StreamSupport.stream(components.spliterator(), false)
                .filter(c -> c.get("product").asText().equals("log4j-core"))
                .findFirst()
                .orElseThrow();
        assertThat(log4j.get("kind").asText()).isEqualTo("SOFTWARE");
        assertThat(log4j.get("vendor").asText()).isEqualTo("org.apache.logging.log4j");
        assertThat(log4j.get("version").asText()).isEqualTo("2.14.1");
        assertThat(log4j.get("cpe").asText()).isEqualTo("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*");

        Http.Response again = api.upload(
                "/api/v1/systems/" + systemA + "/sbom", "bom.json", resource("small-cyclonedx.json"), Map.of());
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(3);
        assertThat(count(systemA)).isEqualTo(3);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'system.sbom.import' AND target_id = :id")
                        .param("id", String.valueOf(systemA))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aFileWithAnyErrorImportsNothingAndNamesEveryProblem() {
        Http.Api api = http.api(officerA.token());
        Http.Response broken = api.upload(
                "/api/v1/systems/" + systemA + "/sbom", "bom.json", resource("broken-cyclonedx.json"), Map.of());
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(broken)).containsExactlyInAnyOrder("components[1].name", "components[2].version");
        // The register's own rules, met half-way through adding: everything added before is rolled back.
        Http.Response badPurl = api.upload(
                "/api/v1/systems/" + systemA + "/sbom", "bom.json", resource("bad-purl-cyclonedx.json"), Map.of());
        assertThat(badPurl.status()).isEqualTo(422);
        assertThat(fields(badPurl)).containsExactly("components[1].purl");
        assertThat(count(systemA)).isZero();

        Http.Response notSbom = api.upload(
                "/api/v1/systems/" + systemA + "/sbom",
                "bom.json",
                "{\"bomFormat\":\"SPDX\",\"specVersion\":\"1.5\"}".getBytes(),
                Map.of());
        assertThat(fields(notSbom)).containsExactly("bomFormat");
        Http.Response notJson =
                api.upload("/api/v1/systems/" + systemA + "/sbom", "bom.json", "\u0000\u0001".getBytes(), Map.of());
        assertThat(fields(notJson)).containsExactly("file");
        Http.Response duplicateKeys = api.upload(
                "/api/v1/systems/" + systemA + "/sbom",
                "bom.json",
                "{\"bomFormat\":\"CycloneDX\",\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\"}".getBytes(),
                Map.of());
        assertThat(fields(duplicateKeys)).containsExactly("file");
        assertThat(count(systemA)).isZero();
    }

    @Test
    void anotherSubtreesSystemIsNotFoundAndReadersMayNotImport() {
        Http.Response other = http.api(officerA.token())
                .upload("/api/v1/systems/" + systemB + "/sbom", "bom.json", resource("small-cyclonedx.json"), Map.of());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.api(auditorA.token())
                        .upload(
                                "/api/v1/systems/" + systemA + "/sbom",
                                "bom.json",
                                resource("small-cyclonedx.json"),
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(count(systemB)).isZero();
        assertThat(count(systemA)).isZero();

        Http.Session s = http.session();
        s.login(officerA.username(), TestData.PASSWORD);
        assertThat(s.get("/systems/" + systemB + "/sbom").status()).isEqualTo(404);
        assertThat(s.get("/systems/" + systemA + "/sbom").status()).isEqualTo(200);
        assertThat(s.upload("/systems/" + systemB + "/sbom", "bom.json", resource("small-cyclonedx.json"), Map.of())
                        .status())
                .isEqualTo(404);
        Http.Response page =
                s.upload("/systems/" + systemA + "/sbom", "bom.json", resource("small-cyclonedx.json"), Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sbom-result\"").contains("thêm mới 3");
        assertThat(count(systemB)).isZero();
    }

    @Test
    void khiensOwnSbomFromTheBuildImports() throws IOException {
        Path own = Path.of("target/bom.json");
        Assumptions.assumeTrue(
                Files.isRegularFile(own),
                "target/bom.json is absent: it is written by `mvn package` (cyclonedx-maven-plugin, see README)");
        Http.Response r = http.api(officerA.token())
                .upload("/api/v1/systems/" + systemA + "/sbom", "bom.json", Files.readAllBytes(own), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("added").asInt()).isGreaterThan(50);
        assertThat(r.json().get("sbomName").asText()).startsWith("khien");
        List<String> products = StreamSupport.stream(
                        http.api(officerA.token())
                                .get("/api/v1/systems/" + systemA + "/components")
                                .json()
                                .spliterator(),
                        false)
                .map(c -> c.get("product").asText())
                .toList();
        assertThat(products).contains("spring-core", "jackson-databind");
    }

    private long count(long systemId) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM system_component WHERE system_id = :id")
                .param("id", systemId)
                .query(Long.class)
                .single();
    }

    private static List<String> fields(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        return StreamSupport.stream(r.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = SbomImportTest.class.getResourceAsStream("/sbom/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
