package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * People of unit A cannot import tax codes into unit B's register, by the API or the page: both answer 404 (the API
 * as problem+json), say nothing of B's suppliers, and record no code.
 */
public class SupplierTaxCodeImportIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "POST /api/v1/organizations/{id}/supplier-tax-codes",
            "POST /organizations/{id}/suppliers/tax-codes/import");

    @Test
    void anotherSubtreesRegisterIsNotFoundAndUntouched() {
        TestData.Org province = data.org(data.root(), "Tỉnh mã số thuế cô lập");
        TestData.Org unitA = data.org(province, "Đơn vị A mã số thuế");
        TestData.Org unitB = data.org(province, "Đơn vị B mã số thuế");
        TestData.Person officerA = data.person(unitA, Role.SECURITY_OFFICER);
        TestData.Person adminA = data.person(unitA, Role.ORG_ADMIN);
        long systemB = ObligationFixtures.system(
                data, unitB, 3, "NEW", SupplierFixtures.today().minusMonths(3));
        SupplierFixtures.supplier(
                data, systemB, SupplierTaxCodeImportTest.TAN_VIET, "REMOTE_ADMIN", SupplierFixtures.today());
        byte[] file = SupplierTaxCodeImportTest.fixture("tax-codes-good.xlsx");

        for (TestData.Person caller : new TestData.Person[] {officerA, adminA}) {
            Http.Response api = http.api(caller.token())
                    .upload(
                            "/api/v1/organizations/" + unitB.id() + "/supplier-tax-codes",
                            "ma-so-thue.xlsx",
                            file,
                            Map.of());
            assertThat(api.status()).as(caller.username() + " " + api.body()).isEqualTo(404);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.body()).doesNotContain("Tân Việt");
        }
        Http.Session session = http.session();
        assertThat(session.login(officerA.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        // A's own suppliers page, for the form's CSRF token
        assertThat(session.get("/organizations/" + unitA.id() + "/suppliers").status())
                .isEqualTo(200);
        Http.Response page = session.upload(
                "/organizations/" + unitB.id() + "/suppliers/tax-codes/import", "ma-so-thue.xlsx", file, Map.of());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Tân Việt");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM system_supplier WHERE system_id = :s AND tax_code IS NOT NULL")
                        .param("s", systemB)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
