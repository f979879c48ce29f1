package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.khien.KhienApplication;
import vn.khien.obligations.jobs.ObligationJobs;
import vn.khien.obligations.jobs.ReminderService;

/**
 * Two application contexts (two nodes) on one database with their db-scheduler jobs running, and a real SMTP server
 * (GreenMail): reminders reach each person once whichever node runs them, the overdue duty is escalated to the leader
 * and to the parent organisation's security officers, each person gets one digest a day, and a digest left half-done
 * by a node that died is sent by the surviving node. Run it on PostgreSQL with -Ppostgres (the database the whole
 * suite uses); on the default embedded H2 both contexts share the in-memory database of this JVM.
 */
@Tag("database")
class ObligationJobsClusterTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static GreenMail smtp;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        nodeA = node("node-a");
        nodeB = node("node-b");
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null && nodeA.isActive()) {
            nodeA.close();
        }
        smtp.stop();
    }

    private static ConfigurableApplicationContext node(String name) {
        // command-line arguments: they win over application.properties (default properties would not)
        return new SpringApplicationBuilder(KhienApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--khien.jobs.enabled=true",
                        "--khien.jobs.node-name=" + name,
                        "--khien.jobs.polling-interval=PT0.5S",
                        "--khien.jobs.heartbeat-interval=PT1S",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--khien.mail.base-url=https://khien.test",
                        "--spring.main.banner-mode=off");
    }

    private record People(long officer, long leader, long parentOfficer, long lateSystem, long soonSystem) {}

    private static String unique(String p) {
        return p + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long org(JdbcClient jdbc, Long parent, String name, String kind) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES (:code, :name, :kind, :parent, '/', :now, :now)""")
                .param("code", unique("C"))
                .param("name", name)
                .param("kind", kind)
                .param("parent", parent)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String parentPath = parent == null
                ? "/"
                : jdbc.sql("SELECT path FROM organization WHERE id = :id")
                        .param("id", parent)
                        .query(String.class)
                        .single();
        jdbc.sql("UPDATE organization SET path = :p WHERE id = :id")
                .param("p", parentPath + id + "/")
                .param("id", id)
                .update();
        return id;
    }

    private static long person(JdbcClient jdbc, long org, String role, String email) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, email, created_at)
                VALUES (:u, 'x', :d, :e, :now)""")
                .param("u", unique("u"))
                .param("d", "Cán bộ " + role)
                .param("e", email)
                .param("now", Timestamp.from(Instant.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("INSERT INTO role_grant (user_id, organization_id, role, granted_at) VALUES (:u, :o, :r, :now)")
                .param("u", id)
                .param("o", org)
                .param("r", role)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private static long system(JdbcClient jdbc, long org, LocalDate lastScan) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO information_system (owner_organization_id, operator_organization_id, code, name, system_type,
                    lifecycle_status, created_at, updated_at)
                VALUES (:o, :o, :code, 'Hệ thống thư điện tử', 'INTERNAL', 'OPERATING', :now, :now)""")
                .param("o", org)
                .param("code", unique("S"))
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("INSERT INTO system_party (system_id, organization_id, party_role) VALUES (:s, :o, 'OWNER')")
                .param("s", id)
                .param("o", org)
                .update();
        jdbc.sql("""
                INSERT INTO scan (system_id, scan_date, full_scan, status, uploaded_at, finished_at)
                VALUES (:s, :d, TRUE, 'COMPLETED', :now, :now)""")
                .param("s", id)
                .param("d", Date.valueOf(lastScan))
                .param("now", now)
                .update();
        return id;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static void awaitMails(String address, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (mailsTo(address).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertThat(mailsTo(address)).as("mails to " + address).hasSize(count);
    }

    @Test
    void remindersOncePerPersonEscalationAfterTheDeadlineOneDigestADayAndNothingLostWhenANodeDies() throws Exception {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String officerMail = "canbo-" + tag + "@so.test";
        String leaderMail = "lanhdao-" + tag + "@so.test";
        String parentMail = "tinh-" + tag + "@tinh.test";
        long province = org(jdbc, null, "Tỉnh cụm " + tag, "PROVINCE");
        long unit = org(jdbc, province, "Sở cụm " + tag, "DEPARTMENT");
        long officer = person(jdbc, unit, "SECURITY_OFFICER", officerMail);
        long leader = person(jdbc, unit, "LEADER", leaderMail);
        long parentOfficer = person(jdbc, province, "SECURITY_OFFICER", parentMail);
        long late = system(jdbc, unit, TODAY.minusMonths(7));
        long soon = system(jdbc, unit, TODAY.minusMonths(6).plusDays(10));

        // the reminder job runs on both nodes (a retry, a second node): each person gets each reminder once
        nodeA.getBean(ReminderService.class).run();
        nodeB.getBean(ReminderService.class).run();
        String notices = "SELECT COUNT(*) FROM notice WHERE person_id = :p AND dedup_key LIKE :k";
        String lateKey = "duty:R21:SYSTEM:" + late + ":%";
        String soonKey = "duty:R21:SYSTEM:" + soon + ":%";
        assertThat(count(jdbc, notices, officer, lateKey)).isEqualTo(1);
        assertThat(count(jdbc, notices, officer, soonKey)).isEqualTo(1);
        assertThat(count(jdbc, notices, leader, lateKey)).isEqualTo(1);
        assertThat(count(jdbc, notices, parentOfficer, lateKey))
                .as("escalated to the parent's security unit")
                .isEqualTo(1);
        assertThat(count(jdbc, notices, parentOfficer, soonKey))
                .as("not escalated before the deadline")
                .isZero();

        // both nodes plan the day's digests; each person gets one mail
        nodeA.getBean(ObligationJobs.class).planDigests();
        nodeB.getBean(ObligationJobs.class).planDigests();
        awaitMails(officerMail, 1);
        awaitMails(leaderMail, 1);
        awaitMails(parentMail, 1);
        MimeMessage toParent = mailsTo(parentMail).get(0);
        assertThat(toParent.getSubject()).startsWith("Khiên: ").contains(" việc cần chú ý ngày ");
        String parentBody = GreenMailUtil.getBody(toParent);
        assertThat(GreenMailUtil.getWholeMessage(toParent)).contains("UTF-8");
        assertThat(decode(parentBody)).contains("https://khien.test/systems/" + late + "/scans");
        assertThat(decode(GreenMailUtil.getBody(mailsTo(officerMail).get(0))))
                .contains("https://khien.test/systems/" + soon + "/scans");

        // planning again the same day sends nothing more, even with a new notice waiting
        jdbc.sql("UPDATE notice SET mailed_at = NULL WHERE person_id = :p")
                .param("p", officer)
                .update();
        nodeB.getBean(ObligationJobs.class).planDigests();
        Thread.sleep(3000);
        assertThat(mailsTo(officerMail)).hasSize(1);

        // node A dies in the middle of a digest: its execution stays picked with a stale heartbeat; node B sends it
        String lostMail = "mat-" + tag + "@so.test";
        long lost = person(jdbc, unit, "SECURITY_OFFICER", lostMail);
        nodeA.getBean(ReminderService.class).run();
        assertThat(count(jdbc, notices, lost, lateKey)).isEqualTo(1);
        nodeA.close();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        jdbc = nodeB.getBean(JdbcClient.class);
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                    last_heartbeat, version)
                VALUES ('mail-digest', :instance, :data, :t, TRUE, 'node-a', :t, 1)""")
                .param("instance", lost + "@" + TODAY)
                .param("data", serialized(lost))
                .param("t", longAgo)
                .update();
        awaitMails(lostMail, 1);
        Thread.sleep(2000);
        assertThat(mailsTo(lostMail)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'MAIL_DIGEST_SENT' AND target_id = :p")
                        .param("p", Long.toString(lost))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static long count(JdbcClient jdbc, String sql, long person, String key) {
        return jdbc.sql(sql)
                .param("p", person)
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private static byte[] serialized(Long value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Quoted-printable bodies: good enough to find ASCII links. */
    private static String decode(String body) {
        return body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }
}
