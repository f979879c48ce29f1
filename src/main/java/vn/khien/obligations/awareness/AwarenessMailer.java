package vn.khien.obligations.awareness;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.obligations.mail.MailComposer;

/**
 * Mails each delivery not mailed yet, one mail per person with a personal acknowledgement link, through the
 * application's SMTP settings ({@link MailComposer}, as the daily digest). The link's token is made when
 * the mail goes out and only its SHA-256 is kept. Each delivery is mailed in its own transaction holding the
 * delivery's row lock: the row is marked mailed only when the SMTP server accepted the mail, so a failure leaves it
 * for the next run, and two nodes never mail the same delivery twice.
 */
@Service
class AwarenessMailer {

    private static final Logger LOG = LoggerFactory.getLogger(AwarenessMailer.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final MailComposer mails;
    private final AwarenessService awareness;
    private final TransactionTemplate tx;
    private final Clock clock;

    AwarenessMailer(
            JdbcClient jdbc, MailComposer mails, AwarenessService awareness, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.awareness = awareness;
        this.tx = tx;
        this.clock = clock;
    }

    /** Mails the deliveries waiting (of one campaign, or of all when null); returns how many mails went out. */
    public int sendPending(Long campaignId) {
        List<Long> ids = jdbc.sql("SELECT id FROM awareness_delivery WHERE mailed_at IS NULL AND email IS NOT NULL"
                        + (campaignId == null ? "" : " AND campaign_id = :c")
                        + " ORDER BY id LIMIT " + BATCH)
                .params(campaignId == null ? Map.of() : Map.of("c", campaignId))
                .query(Long.class)
                .list();
        int sent = 0;
        for (long id : ids) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> send(id)))) {
                    sent++;
                }
            } catch (MailException | IllegalStateException e) {
                LOG.warn("Awareness mail for delivery {} not sent (will retry): {}", id, e.getMessage());
            }
        }
        return sent;
    }

    private boolean send(long deliveryId) {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT d.id FROM awareness_delivery d WHERE d.id = :id AND d.mailed_at IS NULL FOR UPDATE""").param("id", deliveryId).query().listOfRows();
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> d = jdbc.sql("""
                SELECT d.email, d.display_name, d.round_no, c.title, COALESCE(r.message, c.message) AS message, c.topic,
                    o.name_vi
                FROM awareness_delivery d JOIN awareness_campaign c ON c.id = d.campaign_id
                LEFT JOIN awareness_round_message r ON r.campaign_id = d.campaign_id AND r.round_no = d.round_no
                JOIN organization o ON o.id = c.organization_id WHERE d.id = :id""").param("id", deliveryId).query().singleRow();
        String token = awareness.token();
        jdbc.sql("UPDATE awareness_delivery SET token_hash = :h, mailed_at = :now, mail_error = NULL WHERE id = :id")
                .param("h", AwarenessService.hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", deliveryId)
                .update();
        String link = mails.baseUrl() + "/public/awareness/" + token;
        String topic = AwarenessService.TOPICS.topics().stream()
                .filter(t -> t.id().equals(d.get("topic")))
                .map(t -> t.titleVi())
                .findFirst()
                .orElse("");
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", d.get("display_name"));
        variables.put("title", d.get("title"));
        variables.put("topic", topic);
        variables.put("paragraphs", List.of(((String) d.get("message")).split("\\R\\s*\\R")));
        variables.put("organization", d.get("name_vi"));
        variables.put("link", link);
        mails.send(
                (String) d.get("email"),
                "awareness.mail.subject",
                new Object[] {d.get("title")},
                "mail/awareness",
                variables,
                "awareness mail for delivery " + deliveryId);
        return true;
    }
}
