package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * People of unit A learn nothing of unit B's periodic reports, dashboards or figures: every reports endpoint and page
 * with an id answers 404 (or 422 exactly as for an unknown organisation), the drill-down never leads across subtrees,
 * and B's report is left untouched.
 */
public class ReportsIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/report-kinds",
            "POST /api/v1/reports",
            "GET /api/v1/reports/{id}",
            "POST /api/v1/reports/{id}/actions/{action}",
            "GET /api/v1/reports/{id}.docx",
            "GET /api/v1/reports/{id}.xlsx",
            "GET /api/v1/reports/{id}.pdf",
            "GET /api/v1/reports/{id}/signed-file",
            "GET /api/v1/reports/{id}/figures/{figure}/rows",
            "GET /api/v1/organizations/{id}/reports",
            "GET /api/v1/organizations/{id}/dashboard",
            "GET /api/v1/organizations/{id}/dashboard/figures/{figure}",
            "GET /reports/{id}",
            "POST /reports/{id}/actions/{action}",
            "GET /reports/{id}/document.{ext}",
            "GET /reports/{id}/signed-file",
            "GET /reports/{id}/figures/{figure}",
            "GET /organizations/{id}/dashboard",
            "GET /organizations/{id}/dashboard/figures/{figure}");

    static final String PERIOD = "2026-Q3";

    TestData.Org province;
    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person leaderA;
    long reportA;
    long reportB;
    String secretB;

    @BeforeEach
    void twoUnits() {
        province = data.org(data.root(), "Tỉnh cô lập báo cáo");
        unitA = data.org(province, "Đơn vị A báo cáo");
        secretB = data.unique("Bí mật B");
        unitB = data.org(province, secretB);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        leaderA = data.person(unitA, Role.LEADER);
        Http.Api officerB = http.api(data.person(unitB, Role.SECURITY_OFFICER).token());
        Http.Api leaderB = http.api(data.person(unitB, Role.LEADER).token());
        Http.Response b = admin().post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HTB"),
                                "name",
                                secretB,
                                "ownerOrganizationId",
                                unitB.id(),
                                "operatorOrganizationId",
                                unitB.id(),
                                "systemType",
                                "INTERNAL",
                                "informationKinds",
                                List.of("PRIVATE"),
                                "userCount",
                                50));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        reportA = create(http.api(officerA.token()), unitA);
        reportB = create(officerB, unitB);
        assertThat(officerB.post("/api/v1/reports/" + reportB + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response signed = leaderB.post(
                "/api/v1/reports/" + reportB + "/actions/SIGN",
                Map.of(
                        "documentNumber",
                        "9/BC",
                        "documentDate",
                        "2026-09-10",
                        "signedFileBase64",
                        Base64.getEncoder().encodeToString("đã ký".getBytes(StandardCharsets.UTF_8))));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    }

    private long create(Http.Api api, TestData.Org org) {
        Http.Response r = api.post(
                "/api/v1/reports", Map.of("organizationId", org.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String r = "/api/v1/reports/" + reportB;
        cases.put("GET /api/v1/report-kinds", (api, who) -> {
            Http.Response k = api.get("/api/v1/report-kinds");
            assertThat(k.status()).as(who).isEqualTo(200);
            assertThat(k.body()).as(who).doesNotContain(secretB);
        });
        cases.put("POST /api/v1/reports", (api, who) -> {
            Http.Response other = api.post(
                    "/api/v1/reports",
                    Map.of("organizationId", unitB.id(), "kind", "QUARTERLY_STATUS", "period", "2026-Q2"));
            Http.Response unknown = api.post(
                    "/api/v1/reports",
                    Map.of("organizationId", 987654321L, "kind", "QUARTERLY_STATUS", "period", "2026-Q2"));
            assertThat(other.status()).as(who).isEqualTo(422);
            assertThat(other.json().get("errors"))
                    .as(who)
                    .isEqualTo(unknown.json().get("errors"));
        });
        cases.put("GET /api/v1/reports/{id}", (api, who) -> notFound(api.get(r), who));
        cases.put("POST /api/v1/reports/{id}/actions/{action}", (api, who) -> {
            for (String action : List.of("CHECK", "SIGN", "SUBMIT", "ACCEPT", "RETURN", "REVISE")) {
                notFound(
                        api.post(
                                r + "/actions/" + action,
                                Map.of("comment", "x", "documentNumber", "1/X", "documentDate", "2026-09-11")),
                        who + " " + action);
            }
        });
        cases.put("GET /api/v1/reports/{id}.docx", (api, who) -> notFound(api.get(r + ".docx"), who));
        cases.put("GET /api/v1/reports/{id}.xlsx", (api, who) -> notFound(api.get(r + ".xlsx"), who));
        cases.put("GET /api/v1/reports/{id}.pdf", (api, who) -> notFound(api.get(r + ".pdf"), who));
        cases.put("GET /api/v1/reports/{id}/signed-file", (api, who) -> notFound(api.get(r + "/signed-file"), who));
        cases.put("GET /api/v1/reports/{id}/figures/{figure}/rows", (api, who) -> {
            notFound(api.get(r + "/figures/systemsTotal/rows"), who);
            // A's own report cannot drill into B's organisation either.
            Http.Response across =
                    api.get("/api/v1/reports/" + reportA + "/figures/systemsTotal/rows?organizationId=" + unitB.id());
            assertThat(across.status()).as(who).isEqualTo(422);
            assertThat(across.body()).as(who).doesNotContain(secretB);
        });
        cases.put(
                "GET /api/v1/organizations/{id}/reports",
                (api, who) -> notFound(api.get("/api/v1/organizations/" + unitB.id() + "/reports"), who));
        cases.put("GET /api/v1/organizations/{id}/dashboard", (api, who) -> {
            notFound(api.get("/api/v1/organizations/" + unitB.id() + "/dashboard"), who);
            notFound(api.get("/api/v1/organizations/" + province.id() + "/dashboard"), who);
            Http.Response own = api.get("/api/v1/organizations/" + unitA.id() + "/dashboard");
            assertThat(own.status()).as(who).isEqualTo(200);
            assertThat(own.body()).as(who).doesNotContain(secretB);
        });
        cases.put("GET /api/v1/organizations/{id}/dashboard/figures/{figure}", (api, who) -> {
            notFound(api.get("/api/v1/organizations/" + unitB.id() + "/dashboard/figures/systemsTotal"), who);
            notFound(api.get("/api/v1/organizations/" + province.id() + "/dashboard/figures/systemsTotal"), who);
            Http.Response own = api.get("/api/v1/organizations/" + unitA.id() + "/dashboard/figures/systemsTotal");
            assertThat(own.status()).as(who).isEqualTo(200);
            assertThat(own.body()).as(who).doesNotContain(secretB);
        });
        return cases;
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        for (TestData.Person caller : List.of(officerA, leaderA)) {
            Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
            assertThat(COVERED).containsAll(cases.keySet());
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        Http.Response b = admin().get("/api/v1/reports/" + reportB);
        assertThat(b.json().get("status").asText()).isEqualTo("SIGNED");
        assertThat(b.json().get("history")).hasSize(3);
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        String r = "/reports/" + reportB;
        pages.put("GET /reports/{id}", r);
        pages.put("POST /reports/{id}/actions/{action}", r + "/actions/SUBMIT");
        pages.put("GET /reports/{id}/document.{ext}", r + "/document.pdf");
        pages.put("GET /reports/{id}/signed-file", r + "/signed-file");
        pages.put("GET /reports/{id}/figures/{figure}", r + "/figures/systemsTotal");
        pages.put("GET /organizations/{id}/dashboard", "/organizations/" + unitB.id() + "/dashboard");
        pages.put(
                "GET /organizations/{id}/dashboard/figures/{figure}",
                "/organizations/" + unitB.id() + "/dashboard/figures/systemsTotal");
        assertThat(COVERED).containsAll(pages.keySet());

        Http.Session session = http.session();
        assertThat(session.login(leaderA.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response resp =
                    endpoint.startsWith("GET") ? session.get(path) : session.postForm(path, Map.of("comment", "x"));
            assertThat(resp.status()).as(endpoint).isEqualTo(404);
            assertThat(resp.body()).as(endpoint).doesNotContain(secretB);
        });
        assertThat(session.get("/organizations/" + province.id() + "/dashboard").status())
                .isEqualTo(404);
        // A's own pages show nothing of B and the drill-down stays in A's subtree.
        Http.Response own = session.get("/organizations/" + unitA.id() + "/dashboard/figures/systemsTotal");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).doesNotContain(secretB);
        Http.Response ownReport = session.get("/reports/" + reportA + "/figures/systemsTotal");
        assertThat(ownReport.status()).isEqualTo(200);
        assertThat(ownReport.body()).doesNotContain(secretB);
        assertThat(admin().get("/api/v1/reports/" + reportB)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("SIGNED");
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
        assertThat(r.body()).as(who).doesNotContain("Bí mật B");
    }
}
