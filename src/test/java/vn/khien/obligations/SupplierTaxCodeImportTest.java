package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Suppliers' tax codes from XLSX (fixtures under {@code obligations/suppliers/}), all or nothing like the budget and
 * training imports: a file with any wrong cell records no code and names each row and column (API: 422
 * problem+json; page: the problems table), a good one writes each supplier's code on its register rows, audited
 * with the import's batch; the template downloads as XLSX; only editors import.
 */
class SupplierTaxCodeImportTest extends IntegrationTest {

    static final String TAN_VIET = "Công ty TNHH Phần mềm Tân Việt (mẫu)";
    static final String SAO_MAI = "CTCP Dịch vụ Mạng Sao Mai (mẫu)";

    /** A unit whose register names the fixtures' two suppliers, one on each of two systems. */
    TestData.Org unitWithSuppliers(String name) {
        TestData.Org org = data.org(data.root(), name);
        long s1 = ObligationFixtures.system(
                data, org, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        long s2 = ObligationFixtures.system(
                data, org, 2, "NEW", SupplierFixtures.today().minusMonths(6));
        SupplierFixtures.supplier(data, s1, TAN_VIET, "REMOTE_ADMIN", SupplierFixtures.today());
        SupplierFixtures.supplier(data, s2, TAN_VIET, "DATA_ACCESS", SupplierFixtures.today());
        SupplierFixtures.supplier(data, s2, SAO_MAI, "FULL_OPERATION", SupplierFixtures.today());
        return org;
    }

    static byte[] fixture(String name) {
        try (InputStream in = SupplierTaxCodeImportTest.class.getResourceAsStream("/obligations/suppliers/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> codes(TestData.Org org) {
        return data.jdbc().sql("""
                        SELECT p.name || '=' || COALESCE(p.tax_code, '-') FROM system_supplier p
                        JOIN information_system s ON s.id = p.system_id WHERE s.owner_organization_id = :o
                        ORDER BY p.name, p.id""").param("o", org.id()).query(String.class).list();
    }

    private long audits(TestData.Org org) {
        return data.jdbc().sql("""
                        SELECT COUNT(*) FROM audit_event WHERE action = 'SUPPLIER_TAX_CODE' AND organization_id = :o
                          AND details LIKE '%importBatch%'""").param("o", org.id()).query(Long.class).single();
    }

    @Test
    void theApiRefusesAFileWithAnyWrongCellByRowAndColumnAndRecordsAGoodOne() {
        TestData.Org org = unitWithSuppliers("Đơn vị nhập mã số thuế");
        Http.Api officer = http.api(data.person(org, Role.SECURITY_OFFICER).token());
        String path = "/api/v1/organizations/" + org.id() + "/supplier-tax-codes";

        Http.Response refused = officer.upload(path, "ma-so-thue.xlsx", fixture("tax-codes-bad.xlsx"), Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body())
                .contains("rows[3].supplier")
                .contains("rows[4].taxCode")
                .contains("rows[5].supplier")
                .contains("rows[5].taxCode")
                .contains("dòng 4, cột B")
                .contains("chữ số kiểm tra")
                .contains("đã có ở dòng 2")
                .doesNotContain("rows[2].");
        assertThat(codes(org)).as("nothing recorded").allMatch(c -> c.endsWith("=-"));
        assertThat(audits(org)).isZero();

        Http.Response imported = officer.upload(path, "ma-so-thue.xlsx", fixture("tax-codes-good.xlsx"), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        assertThat(codes(org))
                .containsExactly(SAO_MAI + "=0312345673", TAN_VIET + "=0100109106", TAN_VIET + "=0100109106");
        assertThat(audits(org)).isEqualTo(2);
        JsonNode ranked =
                officer.get("/api/v1/organizations/" + org.id() + "/suppliers").json();
        assertThat(ranked.toString()).contains("\"taxCode\":\"0100109106\"").contains("\"taxCode\":\"0312345673\"");

        Http.Api auditor = http.api(data.person(org, Role.AUDITOR).token());
        Http.Response forbidden = auditor.upload(path, "ma-so-thue.xlsx", fixture("tax-codes-good.xlsx"), Map.of());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void thePageShowsTheProblemsOfARefusedFileAndImportsAGoodOne() {
        TestData.Org org = unitWithSuppliers("Đơn vị trang mã số thuế");
        TestData.Person officer = data.person(org, Role.SECURITY_OFFICER);
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        String list = "/organizations/" + org.id() + "/suppliers";
        assertThat(s.get(list).body())
                .contains("id=\"tax-code-import-form\"")
                .contains("/suppliers/tax-codes/template.xlsx");

        String action = list + "/tax-codes/import";
        Http.Response refused = s.upload(action, "ma-so-thue.xlsx", fixture("tax-codes-bad.xlsx"), Map.of());
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith(list);
        String page = s.get(list).body();
        assertThat(page)
                .contains("id=\"tax-code-import-errors\"")
                .contains("Không có nhà cung cấp &quot;Công ty Không Có Trong Danh Mục (mẫu)&quot;");
        assertThat(codes(org)).allMatch(c -> c.endsWith("=-"));

        Http.Response empty = s.upload(action, "", new byte[0], Map.of());
        assertThat(empty.status()).isEqualTo(302);
        assertThat(s.get(list).body()).contains("Tệp trống hoặc không có dòng dữ liệu.");

        assertThat(s.upload(action, "ma-so-thue.xlsx", fixture("tax-codes-good.xlsx"), Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(s.get(list).body()).contains("Đã ghi mã số thuế của 2 nhà cung cấp.");
        assertThat(codes(org)).noneMatch(c -> c.endsWith("=-"));

        Http.Response template = s.get("/suppliers/tax-codes/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Disposition")).contains("attachment");
        assertThat(template.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertThat(template.body()).startsWith("PK");
    }
}
