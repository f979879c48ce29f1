package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.Mailbox;
import vn.khien.support.TestData;

/**
 * Through the API: a campaign to a subtree is mailed (real SMTP: GreenMail) to every person with a personal link;
 * the link shows the message without sign-in and acknowledging records it once, audited; the log counts it per
 * organisation, R25 is met, and a list audience is refused whole, each wrong entry named.
 */
class AwarenessApiTest extends IntegrationTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    AwarenessService awareness;

    @Autowired
    AwarenessMailer mailer;

    /** What the rounds job does on each run (the job itself runs in AwarenessJobsTest). */
    private void runRoundsJob() {
        awareness.sendDueRoundsOf().forEach(mailer::sendPending);
    }

    @Test
    void aRansomwareCampaignIsMailedAcknowledgedAndCounted() throws Exception {
        TestData.Org province = data.org(data.root(), "Tỉnh tuyên truyền");
        TestData.Org unit = data.org(province, "Sở nhận tin");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person reader = data.person(unit, Role.AUDITOR);
        TestData.Person other = data.person(unit, Role.INCIDENT_RESPONDER);
        Http.Api api = http.api(officer.token());

        Http.Response bad = api.post(
                "/api/v1/awareness-campaigns",
                Map.of("organizationId", province.id(), "topic", "SPAM", "title", "x", "message", "y"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("\"topic\"").contains("RANSOMWARE");

        long id;
        try (Mailbox mail = new Mailbox(mailSender)) {
            Http.Response created = api.post(
                    "/api/v1/awareness-campaigns",
                    Map.of(
                            "organizationId",
                            province.id(),
                            "topic",
                            "RANSOMWARE",
                            "title",
                            "Cảnh giác mã độc tống tiền",
                            "message",
                            "Không mở tệp đính kèm lạ.\n\nBáo ngay cho cán bộ chuyên trách.",
                            "audience",
                            "SUBTREE",
                            "repeatEvery",
                            "ONCE"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asLong();
            assertThat(created.json().get("firstRoundOn").asString())
                    .isEqualTo(awareness.today().toString());
            assertThat(mail.to(reader.username() + "@example.test"))
                    .as("the request only schedules the round")
                    .isEmpty();
            assertThat(api.get("/api/v1/awareness-campaigns/" + id)
                            .json()
                            .get("rounds")
                            .asInt())
                    .isZero();
            runRoundsJob();
            List<MimeMessage> mails = mail.to(reader.username() + "@example.test");
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).contains("Cảnh giác mã độc tống tiền");
            List<String> links = mail.links(reader.username() + "@example.test", "/public/awareness/");
            assertThat(links).hasSize(1);
            assertThat(mail.links(other.username() + "@example.test", "/public/awareness/"))
                    .hasSize(1);

            Http.Session anonymous = http.session();
            Http.Response page = anonymous.get(links.get(0));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Báo ngay cho cán bộ chuyên trách.")
                    .doesNotContain("id=\"acknowledged\"");
            assertThat(anonymous.postForm(links.get(0), Map.of()).status()).isEqualTo(302);
            assertThat(anonymous.get(links.get(0)).body()).contains("id=\"acknowledged\"");
            anonymous.postForm(links.get(0), Map.of());
        }
        assertThat(http.session().get("/public/awareness/not-a-token").status()).isEqualTo(404);

        JsonNode deliveries =
                api.get("/api/v1/awareness-campaigns/" + id + "/deliveries").json();
        assertThat(deliveries.get("delivered").asInt()).isEqualTo(3);
        assertThat(deliveries.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(deliveries
                        .get("byOrganization")
                        .get(Long.toString(unit.id()))
                        .get(1)
                        .asInt())
                .isEqualTo(1);
        assertThat(deliveries.get("deliveries").get(0).get("mailedAt").isNull()).isFalse();
        JsonNode campaign = api.get("/api/v1/awareness-campaigns/" + id).json();
        assertThat(campaign.get("rounds").asInt()).isEqualTo(1);
        assertThat(campaign.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/awareness-campaigns").body()).contains("\"id\":" + id + ",");
        assertThat(http.api(other.token())
                        .get("/api/v1/awareness-campaigns/" + id + "/deliveries")
                        .status())
                .as("a unit below does not see the province's campaign")
                .isEqualTo(404);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AWARENESS_ACKNOWLEDGED' "
                                + "AND target_id = :c")
                        .param("c", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('AWARENESS_CAMPAIGN_CREATED',"
                                + " 'AWARENESS_ROUND_SENT') AND target_id = :c")
                        .param("c", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        boolean seen = false;
        for (JsonNode n :
                api.get("/api/v1/organizations/" + unit.id() + "/obligations").json()) {
            if (n.get("rule").asString().equals("R25")) {
                assertThat(n.get("status").asString()).isEqualTo("MET");
                assertThat(n.get("evidence").get("url").asString()).isEqualTo("/awareness/" + id);
                seen = true;
            }
        }
        assertThat(seen).isTrue();
    }

    @Test
    void aListAudienceIsRefusedWholeWithEveryWrongEntryNamedThenMailedToTheAddresses() throws Exception {
        TestData.Org unit = data.org(data.root(), "Sở danh sách");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        String good = data.unique("nguoi").toLowerCase() + "@example.test";
        Http.Response refused = api.post(
                "/api/v1/awareness-campaigns",
                Map.of(
                        "organizationId",
                        unit.id(),
                        "topic",
                        "PHISHING",
                        "title",
                        "Thư giả mạo",
                        "message",
                        "Kiểm tra người gửi.",
                        "audience",
                        "LIST",
                        "recipients",
                        List.of(
                                Map.of("email", good, "name", "Nguyễn Văn A"),
                                Map.of("email", "khong-phai-thu", "name", "Trần Thị B"),
                                Map.of("email", good.toUpperCase(), "name", ""))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("recipients[1].email")
                .contains("recipients[2].email")
                .contains("recipients[2].name")
                .contains("khong-phai-thu");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM awareness_campaign WHERE organization_id = :o")
                        .param("o", unit.id())
                        .query(Long.class)
                        .single())
                .as("nothing recorded")
                .isZero();

        try (Mailbox mail = new Mailbox(mailSender)) {
            Http.Response created = api.post(
                    "/api/v1/awareness-campaigns",
                    Map.of(
                            "organizationId",
                            unit.id(),
                            "topic",
                            "PHISHING",
                            "title",
                            "Thư giả mạo",
                            "message",
                            "Kiểm tra người gửi.",
                            "audience",
                            "LIST",
                            "repeatEvery",
                            "MONTHLY",
                            "recipients",
                            List.of(Map.of("email", good, "name", "Nguyễn Văn A"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            runRoundsJob();
            assertThat(mail.links(good, "/public/awareness/")).hasSize(1);
            assertThat(GreenMailBody.of(mail.to(good).get(0))).contains("Nguyễn Văn A");
        }
    }
}
