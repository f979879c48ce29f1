package vn.khien.identity.reviews;

import static org.assertj.core.api.Assertions.assertThat;

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
 * People of unit A, its leader included, learn nothing of unit B's access reviews and change nothing there: every
 * access-review endpoint and page answers 404 for B, and B's review, decisions and grants stay as they were.
 */
public class AccessReviewsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "POST /api/v1/organizations/{id}/access-reviews",
            "GET /api/v1/access-reviews/{id}",
            "POST /api/v1/access-reviews/{id}/decisions",
            "POST /api/v1/access-reviews/{id}/actions/close",
            "GET /organizations/{id}/access-reviews",
            "POST /organizations/{id}/access-reviews",
            "GET /access-reviews/{id}",
            "POST /access-reviews/{id}/decisions",
            "POST /access-reviews/{id}/close");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Org unitC;
    TestData.Person leaderA;
    TestData.Person adminA;
    TestData.Person adminB;
    long reviewB;
    long grantB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh rà soát quyền cô lập");
        unitA = data.org(province, "Đơn vị A rà soát quyền");
        unitB = data.org(province, "Đơn vị B rà soát quyền");
        unitC = data.org(province, "Đơn vị C rà soát quyền");
        leaderA = data.person(unitA, Role.LEADER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        TestData.Person leaderB = data.person(unitB, Role.LEADER);
        adminB = data.person(unitB, Role.ORG_ADMIN);
        data.person(unitC, Role.ORG_ADMIN);
        Http.Response r =
                http.api(leaderB.token()).post("/api/v1/organizations/" + unitB.id() + "/access-reviews", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        reviewB = r.json().get("id").asLong();
        grantB = r.json().get("items").get(0).get("grantId").asLong();
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String review = "/api/v1/access-reviews/" + reviewB;
        cases.put(
                "POST /api/v1/organizations/{id}/access-reviews",
                (api, who) ->
                        notFound(api.post("/api/v1/organizations/" + unitC.id() + "/access-reviews", Map.of()), who));
        cases.put("GET /api/v1/access-reviews/{id}", (api, who) -> notFound(api.get(review), who));
        cases.put(
                "POST /api/v1/access-reviews/{id}/decisions",
                (api, who) -> notFound(
                        api.post(review + "/decisions", Map.of("grantId", grantB, "decision", "REVOKE", "reason", "x")),
                        who));
        cases.put(
                "POST /api/v1/access-reviews/{id}/actions/close",
                (api, who) -> notFound(api.post(review + "/actions/close", Map.of()), who));
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(leaderA, adminA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        assertUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("GET /organizations/{id}/access-reviews", "/organizations/" + unitB.id() + "/access-reviews");
        pages.put("POST /organizations/{id}/access-reviews", "/organizations/" + unitC.id() + "/access-reviews");
        pages.put("GET /access-reviews/{id}", "/access-reviews/" + reviewB);
        pages.put("POST /access-reviews/{id}/decisions", "/access-reviews/" + reviewB + "/decisions");
        pages.put("POST /access-reviews/{id}/close", "/access-reviews/" + reviewB + "/close");
        assertThat(COVERED).containsAll(pages.keySet());
        Http.Session session = http.session();
        assertThat(session.login(leaderA.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET")
                    ? session.get(path)
                    : session.postForm(
                            path, Map.of("grantId", String.valueOf(grantB), "decision", "REVOKE", "reason", "x"));
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(adminB.username());
        });
        assertThat(session.get("/organizations/" + unitA.id() + "/access-reviews")
                        .status())
                .isEqualTo(200);
        assertUntouched();
    }

    private void assertUntouched() {
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM role_grant WHERE id = :g")
                        .param("g", grantB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(data.jdbc()
                        .sql("SELECT status || ':' || (SELECT COUNT(*) FROM access_review_item i"
                                + " WHERE i.review_id = r.id AND i.decision IS NOT NULL) FROM access_review r"
                                + " WHERE r.id = :id")
                        .param("id", reviewB)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN:0");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM access_review WHERE organization_id = :o")
                        .param("o", unitC.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
