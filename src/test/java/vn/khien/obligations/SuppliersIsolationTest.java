package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * People of unit A learn nothing of unit B's suppliers or their assessments: every supply-chain endpoint and page
 * answers 404 and records nothing for B.
 */
public class SuppliersIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/organizations/{id}/suppliers",
            "POST /api/v1/organizations/{id}/supplier-assessments",
            "GET /api/v1/supplier-assessments/{id}",
            "GET /organizations/{id}/suppliers",
            "GET /organizations/{id}/suppliers/assess",
            "POST /organizations/{id}/suppliers/assess",
            "PUT /api/v1/organizations/{id}/suppliers/tax-code",
            "POST /organizations/{id}/suppliers/tax-code");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    String supplierB;
    long assessmentB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh nhà cung cấp cô lập");
        unitA = data.org(province, "Đơn vị A nhà cung cấp");
        unitB = data.org(province, "Đơn vị B nhà cung cấp");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        long systemB = ObligationFixtures.system(
                data, unitB, 3, "NEW", SupplierFixtures.today().minusMonths(3));
        supplierB = data.unique("Bí mật nhà cung cấp B");
        SupplierFixtures.supplier(data, systemB, supplierB, "REMOTE_ADMIN", SupplierFixtures.today());
        Http.Response r = http.api(officerB.token())
                .post(
                        "/api/v1/organizations/" + unitB.id() + "/supplier-assessments",
                        SupplierRiskTest.assessment(supplierB, SupplierFixtures.today(), "HIGH"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assessmentB = r.json().get("id").asLong();
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String o = "/api/v1/organizations/" + unitB.id();
        cases.put("GET /api/v1/organizations/{id}/suppliers", (api, who) -> notFound(api.get(o + "/suppliers"), who));
        cases.put(
                "POST /api/v1/organizations/{id}/supplier-assessments",
                (api, who) -> notFound(
                        api.post(
                                o + "/supplier-assessments",
                                SupplierRiskTest.assessment(supplierB, SupplierFixtures.today(), "LOW")),
                        who));
        cases.put(
                "GET /api/v1/supplier-assessments/{id}",
                (api, who) -> notFound(api.get("/api/v1/supplier-assessments/" + assessmentB), who));
        cases.put(
                "PUT /api/v1/organizations/{id}/suppliers/tax-code",
                (api, who) -> notFound(
                        api.send(
                                "PUT",
                                o + "/suppliers/tax-code",
                                Map.of("supplier", supplierB, "taxCode", "0100109106")),
                        who));
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
            // A's own list and A's own assessment endpoint learn nothing of B's supplier either
            assertThat(api.get("/api/v1/organizations/" + unitA.id() + "/suppliers")
                            .body())
                    .doesNotContain(supplierB);
            Http.Response intoA = api.post(
                    "/api/v1/organizations/" + unitA.id() + "/supplier-assessments",
                    SupplierRiskTest.assessment(supplierB, SupplierFixtures.today(), "LOW"));
            assertThat(intoA.status()).isIn(403, 422);
        }
        assertUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String o = "/organizations/" + unitB.id();
        pages.put("GET /organizations/{id}/suppliers", o + "/suppliers");
        pages.put(
                "GET /organizations/{id}/suppliers/assess",
                o + "/suppliers/assess?supplier=" + URLEncoder.encode(supplierB, StandardCharsets.UTF_8));
        pages.put("POST /organizations/{id}/suppliers/assess", o + "/suppliers/assess");
        pages.put("POST /organizations/{id}/suppliers/tax-code", o + "/suppliers/tax-code");
        assertThat(COVERED).containsAll(pages.keySet());
        Http.Session session = http.session();
        assertThat(session.login(officerA.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET")
                    ? session.get(path)
                    : session.postForm(
                            path,
                            Map.of(
                                    "supplier",
                                    supplierB,
                                    "assessedOn",
                                    SupplierFixtures.today().toString(),
                                    "riskRating",
                                    "LOW",
                                    "securityClause",
                                    "false",
                                    "incidentClause",
                                    "false",
                                    "taxCode",
                                    "0100109106"));
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(supplierB);
        });
        Http.Response own = session.get("/organizations/" + unitA.id() + "/suppliers");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).doesNotContain(supplierB);
        assertUntouched();
    }

    private void assertUntouched() {
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM supplier_assessment WHERE supplier_name = :n")
                        .param("n", supplierB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM system_supplier WHERE name = :n AND tax_code IS NOT NULL")
                        .param("n", supplierB)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
