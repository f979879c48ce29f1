package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Editing a campaign: before its first round everything but the organisation changes; once a round went out only
 * the message of the later rounds and the schedule (the day of the next round) do, the rest is refused on its field;
 * the round already sent keeps the message it was sent with; every edit is audited; only a sender may edit; a
 * refused form comes back as typed with the message next to the field.
 */
class AwarenessEditTest extends IntegrationTest {

    @Autowired
    AwarenessService awareness;

    private long create(Http.Api api, TestData.Org unit, String title, String repeat) {
        Http.Response created = api.post(
                "/api/v1/awareness-campaigns",
                Map.of(
                        "organizationId",
                        unit.id(),
                        "topic",
                        "RANSOMWARE",
                        "title",
                        title,
                        "message",
                        "Thông điệp đầu.",
                        "repeatEvery",
                        repeat,
                        "startsOn",
                        awareness.today().plusDays(3).toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long audits(long id) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AWARENESS_CAMPAIGN_EDITED' AND target_id = :c")
                .param("c", Long.toString(id))
                .query(Long.class)
                .single();
    }

    @Test
    void beforeTheFirstRoundEverythingChangesAfterItOnlyTheMessageAndSchedule() {
        TestData.Org unit = data.org(data.root(), "Sở sửa chiến dịch");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person auditor = data.person(unit, Role.AUDITOR);
        Http.Api api = http.api(officer.token());
        long id = create(api, unit, data.unique("Chiến dịch sửa"), "MONTHLY");

        assertThat(http.api(auditor.token())
                        .send("PUT", "/api/v1/awareness-campaigns/" + id, Map.of("title", "x"))
                        .status())
                .isEqualTo(403);
        String renamed = data.unique("Đổi tên");
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("topic", "PHISHING");
        before.put("title", renamed);
        before.put("audience", "SUBTREE");
        before.put("repeatEvery", "QUARTERLY");
        before.put("startsOn", awareness.today().toString());
        Http.Response edited = api.send("PUT", "/api/v1/awareness-campaigns/" + id, before);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode c = edited.json();
        assertThat(c.get("topic").asString()).isEqualTo("PHISHING");
        assertThat(c.get("title").asString()).isEqualTo(renamed);
        assertThat(c.get("audience").asString()).isEqualTo("SUBTREE");
        assertThat(c.get("repeatEvery").asString()).isEqualTo("QUARTERLY");
        assertThat(c.get("message").asString()).isEqualTo("Thông điệp đầu.");
        assertThat(audits(id)).isEqualTo(1);

        awareness.sendDueRounds();
        Http.Response locked = api.send(
                "PUT",
                "/api/v1/awareness-campaigns/" + id,
                Map.of("title", "Tiêu đề khác", "audience", "ORGANIZATION", "message", "Thông điệp mới."));
        assertThat(locked.status()).as(locked.body()).isEqualTo(422);
        assertThat(locked.body()).contains("\"title\"").contains("\"audience\"");
        assertThat(audits(id)).as("nothing changed").isEqualTo(1);

        String next = awareness.today().plusDays(10).toString();
        Http.Response later = api.send(
                "PUT",
                "/api/v1/awareness-campaigns/" + id,
                Map.of("message", "Thông điệp cho các đợt sau.", "repeatEvery", "MONTHLY", "nextRoundOn", next));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().get("message").asString()).isEqualTo("Thông điệp cho các đợt sau.");
        assertThat(later.json().get("repeatEvery").asString()).isEqualTo("MONTHLY");
        assertThat(later.json().get("rounds").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/awareness-campaigns/" + id).body()).contains(renamed);
        assertThat(data.jdbc()
                        .sql("SELECT message FROM awareness_round_message WHERE campaign_id = :c AND round_no = 1")
                        .param("c", id)
                        .query(String.class)
                        .single())
                .as("the round sent keeps its message")
                .isEqualTo("Thông điệp đầu.");
        // the schedule moved: round 2 (the next) falls on the day asked for
        assertThat(later.json().get("startsOn").asString())
                .isEqualTo(awareness.today().plusDays(10).minusMonths(1).toString());
        assertThat(audits(id)).isEqualTo(2);

        Http.Response past = api.send(
                "PUT",
                "/api/v1/awareness-campaigns/" + id,
                Map.of("nextRoundOn", awareness.today().minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("\"nextRoundOn\"");
    }

    @Test
    void theEditPageKeepsWhatWasTypedAndSaysWhatIsLocked() {
        TestData.Org unit = data.org(data.root(), "Sở sửa trên trang");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long id = create(http.api(officer.token()), unit, data.unique("Trang sửa"), "ONCE");
        Http.Session page = http.session();
        assertThat(page.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(page.get("/awareness/" + id).body()).contains("edit-campaign");
        Http.Response refused = page.postForm(
                "/awareness/" + id + "/edit",
                Map.of(
                        "topic", "RANSOMWARE",
                        "title", "",
                        "message", "Nội dung đã gõ dở",
                        "audience", "ORGANIZATION",
                        "repeatEvery", "ONCE",
                        "startsOn", awareness.today().toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Nội dung đã gõ dở").contains("title-error");

        data.jdbc()
                .sql("UPDATE awareness_campaign SET starts_on = :d WHERE id = :c")
                .param("d", Date.valueOf(awareness.today()))
                .param("c", id)
                .update();
        awareness.sendDueRounds();
        assertThat(page.get("/awareness/" + id + "/edit").body()).contains("edit-locked", "Đã gửi 1 đợt");
    }
}
