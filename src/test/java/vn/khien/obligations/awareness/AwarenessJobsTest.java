package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.Mailbox;
import vn.khien.support.TestData;

/**
 * The request that creates a campaign only schedules it: nothing is mailed while it runs, and the campaign page says
 * the first round is being sent; the awareness job on db-scheduler (started here on the test's database, as a node
 * does) then sends the round and mails it through a real SMTP server (GreenMail) well within a minute.
 */
class AwarenessJobsTest extends IntegrationTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    DataSource dataSource;

    @Autowired
    AwarenessService awareness;

    @Autowired
    AwarenessMailer mailer;

    @Test
    void aOnceCampaignIsSentByTheJobNotByTheRequest() throws Exception {
        TestData.Org unit = data.org(data.root(), "Sở gửi nền");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person reader = data.person(unit, Role.AUDITOR);
        String address = reader.username() + "@example.test";
        try (Mailbox mail = new Mailbox(mailSender)) {
            Http.Response created = http.api(officer.token())
                    .post(
                            "/api/v1/awareness-campaigns",
                            Map.of(
                                    "organizationId",
                                    unit.id(),
                                    "topic",
                                    "RANSOMWARE",
                                    "title",
                                    data.unique("Gửi bởi tác vụ nền"),
                                    "message",
                                    "Sao lưu dữ liệu hằng tuần.",
                                    "repeatEvery",
                                    "ONCE"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(mail.to(address)).as("nothing mailed by the request").isEmpty();
            Http.Session page = http.session();
            page.login(officer.username(), TestData.PASSWORD);
            assertThat(page.get("/awareness/" + id).body()).contains("campaign-sending", "Đang gửi");

            AwarenessJobs jobs = new AwarenessJobs(
                    dataSource,
                    awareness,
                    mailer,
                    Duration.ofMillis(200),
                    Duration.ofHours(1),
                    Duration.ofMillis(500),
                    "awareness-test-node");
            jobs.start();
            try {
                Instant limit = Instant.now().plusSeconds(60);
                while (mail.to(address).isEmpty() && Instant.now().isBefore(limit)) {
                    mail.waitForMail(Duration.ofSeconds(2));
                }
            } finally {
                jobs.stop();
            }
            assertThat(mail.links(address, "/public/awareness/"))
                    .as("the job mailed the round")
                    .hasSize(1);
            assertThat(page.get("/awareness/" + id).body())
                    .doesNotContain("campaign-sending")
                    .contains("campaign-share");
            assertThat(data.jdbc()
                            .sql("SELECT COUNT(*) FROM awareness_round WHERE campaign_id = :c")
                            .param("c", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }
}
