package vn.khien.obligations.mail;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.DateDisplay;

/**
 * The daily mail digest over {@code notice}: one mail per person and day listing every notice not yet mailed (minus
 * the categories the person opted out of, where the rule data allows it), by category, what is overdue first. {@code mail_digest}'s unique key (person,
 * day) is the guard: a second run, on any node, finds the row and sends nothing. The row, the notices' mailed_at and
 * the audit record commit only after the SMTP server accepted the mail; a failure rolls them back for a retry.
 */
@Service
public class DigestService {

    private final JdbcClient jdbc;
    private final MailComposer mails;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final MailRules rules = MailRules.loadDefault();

    DigestService(JdbcClient jdbc, MailComposer mails, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public MailRules rules() {
        return rules;
    }

    /** People with notices waiting for a mail (and an address to mail them to). */
    @Transactional(readOnly = true)
    public List<Long> peopleWaiting() {
        return jdbc.sql("""
                SELECT DISTINCT n.person_id FROM notice n JOIN app_user u ON u.id = n.person_id
                WHERE n.mailed_at IS NULL AND u.enabled = TRUE AND u.email IS NOT NULL AND u.email <> ''
                  AND NOT EXISTS (SELECT 1 FROM mail_opt_out m WHERE m.person_id = n.person_id
                                  AND m.category = n.category)
                ORDER BY n.person_id""").query(Long.class).list();
    }

    public record Item(String text, String link, String category) {}

    /** Sends this person's digest for the day unless one was sent already; returns whether a mail went out. */
    @Transactional
    public boolean send(long personId, LocalDate day) {
        // The person's row lock orders two nodes sending the same digest: the second sees the first's row.
        Map<String, Object> person = jdbc.sql("SELECT display_name, email FROM app_user WHERE id = :p FOR UPDATE")
                .param("p", personId)
                .query()
                .singleRow();
        Long already = jdbc.sql("SELECT COUNT(*) FROM mail_digest WHERE person_id = :p AND digest_day = :d")
                .param("p", personId)
                .param("d", Date.valueOf(day))
                .query(Long.class)
                .single();
        if (already > 0) {
            return false;
        }
        String baseUrl = mails.baseUrl();
        List<Long> ids = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        jdbc.sql("""
                SELECT n.id, n.category, n.message_key, n.args, n.link FROM notice n
                WHERE n.person_id = :p AND n.mailed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM mail_opt_out m WHERE m.person_id = n.person_id
                                  AND m.category = n.category)
                ORDER BY n.category,
                  CASE WHEN n.message_key LIKE '%.overdue' OR n.message_key LIKE '%.escalation' THEN 0 ELSE 1 END,
                  n.created_at, n.id""").param("p", personId).query(rs -> {
            ids.add(rs.getLong(1));
            List<String> args = json.readValue(rs.getString(4), new TypeReference<List<String>>() {});
            String link = rs.getString(5);
            items.add(new Item(
                    mails.text(rs.getString(3), args.toArray()),
                    link == null ? baseUrl + "/" : baseUrl + link,
                    rs.getString(2)));
        });
        String to = (String) person.get("email");
        if (items.isEmpty() || to == null || to.isBlank()) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO mail_digest (person_id, digest_day, notices, sent_to, sent_at)
                VALUES (:p, :d, :n, :to, :now)""")
                .param("p", personId)
                .param("d", Date.valueOf(day))
                .param("n", items.size())
                .param("to", to)
                .param("now", now)
                .update();
        jdbc.sql("UPDATE notice SET mailed_at = :now WHERE id IN (:ids)")
                .param("now", now)
                .param("ids", ids)
                .update();
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", person.get("display_name"));
        variables.put("day", DateDisplay.DATE.format(day));
        variables.put("items", items);
        variables.put("baseUrl", baseUrl);
        variables.put("optOutCategories", rules.optOutAllowed());
        mails.send(
                to,
                "obligations.mail.digest.subject",
                new Object[] {items.size(), DateDisplay.DATE.format(day)},
                "mail/digest",
                variables,
                "digest for person " + personId);
        // last, so the audit chain's row lock is held for the commit only, not for the SMTP conversation
        audit.record(AuditEntry.of("MAIL_DIGEST_SENT", null, "person", personId)
                .with(Map.of("day", day.toString(), "notices", items.size())));
        return true;
    }
}
