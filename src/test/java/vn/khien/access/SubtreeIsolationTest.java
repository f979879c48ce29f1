package vn.khien.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.khien.compliance.ComplianceIsolationTest;
import vn.khien.identity.IdentityIsolationTest;
import vn.khien.identity.reviews.AccessReviewsIsolationTest;
import vn.khien.incidents.IncidentLinksIsolationTest;
import vn.khien.incidents.IncidentsIsolationTest;
import vn.khien.incidents.IrNetworkIsolationTest;
import vn.khien.incidents.ResponseTeamMembersIsolationTest;
import vn.khien.incidents.ResponseTeamsIsolationTest;
import vn.khien.obligations.AwarenessTrainingIsolationTest;
import vn.khien.obligations.ObligationsIsolationTest;
import vn.khien.obligations.SupplierTaxCodeImportIsolationTest;
import vn.khien.obligations.SuppliersIsolationTest;
import vn.khien.obligations.awareness.AwarenessIsolationTest;
import vn.khien.reports.ReportsIsolationTest;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.systems.OperatorIsolationTest;
import vn.khien.systems.SystemsIsolationTest;
import vn.khien.systems.sbom.SbomImportTest;
import vn.khien.vulnerabilities.VulnerabilitiesIsolationTest;
import vn.khien.warnings.AdvisoryPagesIsolationTest;
import vn.khien.warnings.WarningsIsolationTest;

/**
 * A person of unit A must learn nothing of unit B: every API endpoint and every page that takes
 * an id answers 404 (or leaves B out of a list). The endpoint table must cover every mapping
 * under /api/v1 and every page with a path variable, so a new endpoint without a case fails here.
 */
class SubtreeIsolationTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    TestData.Person personB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử");
        unitA = data.org(province, "Đơn vị A");
        unitB = data.org(province, "Đơn vị B");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.AUDITOR);
        personB = data.person(unitB, Role.SECURITY_OFFICER);
        // Something happens in B, so B has audit records to leak.
        admin().patch("/api/v1/organizations/" + unitB.id(), Map.of("address", "Số 1 đường B"));
    }

    /** Each API endpoint ("METHOD pattern") with a check run as A's administrator against B. */
    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        cases.put(
                "GET /api/v1/organizations",
                (api, who) -> assertThat(ids(api.get("/api/v1/organizations")))
                        .as(who)
                        .contains(unitA.id())
                        .doesNotContain(unitB.id()));
        cases.put(
                "GET /api/v1/organizations/{id}",
                (api, who) -> assertNotFound(api.get("/api/v1/organizations/" + unitB.id()), who));
        cases.put(
                "PATCH /api/v1/organizations/{id}",
                (api, who) ->
                        assertNotFound(api.patch("/api/v1/organizations/" + unitB.id(), Map.of("name", "Chiếm")), who));
        cases.put("POST /api/v1/organizations", (api, who) -> {
            Http.Response r = api.post(
                    "/api/v1/organizations",
                    Map.of("code", data.unique("X"), "name", "Con của B", "kind", "UNIT", "parentId", unitB.id()));
            Http.Response unknown = api.post(
                    "/api/v1/organizations",
                    Map.of("code", data.unique("X"), "name", "Con của ?", "kind", "UNIT", "parentId", 987654321L));
            assertThat(r.status()).as(who).isEqualTo(422);
            // Out of scope reads exactly like non-existent: nothing about B is revealed.
            assertThat(r.json().get("errors")).as(who).isEqualTo(unknown.json().get("errors"));
        });
        cases.put(
                "GET /api/v1/users",
                (api, who) -> assertThat(ids(api.get("/api/v1/users"))).as(who).doesNotContain(personB.id()));
        cases.put(
                "GET /api/v1/users/{id}", (api, who) -> assertNotFound(api.get("/api/v1/users/" + personB.id()), who));
        cases.put("POST /api/v1/users", (api, who) -> {
            Http.Response r = api.post(
                    "/api/v1/users",
                    Map.of(
                            "username",
                            data.unique("x"),
                            "password",
                            "Mat-khau-dai-2026",
                            "displayName",
                            "X",
                            "roles",
                            List.of(Map.of("role", "AUDITOR", "organizationId", unitB.id()))));
            assertThat(r.status()).as(who).isEqualTo(422);
            assertThat(r.body()).as(who).contains("roles[0].organizationId");
        });
        cases.put(
                "POST /api/v1/users/{id}/roles",
                (api, who) -> assertNotFound(
                        api.post(
                                "/api/v1/users/" + personB.id() + "/roles",
                                Map.of("role", "AUDITOR", "organizationId", unitA.id())),
                        who));
        cases.put("GET /api/v1/audit", (api, who) -> {
            Http.Response all = api.get("/api/v1/audit?size=500");
            assertThat(all.status()).as(who).isIn(200);
            all.json()
                    .get("items")
                    .forEach(i ->
                            assertThat(i.get("organizationId").asLong()).as(who).isNotEqualTo(unitB.id()));
            assertThat(api.get("/api/v1/audit?organizationId=" + unitB.id())
                            .json()
                            .get("total")
                            .asLong())
                    .as(who)
                    .isZero();
        });
        cases.put("POST /api/v1/audit/verify", (api, who) -> {
            // An organisation's auditors and administrators verify the records of their own subtree (issue 10): the
            // answer counts A's records only, never B's.
            Http.Response r = api.post("/api/v1/audit/verify", "");
            assertThat(r.status()).as(who).isIn(200, 403);
            if (r.status() == 403) {
                return; // the officer does not read the audit trail at all
            }
            long inA = data.jdbc()
                    .sql("SELECT COUNT(*) FROM audit_event e JOIN organization o ON o.id = e.organization_id"
                            + " WHERE o.path LIKE :p")
                    .param("p", unitA.path() + "%")
                    .query(Long.class)
                    .single();
            assertThat(r.json().get("recordsChecked").asLong()).as(who).isLessThanOrEqualTo(inA);
        });
        cases.put("POST /api/v1/tokens", (api, who) -> {
            // Credentials of B's person cannot be used to act as anyone else: the token is B's own.
            Http.Response r = http.api(null)
                    .post(
                            "/api/v1/tokens",
                            Map.of("username", personB.username(), "password", TestData.PASSWORD, "name", "b"));
            assertThat(r.status()).as(who).isEqualTo(201);
            Http.Api asB = http.api(r.json().get("token").asText());
            assertThat(ids(asB.get("/api/v1/organizations")))
                    .as(who)
                    .contains(unitB.id())
                    .doesNotContain(unitA.id());
        });
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        Set<String> covered = new HashSet<>(cases.keySet());
        covered.addAll(coveredByModuleTests());
        assertThat(covered).as("every /api/v1 endpoint needs an isolation case").containsAll(apiEndpoints());
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("GET /organizations/{id}", "/organizations/" + unitB.id());
        pages.put("GET /organizations/{id}/edit", "/organizations/" + unitB.id() + "/edit");
        pages.put("POST /organizations/{id}/edit", "/organizations/" + unitB.id() + "/edit");
        pages.put("GET /users/{id}", "/users/" + personB.id());
        pages.put("POST /users/{id}/roles", "/users/" + personB.id() + "/roles");
        pages.put("POST /users/{id}/roles/{grantId}/revoke", "/users/" + personB.id() + "/roles/1/revoke");
        long tokenOfB = data.jdbc()
                .sql("SELECT MIN(id) FROM api_token WHERE user_id = :u")
                .param("u", personB.id())
                .query(Long.class)
                .single();
        pages.put("POST /tokens/{id}/revoke", "/tokens/" + tokenOfB + "/revoke");
        Set<String> coveredPages = new HashSet<>(pages.keySet());
        coveredPages.addAll(coveredByModuleTests());
        assertThat(coveredPages)
                .as("every page with a path variable needs an isolation case")
                .containsAll(pageEndpointsWithIds());

        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET")
                    ? session.get(path)
                    : session.postForm(
                            path,
                            Map.of(
                                    "code",
                                    "X",
                                    "name",
                                    "X",
                                    "kind",
                                    "UNIT",
                                    "role",
                                    "AUDITOR",
                                    "organizationId",
                                    String.valueOf(unitA.id())));
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(unitB.code());
        });
        Http.Response list = session.get("/organizations");
        assertThat(list.body()).contains(unitA.code()).doesNotContain(unitB.code());
        assertThat(session.get("/users").body()).doesNotContain(personB.username());
        assertThat(session.get("/audit").body()).doesNotContain("Số 1 đường B");
    }

    /**
     * Endpoints whose isolation is proven by a module's own test (its COVERED set lists them).
     * Add a module's set here when it adds endpoints.
     */
    static Set<String> coveredByModuleTests() {
        Set<String> covered = new HashSet<>();
        covered.addAll(SystemsIsolationTest.COVERED);
        covered.addAll(VulnerabilitiesIsolationTest.COVERED);
        covered.addAll(IdentityIsolationTest.COVERED);
        covered.addAll(SbomImportTest.COVERED);
        covered.addAll(ComplianceIsolationTest.COVERED);
        covered.addAll(IncidentsIsolationTest.COVERED);
        covered.addAll(IncidentLinksIsolationTest.COVERED);
        covered.addAll(ResponseTeamsIsolationTest.COVERED);
        covered.addAll(ResponseTeamMembersIsolationTest.COVERED);
        covered.addAll(IrNetworkIsolationTest.COVERED);
        covered.addAll(ObligationsIsolationTest.COVERED);
        covered.addAll(AwarenessIsolationTest.COVERED);
        covered.addAll(ReportsIsolationTest.COVERED);
        covered.addAll(WarningsIsolationTest.COVERED);
        covered.addAll(AdvisoryPagesIsolationTest.COVERED);
        covered.addAll(SuppliersIsolationTest.COVERED);
        covered.addAll(SupplierTaxCodeImportIsolationTest.COVERED);
        covered.addAll(AwarenessTrainingIsolationTest.COVERED);
        covered.addAll(OperatorIsolationTest.COVERED);
        covered.addAll(AccessReviewsIsolationTest.COVERED);
        covered.addAll(WITHOUT_DEDICATED_CASE_YET);
        return covered;
    }

    /**
     * Endpoints of the second wave (warnings, incidents, obligations, reports, the legal steps of levels and the audit
     * checkpoints) whose cross-subtree isolation is so far checked only by scenario tests of their own modules
     * (e.g. IncidentApiTest's sharing rules, WarningsApiTest's TLP, ObligationsApiTest's 404 outside the subtree), not
     * by a dedicated case here. Known debt, listed so that any endpoint added later without a case still fails this
     * test; each entry should move into a module's COVERED set with its own case.
     */
    static final Set<String> WITHOUT_DEDICATED_CASE_YET = Set.of();

    private Set<String> apiEndpoints() {
        return endpoints(p -> p.startsWith("/api/v1/"));
    }

    private Set<String> pageEndpointsWithIds() {
        return endpoints(p -> !p.startsWith("/api/") && p.contains("{") && !p.startsWith("/oauth2"));
    }

    private Set<String> endpoints(Predicate<String> include) {
        Set<String> found = new HashSet<>();
        mappings.getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(include)
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> found.add(m.name() + " " + pattern))));
        return found;
    }

    private static List<Long> ids(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .map(n -> n.get("id").asLong())
                .toList();
    }

    private static void assertNotFound(Http.Response r, String who) {
        assertThat(r.status()).as(who).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
