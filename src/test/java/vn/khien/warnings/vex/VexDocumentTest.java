package vn.khien.warnings.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The three VEX formats read into the same statements; every problem names its field. */
class VexDocumentTest {

    static VexDocument fixture(String name) throws Exception {
        try (InputStream in = VexDocumentTest.class.getResourceAsStream("/warnings/vex/" + name)) {
            return VexDocument.read(in);
        }
    }

    static VexException rejected(String name) {
        try (InputStream in = VexDocumentTest.class.getResourceAsStream("/warnings/vex/" + name)) {
            VexDocument.read(in);
        } catch (VexException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void openVexStatementsWithObjectVulnerabilityAndProducts() throws Exception {
        VexDocument d = fixture("openvex-not-affected.json");
        assertThat(d.format()).isEqualTo(VexDocument.Format.OPENVEX);
        assertThat(d.id()).isEqualTo("https://khien.example/vex/openvex-2026-0001");
        assertThat(d.statements()).hasSize(2);
        VexStatement s = d.statements().get(0);
        assertThat(s.field()).isEqualTo("statements[0]");
        assertThat(s.vulnerabilities()).containsExactly("CVE-2021-44228", "GHSA-JFH8-C2JP-5V3Q");
        assertThat(s.status()).isEqualTo(VexStatement.Status.NOT_AFFECTED);
        assertThat(s.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(s.products())
                .extracting(VexStatement.Product::purl)
                .containsExactly("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(s.detail()).contains("JndiLookup");
        assertThat(d.statements().get(1).status()).isEqualTo(VexStatement.Status.AFFECTED);
    }

    @Test
    void openVexV0StringFormsAreRead() {
        String v0 = """
                {"@context": "https://openvex.dev/ns", "@id": "x", "statements": [
                  {"vulnerability": "CVE-2023-1234", "products": ["cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", "HT-01"],
                   "status": "fixed"}]}""";
        VexDocument d = VexDocument.read(new ByteArrayInputStream(v0.getBytes(StandardCharsets.UTF_8)));
        VexStatement s = d.statements().get(0);
        assertThat(s.status()).isEqualTo(VexStatement.Status.FIXED);
        assertThat(s.products().get(0).cpe()).startsWith("cpe:2.3:a:apache:http_server");
        assertThat(s.products().get(1).name()).isEqualTo("HT-01");
    }

    @Test
    void cycloneDxRefsResolveToComponentsAndStatesMap() throws Exception {
        VexDocument d = fixture("cyclonedx-resolved.json");
        assertThat(d.format()).isEqualTo(VexDocument.Format.CYCLONEDX);
        VexStatement s = d.statements().get(0);
        assertThat(s.field()).isEqualTo("vulnerabilities[0]");
        assertThat(s.status()).isEqualTo(VexStatement.Status.FIXED);
        assertThat(s.products().get(0).cpe()).isEqualTo("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
        assertThat(s.detail()).contains("2.4.51");
    }

    @Test
    void cycloneDxJustificationsBecomeCsafLabels() {
        String bom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": [
                  {"id": "CVE-1", "analysis": {"state": "not_affected", "justification": "protected_at_perimeter"},
                   "affects": [{"ref": "pkg:npm/a@1"}]},
                  {"id": "CVE-2", "analysis": {"state": "not_affected", "justification": "requires_dependency"},
                   "affects": [{"ref": "pkg:npm/a@1"}]}]}""";
        VexDocument d = VexDocument.read(new ByteArrayInputStream(bom.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.statements())
                .extracting(VexStatement::justification)
                .containsExactly("inline_mitigations_already_exist", "component_not_present");
        assertThat(d.statements().get(0).products().get(0).purl()).isEqualTo("pkg:npm/a@1");
    }

    @Test
    void csafProductStatusListsBecomeStatementsWithFlagsAsJustification() throws Exception {
        VexDocument d = fixture("csaf-vex-mixed.json");
        assertThat(d.format()).isEqualTo(VexDocument.Format.CSAF);
        assertThat(d.id()).isEqualTo("DVA-VEX-2026-001");
        assertThat(d.statements()).hasSize(2);
        VexStatement na = d.statements().get(0);
        assertThat(na.field()).isEqualTo("vulnerabilities[0].product_status.known_not_affected[0]");
        assertThat(na.status()).isEqualTo(VexStatement.Status.NOT_AFFECTED);
        assertThat(na.justification()).isEqualTo("component_not_present");
        assertThat(na.products().get(0).purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(na.detail()).contains("shaded");
        VexStatement affected = d.statements().get(1);
        assertThat(affected.status()).isEqualTo(VexStatement.Status.AFFECTED);
        assertThat(affected.products().get(0).id()).isEqualTo("SYSTEM-CODE-PLACEHOLDER");
    }

    @Test
    void problemsNameTheirField() {
        assertThat(rejected("openvex-no-justification.json").field()).isEqualTo("statements[0].justification");
        assertThat(rejected("cyclonedx-bad-state.json").field()).isEqualTo("vulnerabilities[0].analysis.state");
        VexException undefined = rejected("csaf-vex-undefined-product.json");
        assertThat(undefined.field()).isEqualTo("vulnerabilities[0].product_status.fixed[0]");
        assertThat(undefined.getMessage()).contains("P2");
        assertThatThrownBy(() -> VexDocument.read(new ByteArrayInputStream("{\"statements\": [".getBytes())))
                .isInstanceOfSatisfying(
                        VexException.class, e -> assertThat(e.field()).isEqualTo("file"));
        assertThatThrownBy(() -> VexDocument.read(new ByteArrayInputStream("{\"id\": \"GHSA-x\"}".getBytes())))
                .isInstanceOfSatisfying(
                        VexException.class, e -> assertThat(e.getMessage()).contains("not a VEX"));
        String csafWithoutFlag = """
                {"document": {"csaf_version": "2.0", "tracking": {"id": "X"}},
                 "product_tree": {"full_product_names": [{"name": "p", "product_id": "P1"}]},
                 "vulnerabilities": [{"cve": "CVE-2021-44228", "product_status": {"known_not_affected": ["P1"]}}]}""";
        assertThatThrownBy(() -> VexDocument.read(new ByteArrayInputStream(csafWithoutFlag.getBytes())))
                .isInstanceOfSatisfying(
                        VexException.class,
                        e -> assertThat(e.field())
                                .isEqualTo("vulnerabilities[0].product_status.known_not_affected[0]"));
    }

    @Test
    void theRealCsafVexOfTheSharedFixturesReads() throws Exception {
        String dir = System.getProperty("khien.fixtures.dir");
        Path p = dir == null ? null : Path.of(dir, "feeds", "csaf", "sec-vex-2022-0001.json");
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p),
                "shared advisory fixtures not found: set -Dkhien.fixtures.dir to ../shared/fixtures");
        try (InputStream in = Files.newInputStream(p)) {
            VexDocument d = VexDocument.read(in);
            assertThat(d.format()).isEqualTo(VexDocument.Format.CSAF);
            assertThat(d.statements()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(VexStatement.Status.NOT_AFFECTED);
                assertThat(s.justification()).isEqualTo("component_not_present");
            });
            assertThat(d.statements())
                    .flatExtracting(VexStatement::vulnerabilities)
                    .contains("CVE-2021-44228");
        }
    }
}
