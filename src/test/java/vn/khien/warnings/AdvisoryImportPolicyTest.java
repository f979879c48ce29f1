package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Who may import into the shared advisory library (rules/warnings/advisory-import.yaml, ADR 0035), in the API and on
 * the page, and that an import's answer counts only the importer's subtree.
 */
class AdvisoryImportPolicyTest extends IntegrationTest {

    private Http.Response upload(TestData.Person as, byte[] file) {
        return http.api(as.token()).upload("/api/v1/advisory-feeds", "kev.json", file, Map.of());
    }

    private static String cve() {
        return "CVE-2098-" + (100000 + ThreadLocalRandom.current().nextInt(800000));
    }

    @Test
    void officerOfAUnitWithoutSubordinatesMayNotImportNorSeeTheForm() {
        TestData.Org unit = data.org(data.root(), "Đơn vị không có đơn vị trực thuộc");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Response r = upload(officer, AdvisoryFeedsApiTest.kev("2000.01.01", cve()));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.header("Content-Type")).contains("application/problem+json");

        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response page = s.get("/advisories");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("import-read-only").doesNotContain("advisory-upload");
        Http.Response post =
                s.upload("/advisories", "kev.json", AdvisoryFeedsApiTest.kev("2000.01.01", cve()), Map.of());
        assertThat(post.status()).isEqualTo(302);
        assertThat(s.get("/advisories").body()).contains("id=\"error\"");
    }

    @Test
    void officerOfASupervisingBodyImportsAndSeesTheForm() {
        TestData.Org body = data.org(data.root(), "Cơ quan chủ quản");
        data.org(body, "Đơn vị trực thuộc");
        TestData.Person officer = data.person(body, Role.SECURITY_OFFICER);
        Http.Response r = upload(officer, AdvisoryFeedsApiTest.kev("2000.01.01", cve()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(s.get("/advisories").body()).contains("advisory-upload").doesNotContain("import-read-only");
    }

    @Test
    void aBodyDesignatedAsNationalBodyImportsWithoutSubordinates() {
        TestData.Org national = data.org(data.root(), "Cơ quan được chỉ định cấp quốc gia");
        TestData.Person officer = data.person(national, Role.SECURITY_OFFICER);
        assertThat(upload(officer, AdvisoryFeedsApiTest.kev("2000.01.01", cve()))
                        .status())
                .isEqualTo(403);
        data.jdbc()
                .sql("""
                INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)
                VALUES (:o, 'NATIONAL_INCIDENT_COORDINATOR', :o, :now)""")
                .param("o", national.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
        Http.Response r = upload(officer, AdvisoryFeedsApiTest.kev("2000.01.01", cve()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void anAuditorOfASupervisingBodyMayNotImport() {
        TestData.Org body = data.org(data.root(), "Cơ quan chủ quản (thanh tra)");
        data.org(body, "Đơn vị trực thuộc");
        TestData.Person auditor = data.person(body, Role.AUDITOR);
        assertThat(upload(auditor, AdvisoryFeedsApiTest.kev("2000.01.01", cve()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theKevAnswerCountsOnlyFindingsInTheImportersSubtree() {
        TestData.Org mine = data.org(data.root(), "Cơ quan chủ quản A");
        TestData.Org myUnit = data.org(mine, "Đơn vị của A");
        TestData.Org other = data.org(data.root(), "Cơ quan chủ quản B");
        TestData.Org otherUnit = data.org(other, "Đơn vị của B");
        int plugin = 60000 + ThreadLocalRandom.current().nextInt(30000);
        String cve = "CVE-2024-" + (10000 + plugin);
        for (TestData.Org unit : new TestData.Org[] {myUnit, otherUnit}) {
            long system = ScanTestSupport.system(data, unit);
            Http.Response scan = admin().upload(
                            "/api/v1/systems/" + system + "/scans",
                            "r.nessus",
                            ScanTestSupport.nessus(Map.of("10.9.9.9", new int[] {plugin})),
                            Map.of());
            assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        }
        TestData.Person officer = data.person(mine, Role.SECURITY_OFFICER);
        Http.Response r = upload(officer, AdvisoryFeedsApiTest.kev("2000.01.01", cve));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("findingsMarkedKnownExploited").asInt()).isEqualTo(1);
        long marked = data.jdbc()
                .sql("""
                SELECT COUNT(*) FROM finding_known_exploited k JOIN finding f ON f.id = k.finding_id
                JOIN information_system s ON s.id = f.system_id
                WHERE k.cve = :cve AND s.owner_organization_id IN (:orgs)""")
                .param("cve", cve)
                .param("orgs", List.of(myUnit.id(), otherUnit.id()))
                .query(Long.class)
                .single();
        assertThat(marked)
                .as("KEV is national: both subtrees' findings are marked")
                .isEqualTo(2);
    }
}
