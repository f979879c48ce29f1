package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.obligations.training.TrainingRecordsTest;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The endpoints added to awareness and training in the fourth wave hide unit B's rows from unit A (404, B untouched):
 * editing a campaign (API and page), editing, removing and importing training records (API and page).
 */
public class AwarenessTrainingIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "PUT /api/v1/awareness-campaigns/{id}",
            "GET /awareness/{id}/edit",
            "POST /awareness/{id}/edit",
            "PUT /api/v1/training-records/{id}",
            "DELETE /api/v1/training-records/{id}",
            "POST /api/v1/organizations/{id}/training-records/import",
            "GET /training-records/{id}/edit",
            "POST /training-records/{id}/edit",
            "POST /training-records/{id}/delete",
            "POST /organizations/{id}/training/import");

    static final byte[] PDF = "%PDF-1.4\n% chứng chỉ B\n".getBytes(StandardCharsets.UTF_8);

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person officerA;
    TestData.Person adminA;
    TestData.Person readerB;
    long campaignB;
    long trainingB;
    String secretB;

    @BeforeEach
    void twoUnits() {
        TestData.Org province = data.org(data.root(), "Tỉnh cô lập sửa tuyên truyền");
        unitA = data.org(province, "Đơn vị A sửa");
        unitB = data.org(province, "Đơn vị B sửa");
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        adminA = data.person(unitA, Role.ORG_ADMIN);
        data.grant(adminA.id(), unitA, Role.LEADER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        readerB = data.person(unitB, Role.AUDITOR);
        secretB = data.unique("Bí mật sửa B");
        Http.Response campaign = http.api(officerB.token())
                .post(
                        "/api/v1/awareness-campaigns",
                        Map.of(
                                "organizationId", unitB.id(),
                                "topic", "PHISHING",
                                "title", secretB,
                                "message", "Cảnh giác thư giả mạo",
                                "audience", "ORGANIZATION"));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        campaignB = campaign.json().get("id").asLong();
        Http.Response training = http.api(officerB.token())
                .upload(
                        "/api/v1/organizations/" + unitB.id() + "/training-records",
                        "cc.pdf",
                        PDF,
                        Map.of("personName", secretB, "course", "ATTT", "completedOn", "2026-01-15", "hours", "8"));
        assertThat(training.status()).as(training.body()).isEqualTo(201);
        trainingB = training.json().get("id").asLong();
    }

    @Test
    void trainingRecordsOfAnotherSubtreeAreNotFound() throws IOException {
        byte[] xlsx = TrainingRecordsTest.workbook(
                List.of(Arrays.asList(readerB.username(), "ATTT", "15/01/2026", 8, "CC-B")));
        Map<String, Object> edit =
                Map.of("personName", "Đổi", "course", "ATTT", "completedOn", "2026-01-15", "hours", 8);
        for (TestData.Person caller : new TestData.Person[] {adminA, officerA}) {
            Http.Api api = http.api(caller.token());
            for (Http.Response r : List.of(
                    api.send("PUT", "/api/v1/training-records/" + trainingB, edit),
                    api.send("DELETE", "/api/v1/training-records/" + trainingB, null),
                    api.upload(
                            "/api/v1/organizations/" + unitB.id() + "/training-records/import",
                            "b.xlsx",
                            xlsx,
                            Map.of()))) {
                assertThat(r.status()).as(caller.username() + " " + r.body()).isEqualTo(404);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.body()).doesNotContain(secretB);
            }
        }
        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(session.get("/awareness").status()).isEqualTo(200);
        Http.Response form = session.get("/training-records/" + trainingB + "/edit");
        assertThat(form.status()).isEqualTo(404);
        assertThat(form.body()).doesNotContain(secretB);
        Map<String, String> fields =
                Map.of("personName", "Đổi", "course", "ATTT", "completedOn", "2026-01-15", "hours", "8");
        assertThat(session.postForm("/training-records/" + trainingB + "/edit", fields)
                        .status())
                .isEqualTo(404);
        assertThat(session.postForm("/training-records/" + trainingB + "/delete", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(session.upload("/organizations/" + unitB.id() + "/training/import", "b.xlsx", xlsx, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(data.jdbc()
                        .sql("SELECT person_name FROM training_record WHERE organization_id = :o")
                        .param("o", unitB.id())
                        .query(String.class)
                        .list())
                .containsExactly(secretB);
    }

    @Test
    void editingAnotherSubtreesCampaignIsNotFound() {
        for (TestData.Person caller : new TestData.Person[] {adminA, officerA}) {
            Http.Response r = http.api(caller.token())
                    .send("PUT", "/api/v1/awareness-campaigns/" + campaignB, Map.of("title", "Đổi của B"));
            assertThat(r.status()).as("PUT as " + caller.username()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain(secretB);
        }
        Http.Session session = http.session();
        assertThat(session.login(adminA.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(session.get("/awareness").status()).isEqualTo(200);
        Http.Response form = session.get("/awareness/" + campaignB + "/edit");
        assertThat(form.status()).isEqualTo(404);
        assertThat(form.body()).doesNotContain(secretB);
        Http.Response post = session.postForm(
                "/awareness/" + campaignB + "/edit",
                Map.of("title", "Đổi của B", "message", "x", "topic", "PHISHING", "repeatEvery", "ONCE"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(data.jdbc()
                        .sql("SELECT title FROM awareness_campaign WHERE id = :c")
                        .param("c", campaignB)
                        .query(String.class)
                        .single())
                .isEqualTo(secretB);
    }
}
