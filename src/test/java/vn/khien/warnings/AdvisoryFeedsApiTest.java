package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/** The advisory library API over the real database: import, re-import, rejection, lookup by CVE, KEV marks. */
class AdvisoryFeedsApiTest extends IntegrationTest {

    static Path feeds() {
        String dir = System.getProperty("khien.fixtures.dir");
        Path p = dir == null ? null : Path.of(dir, "feeds");
        Assumptions.assumeTrue(
                p != null && Files.isDirectory(p),
                "shared advisory fixtures not found: set -Dkhien.fixtures.dir to ../shared/fixtures");
        return p;
    }

    Http.Response upload(Http.Api as, String name, byte[] content) {
        return as.upload("/api/v1/advisory-feeds", name, content, Map.of());
    }

    long advisories() {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM advisory")
                .query(Long.class)
                .single();
    }

    @Test
    void nvdRecordImportsOnceAndIsFoundByCve() throws Exception {
        byte[] file = Files.readAllBytes(feeds().resolve("nvd/CVE-2021-41773.json"));
        Http.Response first = upload(admin(), "CVE-2021-41773.json", file);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("kind").asString()).isEqualTo("NVD");
        assertThat(first.json().get("advisories").asInt()).isEqualTo(1);
        Http.Response again = upload(admin(), "CVE-2021-41773.json", file);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);

        Http.Response found = admin().get("/api/v1/advisories?cve=CVE-2021-41773");
        assertThat(found.status()).isEqualTo(200);
        var nvd = StreamSupport.stream(found.json().spliterator(), false)
                .filter(a -> a.get("kind").asString().equals("NVD"))
                .toList();
        assertThat(nvd).hasSize(1);
        assertThat(nvd.get(0).get("cves").get(0).asString()).isEqualTo("CVE-2021-41773");
        assertThat(nvd.get(0).get("affected").toString()).contains("cpe:2.3:a:apache:http_server:2.4.49");
        assertThat(nvd.get(0).get("source").asString()).isEqualTo("CVE-2021-41773.json");
    }

    @Test
    void aBadFileIs422NamingTheProblemAndStoresNothing() throws Exception {
        long before = advisories();
        for (String bad : new String[] {
            "kev/invalid-kev-truncated.json",
            "csaf/invalid-csaf-undefined-product-id.json",
            "osv/invalid-osv-range-without-introduced.json",
            "nvd/invalid-nvd-legacy-1.1-feed.json"
        }) {
            Http.Response r = upload(admin(), "bad.json", Files.readAllBytes(feeds().resolve(bad)));
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        }
        assertThat(advisories()).isEqualTo(before);
    }

    @Test
    void aCsafDocumentBreakingTheSchemaIs422ListingEachJsonPointerAndStoresNothing() throws Exception {
        long before = advisories();
        byte[] file = getClass()
                .getResourceAsStream("/warnings/csaf/broken-three-errors.json")
                .readAllBytes();
        Http.Response r = upload(admin(), "broken.json", file);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        var errors = StreamSupport.stream(r.json().get("errors").spliterator(), false)
                .toList();
        assertThat(errors).allMatch(e -> e.get("field").asString().equals("file"));
        assertThat(errors.stream().map(e -> e.get("message").asString()))
                .anyMatch(m -> m.contains("/document/tracking/status"))
                .anyMatch(m -> m.contains("/vulnerabilities/0/cve"));
        Http.Response many = upload(
                admin(),
                "many.json",
                getClass()
                        .getResourceAsStream("/warnings/csaf/broken-many-errors.json")
                        .readAllBytes());
        assertThat(many.status()).isEqualTo(422);
        assertThat(many.json().get("errors").size()).isEqualTo(21);
        assertThat(advisories()).isEqualTo(before);

        Http.Response ok = upload(
                admin(),
                "valid.json",
                getClass()
                        .getResourceAsStream("/warnings/csaf/valid-minimal.json")
                        .readAllBytes());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("kind").asString()).isEqualTo("CSAF");
    }

    @Test
    void aCsafDocumentFailingAMandatoryTestThatChangesTheMatchIs422NamingTheTestAndPointer() throws Exception {
        long before = advisories();
        Http.Response r = upload(
                admin(),
                "contradicting.json",
                getClass()
                        .getResourceAsStream("/warnings/csaf/mandatory/import-contradicting-status.json")
                        .readAllBytes());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        var errors = StreamSupport.stream(r.json().get("errors").spliterator(), false)
                .toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("file");
        assertThat(errors.get(0).get("message").asString())
                .contains("6.1.6")
                .contains("/vulnerabilities/0/product_status")
                .contains("P1");
        assertThat(advisories()).isEqualTo(before);

        // a stale tracking version (6.1.16) does not change what is matched: imported
        Http.Response stale = upload(
                admin(),
                "stale.json",
                getClass()
                        .getResourceAsStream("/warnings/csaf/mandatory/import-stale-version.json")
                        .readAllBytes());
        assertThat(stale.status()).as(stale.body()).isEqualTo(201);
    }

    @Test
    void mispEventBecomesAnAdvisory() throws Exception {
        byte[] file =
                getClass().getResourceAsStream("/warnings/misp-event.json").readAllBytes();
        Http.Response r = upload(admin(), "misp-event.json", file);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("kind").asString()).isEqualTo("MISP");
        Http.Response found = admin().get("/api/v1/advisories?cve=CVE-2021-42013");
        assertThat(found.body()).contains("MISP:5f0c2b9e");
    }

    @Test
    void onlySecurityStaffImport() {
        TestData.Org org = data.org(data.root(), "Đơn vị chỉ đọc");
        TestData.Person reader = data.person(org, Role.AUDITOR);
        Http.Response r = upload(http.api(reader.token()), "k.json", kev("2099.01.01", "CVE-2099-0001"));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void kevListingMarksAnOpenFindingKnownExploitedWithAShorterLimit() {
        TestData.Org org = data.org(data.root(), "Đơn vị có phát hiện");
        long system = ScanTestSupport.system(data, org);
        int plugin = 60000 + ThreadLocalRandom.current().nextInt(30000);
        String cve = "CVE-2024-" + (10000 + plugin);
        // plugin % 5 == 1: a LOW finding, whose SLA is far longer than the KEV rule's 7 days
        plugin = plugin - plugin % 5 + 1;
        cve = "CVE-2024-" + (10000 + plugin);
        Http.Response scan = admin().upload(
                        "/api/v1/systems/" + system + "/scans",
                        "r.nessus",
                        ScanTestSupport.nessus(Map.of("10.9.9.9", new int[] {plugin})),
                        Map.of());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        Map<String, Object> before = data.jdbc()
                .sql("SELECT id, due_date FROM finding WHERE system_id = :s")
                .param("s", system)
                .query()
                .singleRow();

        Http.Response r = upload(admin(), "kev.json", kev("2025.08.25", cve));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("findingsMarkedKnownExploited").asInt()).isGreaterThanOrEqualTo(1);
        Map<String, Object> after =
                data.jdbc().sql("""
                SELECT f.due_date, k.rule_source FROM finding f JOIN finding_known_exploited k ON k.finding_id = f.id
                WHERE f.id = :id""").param("id", before.get("id")).query().singleRow();
        assertThat(((Date) after.get("due_date")).toLocalDate())
                .isBefore(((Date) before.get("due_date")).toLocalDate());
        assertThat((String) after.get("rule_source")).contains("CĐ 33/CĐ-TTg");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'FINDING_MARKED_KNOWN_EXPLOITED' "
                                + "AND target_id = :id")
                        .param("id", before.get("id").toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    static byte[] kev(String version, String cve) {
        return ("""
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "%s",
                 "dateReleased": "2025-08-25T16:00:00.000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "%s", "vendorProject": "Khiên", "product": "Thử", "vulnerabilityName": "Lỗ hổng thử",
                   "dateAdded": "2025-08-20", "shortDescription": "d", "requiredAction": "Vá ngay",
                   "dueDate": "2025-09-10", "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": []}]}
                """.formatted(version, cve)).getBytes(StandardCharsets.UTF_8);
    }
}
