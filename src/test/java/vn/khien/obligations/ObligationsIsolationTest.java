package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
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
 * People of unit A learn nothing of unit B's obligations, budget plans or awareness campaigns: every obligations
 * endpoint and page answers 404 (or, where the id is a field of the body, the same 422 as an unknown id) and
 * leaves B's rows untouched.
 */
public class ObligationsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/organizations/{id}/obligations",
            "GET /api/v1/systems/{id}/obligations",
            "POST /api/v1/organizations/{id}/budget-plans",
            "POST /api/v1/organizations/{id}/budget-plans/import",
            "GET /api/v1/organizations/{id}/budget-summary",
            "GET /api/v1/budget-plans/{id}",
            "PUT /api/v1/budget-plans/{id}",
            "POST /api/v1/budget-plans/{id}/approve",
            "POST /api/v1/awareness-campaigns",
            "GET /api/v1/awareness-campaigns/{id}/deliveries",
            "GET /organizations/{id}/obligations",
            "GET /organizations/{id}/obligations/matrix",
            "GET /systems/{id}/obligations",
            "GET /organizations/{id}/budget",
            "POST /organizations/{id}/budget/plans",
            "POST /organizations/{id}/budget/import",
            "GET /budget-plans/{id}/edit",
            "POST /budget-plans/{id}/edit",
            "POST /budget-plans/{id}/approve",
            "GET /public/awareness/{token}",
            "GET /public/calendar/{token}.ics");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    long systemB;
    long planB;
    long campaignB;
    String secretB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh nghĩa vụ cô lập");
        unitA = data.org(province, "Đơn vị A nghĩa vụ");
        unitB = data.org(province, "Đơn vị B nghĩa vụ");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        data.person(unitB, Role.LEADER);
        secretB = data.unique("Bí mật B");
        systemB =
                ObligationFixtures.system(data, unitB, 3, "NEW", LocalDate.now().minusMonths(3));
        Http.Api b = http.api(officerB.token());
        planB = b.post("/api/v1/organizations/" + unitB.id() + "/budget-plans", plan(secretB))
                .json()
                .get("id")
                .asLong();
        Http.Response campaign = b.post(
                "/api/v1/awareness-campaigns",
                Map.of(
                        "organizationId",
                        unitB.id(),
                        "topic",
                        "PHISHING",
                        "title",
                        secretB,
                        "message",
                        "Cảnh giác thư giả mạo",
                        "includeSubtree",
                        false,
                        "repeatEvery",
                        "ONCE"));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        campaignB = campaign.json().get("id").asLong();
    }

    private static Map<String, Object> plan(String name) {
        return Map.of(
                "year", 2027, "kind", "ANNUAL", "name", name, "totalAmount", 1_000_000L, "securityAmount", 100_000L);
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String o = "/api/v1/organizations/" + unitB.id();
        String p = "/api/v1/budget-plans/" + planB;
        cases.put(
                "GET /api/v1/organizations/{id}/obligations", (api, who) -> notFound(api.get(o + "/obligations"), who));
        cases.put(
                "GET /api/v1/systems/{id}/obligations",
                (api, who) -> notFound(api.get("/api/v1/systems/" + systemB + "/obligations"), who));
        cases.put(
                "POST /api/v1/organizations/{id}/budget-plans",
                (api, who) -> notFound(api.post(o + "/budget-plans", plan("x")), who));
        cases.put("POST /api/v1/organizations/{id}/budget-plans/import", (api, who) -> {
            try {
                byte[] own = BudgetImportTest.workbook(List.of(Arrays.asList(null, 2027, "Hằng năm", "x", 10, 1)));
                notFound(api.upload(o + "/budget-plans/import", "b.xlsx", own, Map.of()), who);
                // into A, a row naming B's code reads exactly like an unknown code
                String a = "/api/v1/organizations/" + unitA.id() + "/budget-plans/import";
                Http.Response r = api.upload(
                        a,
                        "b.xlsx",
                        BudgetImportTest.workbook(List.of(Arrays.asList(unitB.code(), 2027, "Hằng năm", "x", 10, 1))),
                        Map.of());
                Http.Response unknown = api.upload(
                        a,
                        "b.xlsx",
                        BudgetImportTest.workbook(List.of(Arrays.asList("KHONG-CO", 2027, "Hằng năm", "x", 10, 1))),
                        Map.of());
                assertThat(r.status()).as(who).isEqualTo(422);
                assertThat(r.bodyWithoutRequestId().replace(unitB.code(), "?"))
                        .as(who)
                        .isEqualTo(unknown.bodyWithoutRequestId().replace("KHONG-CO", "?"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        cases.put(
                "GET /api/v1/organizations/{id}/budget-summary",
                (api, who) -> notFound(api.get(o + "/budget-summary?year=2027"), who));
        cases.put("GET /api/v1/budget-plans/{id}", (api, who) -> notFound(api.get(p), who));
        cases.put("PUT /api/v1/budget-plans/{id}", (api, who) -> notFound(api.send("PUT", p, plan("x")), who));
        cases.put(
                "POST /api/v1/budget-plans/{id}/approve",
                (api, who) -> notFound(api.post(p + "/approve", Map.of()), who));
        cases.put("POST /api/v1/awareness-campaigns", (api, who) -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of(
                    "topic", "PHISHING", "title", "x", "message", "x", "includeSubtree", true, "repeatEvery", "ONCE"));
            body.put("organizationId", unitB.id());
            Http.Response r = api.post("/api/v1/awareness-campaigns", body);
            body.put("organizationId", 987654321L);
            Http.Response unknown = api.post("/api/v1/awareness-campaigns", body);
            assertThat(r.status()).as(who).isEqualTo(422);
            assertThat(r.json().get("errors")).as(who).isEqualTo(unknown.json().get("errors"));
        });
        cases.put(
                "GET /api/v1/awareness-campaigns/{id}/deliveries",
                (api, who) -> notFound(api.get("/api/v1/awareness-campaigns/" + campaignB + "/deliveries"), who));
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
            assertThat(COVERED).containsAll(cases.keySet());
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        assertUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String o = "/organizations/" + unitB.id();
        String p = "/budget-plans/" + planB;
        pages.put("GET /organizations/{id}/obligations", o + "/obligations");
        pages.put("GET /organizations/{id}/obligations/matrix", o + "/obligations/matrix");
        pages.put("GET /systems/{id}/obligations", "/systems/" + systemB + "/obligations");
        pages.put("GET /organizations/{id}/budget", o + "/budget?year=2027");
        pages.put("POST /organizations/{id}/budget/plans", o + "/budget/plans");
        pages.put("POST /organizations/{id}/budget/import", o + "/budget/import");
        pages.put("GET /budget-plans/{id}/edit", p + "/edit");
        pages.put("POST /budget-plans/{id}/edit", p + "/edit");
        pages.put("POST /budget-plans/{id}/approve", p + "/approve");
        pages.put("GET /public/awareness/{token}", "/public/awareness/" + data.unique("khong-co"));
        pages.put("GET /public/calendar/{token}.ics", "/public/calendar/" + data.unique("khong-co") + ".ics");
        assertThat(COVERED).containsAll(pages.keySet());

        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET")
                    ? session.get(path)
                    : session.postForm(
                            path,
                            Map.of(
                                    "year",
                                    "2027",
                                    "kind",
                                    "ANNUAL",
                                    "name",
                                    "x",
                                    "totalAmount",
                                    "10",
                                    "securityAmount",
                                    "1"));
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(secretB);
        });
        // A's own budget page lists nothing of B, not even in the children table of A
        Http.Response own = session.get("/organizations/" + unitA.id() + "/budget?year=2027");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).doesNotContain(secretB).doesNotContain("plan-" + planB);
        assertUntouched();
    }

    private void assertUntouched() {
        Map<String, Object> row = data.jdbc()
                .sql("SELECT name, status, total_amount FROM budget_plan WHERE id = :id")
                .param("id", planB)
                .query()
                .singleRow();
        assertThat(row.get("name")).isEqualTo(secretB);
        assertThat(row.get("status")).isEqualTo("DRAFT");
        assertThat(((Number) row.get("total_amount")).longValue()).isEqualTo(1_000_000L);
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
