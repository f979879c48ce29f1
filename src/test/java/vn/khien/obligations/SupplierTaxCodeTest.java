package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A supplier's tax code (mã số thuế): entered with the supplier in the register or on the supplier's page, checked
 * (format and check digit, with Vietnamese messages naming the field), and the strongest key when the spellings of a
 * supplier's name are folded: two spellings no folding joins are one supplier once they carry the same code; an
 * assessment keeps it; audited; only those who may edit record it.
 */
class SupplierTaxCodeTest extends IntegrationTest {

    record Unit(TestData.Org org, long system1, long system2, Http.Api officer, String word) {}

    Unit unit() {
        TestData.Org org = data.org(data.root(), "Đơn vị mã số thuế");
        long s1 = ObligationFixtures.system(
                data, org, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        long s2 = ObligationFixtures.system(
                data, org, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        String word = data.unique("Hoa Sen").replace('-', ' ');
        return new Unit(
                org, s1, s2, http.api(data.person(org, Role.SECURITY_OFFICER).token()), word);
    }

    static Map<String, Object> registerSupplier(String name, String taxCode) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("provides", "Bảo trì phần mềm");
        m.put("accessKind", "REMOTE_ADMIN");
        if (taxCode != null) {
            m.put("taxCode", taxCode);
        }
        return m;
    }

    static List<JsonNode> suppliers(Http.Api api, long org) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/organizations/" + org + "/suppliers").json().forEach(out::add);
        return out;
    }

    @Test
    void theRegisterTakesAValidTaxCodeAndRefusesAWrongOneInVietnamese() {
        Unit u = unit();
        String path = "/api/v1/systems/" + u.system1() + "/suppliers";
        Http.Response wrongDigit = u.officer().post(path, registerSupplier("Cty TNHH " + u.word(), "0100109107"));
        assertThat(wrongDigit.status()).as(wrongDigit.body()).isEqualTo(422);
        assertThat(wrongDigit.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = wrongDigit.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("taxCode");
        assertThat(error.get("message").asString()).contains("chữ số kiểm tra");
        Http.Response wrongShape = u.officer().post(path, registerSupplier("Cty TNHH " + u.word(), "01001091"));
        assertThat(wrongShape.status()).isEqualTo(422);
        assertThat(wrongShape.json().get("errors").get(0).get("message").asString())
                .contains("10 chữ số");

        Http.Response ok = u.officer().post(path, registerSupplier("Cty TNHH " + u.word(), " 0100 109 106-001 "));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("taxCode").asString()).isEqualTo("0100109106-001");
        assertThat(u.officer().get(path).body()).contains("\"taxCode\":\"0100109106-001\"");
        JsonNode listed = suppliers(u.officer(), u.org().id()).get(0);
        assertThat(listed.get("taxCode").asString()).isEqualTo("0100109106-001");

        Http.Session page = http.session();
        TestData.Person officer = data.person(u.org(), Role.SECURITY_OFFICER);
        page.login(officer.username(), TestData.PASSWORD);
        assertThat(page.get("/systems/" + u.system1()).body()).contains("0100109106-001");
    }

    @Test
    void spellingsNoFoldingJoinsAreOneSupplierOnceTheyShareATaxCode() {
        Unit u = unit();
        String abc = "Cty TNHH Phần mềm " + u.word() + " ABC";
        String dotted = "Công ty TNHH Phần Mềm " + u.word().toUpperCase() + " A.B.C";
        SupplierFixtures.supplier(data, u.system1(), abc, "REMOTE_ADMIN", SupplierFixtures.today());
        SupplierFixtures.supplier(data, u.system2(), dotted, "DATA_ACCESS", SupplierFixtures.today());
        assertThat(suppliers(u.officer(), u.org().id()))
                .as("two suppliers before")
                .hasSize(2);

        String path = "/api/v1/organizations/" + u.org().id() + "/suppliers/tax-code";
        Http.Response bad = u.officer().send("PUT", path, Map.of("supplier", abc, "taxCode", "0108887772"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("taxCode");
        Http.Response unknown =
                u.officer().send("PUT", path, Map.of("supplier", "Không có trong danh mục", "taxCode", "0108887771"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("supplier");
        Http.Api auditor = http.api(data.person(u.org(), Role.AUDITOR).token());
        assertThat(auditor.send("PUT", path, Map.of("supplier", abc, "taxCode", "0108887771"))
                        .status())
                .isEqualTo(403);

        Http.Response first = u.officer().send("PUT", path, Map.of("supplier", abc, "taxCode", "0108.887.771"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("taxCode").asString()).isEqualTo("0108887771");
        assertThat(suppliers(u.officer(), u.org().id()))
                .as("the other spelling has no code yet")
                .hasSize(2);
        Http.Response second = u.officer().send("PUT", path, Map.of("supplier", dotted, "taxCode", "0108887771"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        List<JsonNode> after = suppliers(u.officer(), u.org().id());
        assertThat(after).as("one supplier, keyed by its tax code").hasSize(1);
        JsonNode one = after.get(0);
        assertThat(one.get("taxCode").asString()).isEqualTo("0108887771");
        assertThat(one.get("systems").size()).isEqualTo(2);
        List<String> spellings = new ArrayList<>();
        spellings.add(one.get("name").asString());
        one.get("variants").forEach(v -> spellings.add(v.asString()));
        assertThat(spellings).containsExactlyInAnyOrder(abc, dotted);
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'SUPPLIER_TAX_CODE' AND organization_id = :o")
                        .param("o", u.org().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // an assessment recorded under one spelling keeps the code and is the supplier's, whatever spelling is asked
        Http.Response assessed = u.officer()
                .post(
                        "/api/v1/organizations/" + u.org().id() + "/supplier-assessments",
                        SupplierRiskTest.assessment(dotted, SupplierFixtures.today(), "HIGH"));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        assertThat(assessed.json().get("taxCode").asString()).isEqualTo("0108887771");
        JsonNode ranked = suppliers(u.officer(), u.org().id()).get(0);
        assertThat(ranked.get("state").asString()).isEqualTo("CURRENT");

        // a blank code clears it: the spellings part again
        Http.Response cleared = u.officer().send("PUT", path, Map.of("supplier", abc, "taxCode", " "));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("taxCode").isNull()).as(cleared.body()).isTrue();
        List<JsonNode> parted = suppliers(u.officer(), u.org().id());
        assertThat(parted).hasSize(2);
        assertThat(parted)
                .as("the assessment stays with the spelling it was recorded under")
                .anySatisfy(n -> assertThat(n.get("state").asString()).isEqualTo("CURRENT"));
    }
}
