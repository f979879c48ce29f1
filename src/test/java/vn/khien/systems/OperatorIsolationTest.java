package vn.khien.systems;

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
 * People of unit A learn nothing of unit B's operator proposals, cannot decide, withdraw or publish for B, and read
 * no name of an organisation they may not see through the operator endpoints and pages (issue 10 item 2).
 */
public class OperatorIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/operator-providers",
            "PUT /api/v1/operator-providers/{organizationId}",
            "DELETE /api/v1/operator-providers/{organizationId}",
            "GET /api/v1/systems/{id}/operator-proposals",
            "POST /api/v1/systems/{id}/operator-proposals",
            "GET /api/v1/operator-proposals",
            "POST /api/v1/operator-proposals/{id}/accept",
            "POST /api/v1/operator-proposals/{id}/decline",
            "POST /api/v1/operator-proposals/{id}/withdraw",
            "GET /systems/{id}/operator",
            "POST /systems/{id}/operator",
            "POST /operators/proposals/{id}/accept",
            "POST /operators/proposals/{id}/decline",
            "POST /operators/proposals/{id}/withdraw",
            "POST /api/v1/systems/{id}/hosting-proposal/confirm",
            "POST /api/v1/systems/{id}/hosting-proposal/decline",
            "POST /systems/{id}/hosting-proposal/confirm",
            "POST /systems/{id}/hosting-proposal/decline");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Org unitC;
    String nameB;
    String nameC;
    TestData.Person officerA;
    TestData.Person adminA;
    long systemA;
    long systemB;
    long proposalB;
    String systemBName;

    @BeforeEach
    void threeUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh cô lập vận hành");
        unitA = data.org(province, "Đơn vị A");
        nameB = data.unique("Đơn vị B kín");
        unitB = data.org(province, nameB);
        nameC = data.unique("Đơn vị C kín");
        unitC = data.org(province, nameC);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.SECURITY_OFFICER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        Http.Api b = http.api(officerB.token());
        systemA = ProvinceFixture.createSystem(http.api(officerA.token()), data, unitA, "Hệ thống của A");
        systemBName = data.unique("Hệ thống bí mật của B");
        systemB = ProvinceFixture.createSystem(b, data, unitB, systemBName);
        // B proposes C, not A: A is neither owner nor proposed operator.
        Http.Response p = b.post(
                "/api/v1/systems/" + systemB + "/operator-proposals", Map.of("operatorOrganizationId", unitC.id()));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        proposalB = p.json().get("id").asLong();
    }

    Map<String, BiConsumer<Http.Api, String>> apiCases() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        String s = "/api/v1/systems/" + systemB;
        String p = "/api/v1/operator-proposals/" + proposalB;
        cases.put("GET /api/v1/operator-providers", (api, who) -> {
            Http.Response r = api.get("/api/v1/operator-providers");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(nameB).doesNotContain(nameC);
        });
        cases.put("PUT /api/v1/operator-providers/{organizationId}", (api, who) -> {
            notFound(api.send("PUT", "/api/v1/operator-providers/" + unitB.id(), null), who);
            notFound(api.send("PUT", "/api/v1/operator-providers/987654321", null), who);
        });
        cases.put(
                "DELETE /api/v1/operator-providers/{organizationId}",
                (api, who) -> notFound(api.send("DELETE", "/api/v1/operator-providers/" + unitB.id(), null), who));
        cases.put(
                "GET /api/v1/systems/{id}/operator-proposals",
                (api, who) -> notFound(api.get(s + "/operator-proposals"), who));
        cases.put("POST /api/v1/systems/{id}/operator-proposals", (api, who) -> {
            notFound(api.post(s + "/operator-proposals", Map.of("operatorOrganizationId", unitA.id())), who);
        });
        cases.put("GET /api/v1/operator-proposals", (api, who) -> {
            Http.Response r = api.get("/api/v1/operator-proposals");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(systemBName).doesNotContain(nameB);
        });
        cases.put("POST /api/v1/operator-proposals/{id}/accept", (api, who) -> {
            Http.Response r = api.post(p + "/accept", Map.of());
            notFound(r, who);
            assertThat(r.bodyWithoutRequestId())
                    .as(who)
                    .isEqualTo(api.post("/api/v1/operator-proposals/987654321/accept", Map.of())
                            .bodyWithoutRequestId()
                            .replace("987654321", String.valueOf(proposalB)));
        });
        cases.put(
                "POST /api/v1/operator-proposals/{id}/decline",
                (api, who) -> notFound(api.post(p + "/decline", Map.of("reason", "x")), who));
        cases.put(
                "POST /api/v1/operator-proposals/{id}/withdraw",
                (api, who) -> notFound(api.post(p + "/withdraw", Map.of()), who));
        cases.put("POST /api/v1/systems/{id}/hosting-proposal/confirm", (api, who) -> {
            Http.Response r = api.post(s + "/hosting-proposal/confirm", Map.of());
            notFound(r, who);
            assertThat(r.bodyWithoutRequestId())
                    .as(who)
                    .isEqualTo(api.post("/api/v1/systems/987654321/hosting-proposal/confirm", Map.of())
                            .bodyWithoutRequestId()
                            .replace("987654321", String.valueOf(systemB)));
        });
        cases.put(
                "POST /api/v1/systems/{id}/hosting-proposal/decline",
                (api, who) -> notFound(api.post(s + "/hosting-proposal/decline", Map.of()), who));
        return cases;
    }

    @Test
    void everyOperatorEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = apiCases();
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        // B's proposal still waits and B's system still has its own operator.
        Http.Response proposals = admin().get("/api/v1/systems/" + systemB + "/operator-proposals");
        assertThat(proposals.json().get(0).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(admin().get("/api/v1/systems/" + systemB)
                        .json()
                        .get("operatorOrganizationId")
                        .asLong())
                .isEqualTo(unitB.id());
        assertThat(admin().get("/api/v1/operator-providers").body()).doesNotContain(nameB);
    }

    @Test
    void everyOperatorPageHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("GET /systems/{id}/operator", "/systems/" + systemB + "/operator");
        pages.put("POST /systems/{id}/operator", "/systems/" + systemB + "/operator");
        pages.put("POST /operators/proposals/{id}/accept", "/operators/proposals/" + proposalB + "/accept");
        pages.put("POST /operators/proposals/{id}/decline", "/operators/proposals/" + proposalB + "/decline");
        pages.put("POST /operators/proposals/{id}/withdraw", "/operators/proposals/" + proposalB + "/withdraw");
        pages.put("POST /systems/{id}/hosting-proposal/confirm", "/systems/" + systemB + "/hosting-proposal/confirm");
        pages.put("POST /systems/{id}/hosting-proposal/decline", "/systems/" + systemB + "/hosting-proposal/decline");
        assertThat(COVERED).containsAll(pages.keySet());
        Map<String, String> form = Map.of(
                "operatorOrganizationId",
                String.valueOf(unitA.id()),
                "reason",
                "x",
                "systemId",
                String.valueOf(systemA));
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Http.Session session = http.session();
            assertThat(session.login(caller.username(), TestData.PASSWORD).status())
                    .isEqualTo(302);
            pages.forEach((endpoint, path) -> {
                Http.Response r = endpoint.startsWith("GET") ? session.get(path) : session.postForm(path, form);
                assertThat(r.status()).as(endpoint).isEqualTo(404);
                assertThat(r.body()).as(endpoint).doesNotContain(systemBName).doesNotContain(nameC);
            });
            Http.Response operators = session.get("/operators");
            assertThat(operators.status()).isEqualTo(200);
            assertThat(operators.body()).doesNotContain(systemBName).doesNotContain(nameB);
            // A's own form offers no organisation outside A's subtree.
            Http.Response edit = session.get("/systems/" + systemA + "/edit");
            assertThat(edit.body()).doesNotContain(nameB).doesNotContain(nameC);
        }
        Http.Response proposals = admin().get("/api/v1/systems/" + systemB + "/operator-proposals");
        assertThat(proposals.json().get(0).get("status").asText()).isEqualTo("PROPOSED");
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
