package vn.khien.obligations.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.ActingAs;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.obligations.ObligationStatus;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.status.ObligationService;

/**
 * A personal iCalendar feed of the deadlines of one's duties. The URL carries a random token (stored as its SHA-256
 * hash, like API tokens); the feed is computed as that person, so it shows exactly what the person may see.
 */
@Service
public class CalendarFeedService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final ObligationService obligations;
    private final AuditTrail audit;
    private final Clock clock;

    CalendarFeedService(JdbcClient jdbc, ObligationService obligations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.obligations = obligations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates (or replaces, revoking the old URL) the signed-in person's feed token; returns the token once. */
    @Transactional
    public String issueForCurrentPerson() {
        long person = CurrentPerson.idOrNobody();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM calendar_feed WHERE person_id = :p")
                .param("p", person)
                .update();
        jdbc.sql("INSERT INTO calendar_feed (person_id, token_hash, created_at) VALUES (:p, :h, :now)")
                .param("p", person)
                .param("h", hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEntry.of("CALENDAR_FEED_ISSUED", null, "person", person));
        return token;
    }

    /** The feed for a token, empty when the token is unknown (or the person disabled). */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT u.id, u.username FROM calendar_feed c JOIN app_user u ON u.id = c.person_id
                WHERE c.token_hash = :h AND u.enabled = TRUE""").param("h", hash(token)).query().listOfRows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long person = ((Number) Objects.requireNonNull(rows.get(0).get("id"), "id")).longValue();
        String username = (String) Objects.requireNonNull(rows.get(0).get("username"), "username");
        List<Obligation> due = ActingAs.run(person, username, obligations::everythingVisible);
        return Optional.of(render(due, obligations.today()));
    }

    static String render(List<Obligation> obligations, LocalDate today) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Khien//Obligations//VI");
        line(ics, "X-WR-CALNAME:Khiên — nghĩa vụ");
        line(ics, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        String stamp = today.format(DAY) + "T000000Z";
        for (Obligation o : obligations) {
            if (o.dueOn() == null
                    || o.status() == ObligationStatus.NOT_APPLICABLE
                    || o.dueOn().isAfter(today.plusYears(1))) {
                continue;
            }
            line(ics, "BEGIN:VEVENT");
            line(
                    ics,
                    "UID:" + o.rule().id() + "-" + o.subject().kind() + "-"
                            + o.subject().id() + "-" + o.dueOn() + "@khien");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART;VALUE=DATE:" + o.dueOn().format(DAY));
            line(ics, "DTEND;VALUE=DATE:" + o.dueOn().plusDays(1).format(DAY));
            line(
                    ics,
                    "SUMMARY:"
                            + escape(o.rule().id() + " " + o.rule().titleVi() + " — "
                                    + o.subject().name()));
            line(ics, "DESCRIPTION:" + escape(o.rule().legalSource()));
            line(ics, "URL:" + o.rule().whereFor(o.subject()));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** RFC 5545: text escaping and lines folded at 75 octets. */
    private static void line(StringBuilder out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                out.append(' ');
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                    .append("\r\n");
            start = end;
            first = false;
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
