package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The subtree's supplier ranking counts the spellings of one supplier's name once ("Công ty CP …", "CTCP …", "Cong ty
 * co phan …" on three systems of two units are two suppliers, one per owner), shows the other spellings as variants,
 * and an assessment recorded under one spelling is the supplier's assessment whatever spelling is asked for.
 */
class SupplierVariantsTest extends IntegrationTest {

    @Test
    void spellingsOfOneSupplierAreRankedOnceWithTheirVariants() {
        TestData.Org province = data.org(data.root(), "Tỉnh biến thể nhà cung cấp");
        TestData.Org a = data.org(province, "Sở biến thể A");
        TestData.Org b = data.org(province, "Sở biến thể B");
        long sysA1 = ObligationFixtures.system(
                data, a, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        long sysA2 = ObligationFixtures.system(
                data, a, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        long sysB = ObligationFixtures.system(
                data, b, 2, "NEW", SupplierFixtures.today().minusMonths(6));
        String word = data.unique("Sao Khuê").replace('-', ' ');
        SupplierFixtures.supplier(data, sysA1, "Công ty CP " + word, "REMOTE_ADMIN", SupplierFixtures.today());
        SupplierFixtures.supplier(data, sysA2, "CTCP " + word, "DATA_ACCESS", SupplierFixtures.today());
        SupplierFixtures.supplier(
                data, sysB, "Cong ty co phan " + word.toUpperCase(), "PHYSICAL", SupplierFixtures.today());
        SupplierFixtures.supplier(data, sysA2, "Công ty TNHH " + word, "PHYSICAL", SupplierFixtures.today());

        Http.Api leader = http.api(data.person(province, Role.LEADER).token());
        List<JsonNode> rows = new ArrayList<>();
        leader.get("/api/v1/organizations/" + province.id() + "/suppliers")
                .json()
                .forEach(rows::add);
        List<JsonNode> ofA = rows.stream()
                .filter(n -> n.get("organizationId").asLong() == a.id())
                .filter(n -> n.get("name").asString().startsWith("C"))
                .filter(n -> !n.get("name").asString().contains("TNHH"))
                .toList();
        assertThat(ofA).as("one supplier of unit A for the two spellings").hasSize(1);
        assertThat(ofA.get(0).get("systems").size()).isEqualTo(2);
        List<String> variants = new ArrayList<>();
        ofA.get(0).get("variants").forEach(v -> variants.add(v.asString()));
        assertThat(variants).hasSize(1);
        assertThat(rows.stream().filter(n -> n.get("name").asString().contains("TNHH")))
                .as("a limited company of the same words is another supplier")
                .hasSize(1);
        assertThat(rows.stream().filter(n -> n.get("organizationId").asLong() == b.id()))
                .hasSize(1);

        Http.Api officerA = http.api(data.person(a, Role.SECURITY_OFFICER).token());
        Http.Response assessed = officerA.post(
                "/api/v1/organizations/" + a.id() + "/supplier-assessments",
                SupplierRiskTest.assessment("CTCP " + word, SupplierFixtures.today(), "HIGH"));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        JsonNode after = null;
        for (JsonNode n :
                officerA.get("/api/v1/organizations/" + a.id() + "/suppliers").json()) {
            if (n.get("name").asString().equals(ofA.get(0).get("name").asString())) {
                after = n;
            }
        }
        assertThat(after).isNotNull();
        assertThat(after.get("state").asString()).isEqualTo("CURRENT");
        assertThat(after.get("latest").get("riskRating").asString()).isEqualTo("HIGH");

        Http.Session page = http.session();
        TestData.Person officer = data.person(a, Role.SECURITY_OFFICER);
        page.login(officer.username(), TestData.PASSWORD);
        String list = page.get("/organizations/" + a.id() + "/suppliers").body();
        assertThat(list).contains("supplier-variants").contains("Cùng nhà cung cấp");
    }
}
