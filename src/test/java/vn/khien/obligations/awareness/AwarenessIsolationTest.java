package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

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
 * People of unit A learn nothing of unit B's awareness campaigns and training records: every endpoint and page with
 * an id answers 404, lists leave B out, and B's rows stay untouched.
 */
public class AwarenessIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/awareness-campaigns",
            "GET /api/v1/awareness-campaigns/{id}",
            "POST /api/v1/awareness-campaigns/{id}/stop",
            "POST /awareness/{id}/stop",
            "POST /api/v1/organizations/{id}/training-records",
            "GET /api/v1/organizations/{id}/training-records",
            "GET /awareness/{id}",
            "POST /public/awareness/{token}",
            "GET /organizations/{id}/training",
            "POST /organizations/{id}/training",
            "GET /training-records/{id}/certificate");

    static final byte[] PDF = "%PDF-1.4\n% chứng chỉ thử\n".getBytes(StandardCharsets.UTF_8);

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    long campaignB;
    long trainingB;
    String secretB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh tuyên truyền cô lập");
        unitA = data.org(province, "Đơn vị A tuyên truyền");
        unitB = data.org(province, "Đơn vị B tuyên truyền");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        secretB = data.unique("Bí mật B");
        Http.Api b = http.api(officerB.token());
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
                        "audience",
                        "ORGANIZATION"));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        campaignB = campaign.json().get("id").asLong();
        Http.Response training =
                b.upload("/api/v1/organizations/" + unitB.id() + "/training-records", "cc.pdf", PDF, training(secretB));
        assertThat(training.status()).as(training.body()).isEqualTo(201);
        trainingB = training.json().get("id").asLong();
    }

    static Map<String, String> training(String person) {
        return Map.of(
                "personName", person, "course", "An toàn thông tin cơ bản", "completedOn", "2026-01-15", "hours", "8");
    }

    @Test
    void everyApiEndpointHidesTheOtherSubtree() {
        Map<String, BiConsumer<Http.Api, String>> cases = new LinkedHashMap<>();
        cases.put("GET /api/v1/awareness-campaigns", (api, who) -> {
            Http.Response r = api.get("/api/v1/awareness-campaigns");
            assertThat(r.status()).as(who).isEqualTo(200);
            assertThat(r.body()).as(who).doesNotContain(secretB);
        });
        cases.put(
                "GET /api/v1/awareness-campaigns/{id}",
                (api, who) -> notFound(api.get("/api/v1/awareness-campaigns/" + campaignB), who));
        cases.put(
                "POST /api/v1/awareness-campaigns/{id}/stop",
                (api, who) -> notFound(api.post("/api/v1/awareness-campaigns/" + campaignB + "/stop", Map.of()), who));
        cases.put(
                "POST /api/v1/organizations/{id}/training-records",
                (api, who) -> notFound(
                        api.upload(
                                "/api/v1/organizations/" + unitB.id() + "/training-records",
                                "cc.pdf",
                                PDF,
                                training("x")),
                        who));
        cases.put(
                "GET /api/v1/organizations/{id}/training-records",
                (api, who) -> notFound(api.get("/api/v1/organizations/" + unitB.id() + "/training-records"), who));
        assertThat(COVERED).containsAll(cases.keySet());
        for (TestData.Person caller : List.of(adminA, officerA)) {
            Http.Api api = http.api(caller.token());
            cases.forEach((endpoint, check) -> check.accept(api, endpoint + " as " + caller.username()));
        }
        assertUntouched();
    }

    @Test
    void everyPageWithAnIdHidesTheOtherSubtree() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("GET /awareness/{id}", "/awareness/" + campaignB);
        pages.put("POST /public/awareness/{token}", "/public/awareness/" + data.unique("khong-co"));
        pages.put("POST /awareness/{id}/stop", "/awareness/" + campaignB + "/stop");
        pages.put("GET /organizations/{id}/training", "/organizations/" + unitB.id() + "/training");
        pages.put("POST /organizations/{id}/training", "/organizations/" + unitB.id() + "/training");
        pages.put("GET /training-records/{id}/certificate", "/training-records/" + trainingB + "/certificate");
        assertThat(COVERED).containsAll(pages.keySet());
        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        pages.forEach((endpoint, path) -> {
            Http.Response r = endpoint.startsWith("GET")
                    ? session.get(path)
                    : session.postForm(
                            path, Map.of("personName", "x", "course", "x", "completedOn", "2026-01-01", "hours", "1"));
            assertThat(r.status()).as(endpoint).isEqualTo(404);
            assertThat(r.body()).as(endpoint).doesNotContain(secretB);
        });
        assertThat(session.get("/awareness").body()).doesNotContain(secretB);
        Http.Response form = session.get("/awareness/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("value=\"" + unitB.id() + "\"");
        assertUntouched();
    }

    private void assertUntouched() {
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM awareness_campaign WHERE id = :c AND stopped_at IS NULL")
                        .param("c", campaignB)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM training_record WHERE organization_id = :o")
                        .param("o", unitB.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM awareness_delivery WHERE campaign_id = :c"
                                + " AND acknowledged_at IS NOT NULL")
                        .param("c", campaignB)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void notFound(Http.Response r, String who) {
        assertThat(r.status()).as(who + " " + r.body()).isEqualTo(404);
        assertThat(r.header("Content-Type")).as(who).startsWith("application/problem+json");
    }
}
