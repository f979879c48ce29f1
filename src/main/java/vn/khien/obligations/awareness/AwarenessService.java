package vn.khien.obligations.awareness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Awareness campaigns (R25). A campaign's round delivers its message to every person of the audience: the people
 * holding a role in the organisation (or its subtree) with an e-mail address, or the addresses of the uploaded list.
 * Each delivery is then mailed by {@link AwarenessMailer} with a personal acknowledgement link; acknowledgements are
 * logged and counted per organisation. Repeating campaigns send their next round when it falls due
 * ({@link #sendDueRounds}), once per period: the round's row is unique per campaign and number.
 */
@Service
class AwarenessService {

    static final AwarenessTopics TOPICS = AwarenessTopics.load();

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    AwarenessService(JdbcClient jdbc, OrgScope scope, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A campaign saved: its first round goes out on {@code firstRoundOn}, sent by the rounds job (not by the request). */
    public record Created(long id, LocalDate firstRoundOn) {}

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    @Transactional
    public Created create(CampaignRequest r) {
        if (r.organizationId() == null || !scope.canSee(r.organizationId())) {
            throw new FieldProblemException("organizationId", "awareness.error.organization");
        }
        if (!scope.can(r.organizationId(), Capability.EDIT_SECURITY_DATA)) {
            throw new ForbiddenActionException("awareness.error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (r.topic() == null || !TOPICS.has(r.topic())) {
            problems.add(new FieldProblemException.FieldProblem(
                    "topic", "awareness.error.topic", String.join(", ", TOPICS.ids())));
        }
        if (r.title() == null || r.title().isBlank() || r.title().length() > 300) {
            problems.add(new FieldProblemException.FieldProblem("title", "awareness.error.title"));
        }
        if (r.message() == null || r.message().isBlank() || r.message().length() > 20_000) {
            problems.add(new FieldProblemException.FieldProblem("message", "awareness.error.message"));
        }
        Campaign.Repeat repeat = parse(Campaign.Repeat.class, r.repeatEvery() == null ? "ONCE" : r.repeatEvery());
        if (repeat == null) {
            problems.add(new FieldProblemException.FieldProblem("repeatEvery", "awareness.error.repeat"));
        }
        Campaign.Audience audience = parse(Campaign.Audience.class, r.audienceOrDefault());
        if (audience == null) {
            problems.add(new FieldProblemException.FieldProblem("audience", "awareness.error.audience"));
        }
        LocalDate today = today();
        LocalDate startsOn = r.startsOn() == null ? today : r.startsOn();
        if (startsOn.isBefore(today) || startsOn.isAfter(today.plusYears(1))) {
            problems.add(new FieldProblemException.FieldProblem("startsOn", "awareness.error.startsOn"));
        }
        List<RecipientList.Recipient> recipients = List.of();
        if (audience == Campaign.Audience.LIST) {
            List<String[]> lines = new ArrayList<>();
            if (r.recipients() != null) {
                r.recipients().forEach(x -> lines.add(x == null ? new String[0] : new String[] {x.email(), x.name()}));
            }
            RecipientList.Result list = RecipientList.check(lines);
            if (!list.problems().isEmpty()) {
                list.problems()
                        .forEach(p -> problems.add(new FieldProblemException.FieldProblem(
                                p.line() == 0 ? "recipients" : "recipients[" + (p.line() - 1) + "]." + p.field(),
                                p.messageKey(),
                                p.args().toArray())));
            }
            recipients = list.recipients();
        } else if (r.recipients() != null && !r.recipients().isEmpty()) {
            problems.add(new FieldProblemException.FieldProblem("recipients", "awareness.error.recipientsNotList"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO awareness_campaign (organization_id, topic, title, message, include_subtree, repeat_every,
                    audience, starts_on, created_at, created_by)
                VALUES (:org, :topic, :title, :message, :subtree, :repeat, :audience, :starts, :now, :by)""")
                .param("org", r.organizationId())
                .param("topic", r.topic())
                .param("title", r.title().strip())
                .param("message", r.message().strip())
                .param("subtree", audience == Campaign.Audience.SUBTREE)
                .param("repeat", repeat.name())
                .param("audience", audience.name())
                .param("starts", Date.valueOf(startsOn))
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (RecipientList.Recipient x : recipients) {
            jdbc.sql("""
                    INSERT INTO awareness_recipient (campaign_id, email, display_name, line_no)
                    VALUES (:c, :e, :n, :l)""")
                    .param("c", id)
                    .param("e", x.email())
                    .param("n", x.name())
                    .param("l", x.line())
                    .update();
        }
        audit.record(AuditEntry.of("AWARENESS_CAMPAIGN_CREATED", r.organizationId(), "awareness_campaign", id)
                .with(Map.of(
                        "topic", r.topic(),
                        "title", r.title().strip(),
                        "audience", audience.name(),
                        "repeatEvery", repeat.name(),
                        "startsOn", startsOn.toString(),
                        "listed", recipients.size())));
        // the request only schedules: the rounds job (AwarenessJobs) sends the first round once it is due
        return new Created(id, startsOn);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Sends round {@code round} unless it was sent already (by this or another node): returns how many deliveries it
     * made, 0 when the round existed. Runs in the caller's transaction.
     */
    int sendRound(long campaignId, int round, LocalDate dueOn) {
        // the campaign's row lock orders two nodes sending the same round: the second finds the first's round row
        boolean stopped = jdbc.sql("SELECT stopped_at FROM awareness_campaign WHERE id = :id FOR UPDATE")
                .param("id", campaignId)
                .query((rs, n) -> rs.getTimestamp(1) != null)
                .single();
        if (stopped) {
            // stopped while this run was deciding: the stop wins
            return 0;
        }
        Map<String, Object> c = jdbc.sql("""
                SELECT c.audience, c.organization_id, o.path FROM awareness_campaign c
                JOIN organization o ON o.id = c.organization_id WHERE c.id = :id""").param("id", campaignId).query().singleRow();
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM awareness_round WHERE campaign_id = :c AND round_no = :r")
                        .param("c", campaignId)
                        .param("r", round)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return 0;
        }
        long org = ((Number) c.get("organization_id")).longValue();
        Timestamp now = Timestamp.from(clock.instant());
        String sql = switch (Campaign.Audience.valueOf((String) c.get("audience"))) {
            case LIST -> """
                            SELECT NULL AS person_id, c.organization_id, r.email, r.display_name
                            FROM awareness_recipient r JOIN awareness_campaign c ON c.id = r.campaign_id
                            WHERE r.campaign_id = :c ORDER BY r.line_no""";
            case ORGANIZATION -> people("o.id = :org");
            case SUBTREE -> people("o.path LIKE :path");
        };
        List<Object[]> audience = jdbc.sql(sql)
                .param("org", org)
                .param("c", campaignId)
                .param("path", c.get("path") + "%")
                .query((rs, n) -> new Object[] {
                    rs.getObject(1) == null ? null : rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)
                })
                .list();
        jdbc.sql("""
                INSERT INTO awareness_round (campaign_id, round_no, due_on, sent_at, recipients)
                VALUES (:c, :r, :due, :now, :n)""")
                .param("c", campaignId)
                .param("r", round)
                .param("due", Date.valueOf(dueOn))
                .param("now", now)
                .param("n", audience.size())
                .update();
        // the round keeps the message it goes out with, whatever later edits say
        jdbc.sql("""
                INSERT INTO awareness_round_message (campaign_id, round_no, message)
                SELECT id, :r, message FROM awareness_campaign WHERE id = :c""").param("c", campaignId).param("r", round).update();
        for (Object[] p : audience) {
            jdbc.sql("""
                    INSERT INTO awareness_delivery (campaign_id, round_no, person_id, organization_id, token_hash,
                        delivered_at, email, display_name)
                    VALUES (:c, :r, :p, :o, :h, :now, :e, :n)""")
                    .param("c", campaignId)
                    .param("r", round)
                    .param("p", p[0])
                    .param("o", p[1])
                    .param("h", hash(token()))
                    .param("now", now)
                    .param("e", p[2])
                    .param("n", p[3])
                    .update();
        }
        audit.record(AuditEntry.of("AWARENESS_ROUND_SENT", org, "awareness_campaign", campaignId)
                .with(Map.of("round", round, "dueOn", dueOn.toString(), "delivered", audience.size())));
        return audience.size();
    }

    /**
     * Enabled people with an address holding a role (other than the platform's) where the condition says, minus those
     * who stopped awareness mails (the AWARENESS category may be refused: rules/obligations/mail.yaml).
     */
    private static String people(String where) {
        return """
                SELECT g.user_id AS person_id, MIN(g.organization_id) AS organization_id, MIN(u.email),
                    MIN(u.display_name)
                FROM role_grant g JOIN organization o ON o.id = g.organization_id JOIN app_user u ON u.id = g.user_id
                WHERE u.enabled = TRUE AND u.email IS NOT NULL AND u.email <> '' AND g.role <> 'PLATFORM_ADMIN'
                  AND NOT EXISTS (SELECT 1 FROM mail_opt_out m WHERE m.person_id = u.id AND m.category = 'AWARENESS')
                  AND\s""" + where + " GROUP BY g.user_id ORDER BY g.user_id";
    }

    /**
     * The rounds that fell due by today and were not sent yet, each campaign in its own transaction: a repeating
     * campaign sends the round of the current period (a period the server missed is not sent late as well).
     */
    public int sendDueRounds() {
        return sendDueRoundsOf().size();
    }

    /** Like {@link #sendDueRounds()}, returning the campaigns that sent a round (whose mails are to go out). */
    public List<Long> sendDueRoundsOf() {
        LocalDate today = today();
        List<Campaign> campaigns = jdbc.sql(
                        select("(c.stopped_at IS NULL AND c.starts_on <= :today)") + " ORDER BY c.id")
                .param("today", Date.valueOf(today))
                .query(AwarenessService::campaign)
                .list();
        List<Long> sent = new ArrayList<>();
        for (Campaign c : campaigns) {
            int due = c.stopped() ? 0 : c.dueRound(today);
            if (due == 0 || lastRound(c.id()) >= due) {
                continue;
            }
            Integer delivered = tx.execute(s -> lastRound(c.id()) >= due ? 0 : sendRound(c.id(), due, c.dueOn(due)));
            if (delivered != null && delivered > 0) {
                sent.add(c.id());
            }
        }
        return sent;
    }

    private int lastRound(long campaignId) {
        return jdbc.sql("SELECT COALESCE(MAX(round_no), 0) FROM awareness_round WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(Integer.class)
                .single();
    }

    private static String select(String where) {
        return """
                SELECT c.id, c.organization_id, o.name_vi, c.topic, c.title, c.message, c.audience, c.repeat_every,
                    c.starts_on, c.created_at,
                    (SELECT COUNT(*) FROM awareness_round r WHERE r.campaign_id = c.id),
                    (SELECT COUNT(*) FROM awareness_delivery d WHERE d.campaign_id = c.id),
                    (SELECT COUNT(*) FROM awareness_delivery d WHERE d.campaign_id = c.id
                        AND d.acknowledged_at IS NOT NULL),
                    c.stopped_at
                FROM awareness_campaign c JOIN organization o ON o.id = c.organization_id WHERE\s""" + where;
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        return new Campaign(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Campaign.Audience.valueOf(rs.getString(7)),
                Campaign.Repeat.valueOf(rs.getString(8)),
                rs.getDate(9).toLocalDate(),
                rs.getTimestamp(10).toInstant(),
                rs.getInt(11),
                rs.getInt(12),
                rs.getInt(13),
                rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
    }

    /**
     * Stops a repeating campaign of an organisation the caller may send for (the right that created it); audited. A
     * campaign already stopped, or a one-off, is refused on the field {@code action}.
     */
    @Transactional
    public Campaign stop(long id) {
        Campaign campaign = campaign(id);
        if (!canSend(campaign.organizationId())) {
            throw new ForbiddenActionException("awareness.error.forbidden");
        }
        Campaign stopped = campaign.stop(clock.instant());
        int n = jdbc.sql("UPDATE awareness_campaign SET stopped_at = :at, stopped_by = :by"
                        + " WHERE id = :id AND stopped_at IS NULL")
                .param("at", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .param("id", id)
                .update();
        if (n != 1) {
            throw new FieldProblemException("action", "awareness.error.alreadyStopped");
        }
        audit.record(AuditEntry.of("AWARENESS_CAMPAIGN_STOPPED", campaign.organizationId(), "awareness_campaign", id)
                .with(Map.of(
                        "rounds",
                        stopped.rounds(),
                        "repeatEvery",
                        stopped.repeatEvery().name())));
        return campaign(id);
    }

    /**
     * Edits a campaign of an organisation the caller may send for; audited with what changed. Before any round was
     * sent everything but the organisation may change; after, a change to the topic, title or audience is refused on
     * its field, and the schedule is the day of the next round ({@code nextRoundOn}). A stopped campaign is refused.
     */
    @Transactional
    public Campaign update(long id, CampaignEdit r) {
        Campaign before = campaign(id);
        if (!canSend(before.organizationId())) {
            throw new ForbiddenActionException("awareness.error.forbidden");
        }
        // the row lock orders the edit against a round being sent by the job: the edit sees the round or precedes it
        jdbc.sql("SELECT id FROM awareness_campaign WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .single();
        Campaign c = campaign(id);
        if (!c.editable()) {
            throw new FieldProblemException("action", "awareness.error.stoppedNotEditable");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        boolean sent = c.sent();
        String topic = r.topic() == null ? c.topic() : r.topic().strip();
        String title = r.title() == null ? c.title() : r.title().strip();
        String message = r.message() == null ? c.message() : r.message().strip();
        Campaign.Audience audience = r.audience() == null ? c.audience() : parse(Campaign.Audience.class, r.audience());
        Campaign.Repeat repeat =
                r.repeatEvery() == null ? c.repeatEvery() : parse(Campaign.Repeat.class, r.repeatEvery());
        if (sent) {
            if (!topic.equals(c.topic())) {
                problems.add(new FieldProblemException.FieldProblem("topic", "awareness.error.sentLocked"));
            }
            if (!title.equals(c.title())) {
                problems.add(new FieldProblemException.FieldProblem("title", "awareness.error.sentLocked"));
            }
            if (audience != c.audience() || r.recipients() != null) {
                problems.add(new FieldProblemException.FieldProblem("audience", "awareness.error.sentLocked"));
            }
            if (r.startsOn() != null && !r.startsOn().equals(c.startsOn())) {
                problems.add(new FieldProblemException.FieldProblem("startsOn", "awareness.error.sentLocked"));
            }
        }
        if (!TOPICS.has(topic)) {
            problems.add(new FieldProblemException.FieldProblem(
                    "topic", "awareness.error.topic", String.join(", ", TOPICS.ids())));
        }
        if (title.isEmpty() || title.length() > 300) {
            problems.add(new FieldProblemException.FieldProblem("title", "awareness.error.title"));
        }
        if (message.isEmpty() || message.length() > 20_000) {
            problems.add(new FieldProblemException.FieldProblem("message", "awareness.error.message"));
        }
        if (audience == null) {
            problems.add(new FieldProblemException.FieldProblem("audience", "awareness.error.audience"));
        }
        if (repeat == null) {
            problems.add(new FieldProblemException.FieldProblem("repeatEvery", "awareness.error.repeat"));
        }
        LocalDate today = today();
        LocalDate startsOn = c.startsOn();
        if (!sent) {
            startsOn = r.startsOn() == null ? c.startsOn() : r.startsOn();
            if (r.startsOn() != null && (startsOn.isBefore(today) || startsOn.isAfter(today.plusYears(1)))) {
                problems.add(new FieldProblemException.FieldProblem("startsOn", "awareness.error.startsOn"));
            }
        } else if (repeat != null && repeat != Campaign.Repeat.ONCE) {
            LocalDate next = r.nextRoundOn() != null
                    ? r.nextRoundOn()
                    : c.nextRoundOn() != null && !c.nextRoundOn().isBefore(today) ? c.nextRoundOn() : today;
            if (next.isBefore(today) || next.isAfter(today.plusYears(1))) {
                problems.add(new FieldProblemException.FieldProblem("nextRoundOn", "awareness.error.nextRoundOn"));
            } else {
                startsOn = c.startFor(repeat, next);
            }
        }
        List<RecipientList.Recipient> recipients = null;
        if (!sent && audience == Campaign.Audience.LIST && r.recipients() != null) {
            List<String[]> lines = new ArrayList<>();
            r.recipients().forEach(x -> lines.add(x == null ? new String[0] : new String[] {x.email(), x.name()}));
            RecipientList.Result list = RecipientList.check(lines);
            list.problems()
                    .forEach(p -> problems.add(new FieldProblemException.FieldProblem(
                            p.line() == 0 ? "recipients" : "recipients[" + (p.line() - 1) + "]." + p.field(),
                            p.messageKey(),
                            p.args().toArray())));
            recipients = list.recipients();
        } else if (!sent && audience == Campaign.Audience.LIST && c.audience() != Campaign.Audience.LIST) {
            problems.add(new FieldProblemException.FieldProblem("recipients", "awareness.list.missing"));
        } else if (!sent && audience != Campaign.Audience.LIST && r.recipients() != null) {
            problems.add(new FieldProblemException.FieldProblem("recipients", "awareness.error.recipientsNotList"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        // rounds sent before rounds kept their message (earlier versions) keep the message they were sent with
        jdbc.sql("""
                INSERT INTO awareness_round_message (campaign_id, round_no, message)
                SELECT r.campaign_id, r.round_no, c.message FROM awareness_round r
                JOIN awareness_campaign c ON c.id = r.campaign_id
                WHERE r.campaign_id = :c AND NOT EXISTS (SELECT 1 FROM awareness_round_message m
                    WHERE m.campaign_id = r.campaign_id AND m.round_no = r.round_no)""").param("c", id).update();
        jdbc.sql("""
                UPDATE awareness_campaign SET topic = :topic, title = :title, message = :message, audience = :audience,
                    include_subtree = :subtree, repeat_every = :repeat, starts_on = :starts WHERE id = :id""")
                .param("topic", topic)
                .param("title", title)
                .param("message", message)
                .param("audience", audience.name())
                .param("subtree", audience == Campaign.Audience.SUBTREE)
                .param("repeat", repeat.name())
                .param("starts", Date.valueOf(startsOn))
                .param("id", id)
                .update();
        if (audience != Campaign.Audience.LIST || recipients != null) {
            jdbc.sql("DELETE FROM awareness_recipient WHERE campaign_id = :c")
                    .param("c", id)
                    .update();
        }
        if (recipients != null) {
            for (RecipientList.Recipient x : recipients) {
                jdbc.sql("""
                        INSERT INTO awareness_recipient (campaign_id, email, display_name, line_no)
                        VALUES (:c, :e, :n, :l)""")
                        .param("c", id)
                        .param("e", x.email())
                        .param("n", x.name())
                        .param("l", x.line())
                        .update();
            }
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!topic.equals(c.topic())) {
            changed.put("topic", topic);
        }
        if (!title.equals(c.title())) {
            changed.put("title", title);
        }
        if (!message.equals(c.message())) {
            changed.put("message", message);
        }
        if (audience != c.audience()) {
            changed.put("audience", audience.name());
        }
        if (recipients != null) {
            changed.put("listed", recipients.size());
        }
        if (repeat != c.repeatEvery()) {
            changed.put("repeatEvery", repeat.name());
        }
        if (!startsOn.equals(c.startsOn())) {
            changed.put("startsOn", startsOn.toString());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roundsSent", c.rounds());
        details.put("changed", changed);
        audit.record(AuditEntry.of("AWARENESS_CAMPAIGN_EDITED", c.organizationId(), "awareness_campaign", id)
                .with(details));
        return campaign(id);
    }

    /** Campaigns of the organisations the caller may see, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> list() {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql(select(f.sql()) + " ORDER BY c.created_at DESC, c.id DESC LIMIT 500")
                .params(f.params())
                .query(AwarenessService::campaign)
                .list();
    }

    /** One campaign the caller may see, or 404. */
    @Transactional(readOnly = true)
    public Campaign campaign(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("campaign"));
    }

    private Optional<Campaign> find(long id) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql(select("c.id = :id AND " + f.sql()))
                .params(f.params())
                .param("id", id)
                .query(AwarenessService::campaign)
                .optional();
    }

    public record Option(long id, String name) {}

    /** The organisations the caller may send a campaign for (EDIT_SECURITY_DATA held there or above). */
    @Transactional(readOnly = true)
    public List<Option> sendableOrganizations() {
        ScopeFilter f = scope.holding("o.path", Capability.EDIT_SECURITY_DATA);
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE " + f.sql() + " ORDER BY o.path LIMIT 1000")
                .params(f.params())
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    public boolean canSend(long organizationId) {
        return scope.can(organizationId, Capability.EDIT_SECURITY_DATA);
    }

    public record Delivery(
            Long personId,
            String displayName,
            String email,
            long organizationId,
            int round,
            Instant deliveredAt,
            Instant mailedAt,
            Instant acknowledgedAt) {}

    public record Share(long organizationId, String name, int delivered, int acknowledged) {
        public int percent() {
            return delivered == 0 ? 0 : (int) Math.round(100.0 * acknowledged / delivered);
        }
    }

    public record Deliveries(
            long campaignId,
            int delivered,
            int acknowledged,
            List<Delivery> deliveries,
            Map<Long, int[]> byOrganization,
            List<Share> shares) {}

    @Transactional(readOnly = true)
    public Deliveries deliveries(long campaignId) {
        campaign(campaignId);
        List<Delivery> list = jdbc.sql("""
                SELECT d.person_id, COALESCE(u.display_name, d.display_name), COALESCE(d.email, u.email),
                    d.organization_id, d.round_no, d.delivered_at, d.mailed_at, d.acknowledged_at
                FROM awareness_delivery d LEFT JOIN app_user u ON u.id = d.person_id
                WHERE d.campaign_id = :id ORDER BY d.round_no DESC, 2, d.id""")
                .param("id", campaignId)
                .query((rs, n) -> new Delivery(
                        rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8))))
                .list();
        Map<Long, int[]> byOrg = new LinkedHashMap<>();
        list.forEach(d -> {
            int[] counts = byOrg.computeIfAbsent(d.organizationId(), k -> new int[2]);
            counts[0]++;
            if (d.acknowledgedAt() != null) {
                counts[1]++;
            }
        });
        Map<Long, String> names = new HashMap<>();
        if (!byOrg.isEmpty()) {
            jdbc.sql("SELECT id, name_vi FROM organization WHERE id IN (:ids)")
                    .param("ids", byOrg.keySet())
                    .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        List<Share> shares = byOrg.entrySet().stream()
                .map(e -> new Share(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted((a, b) -> a.percent() != b.percent()
                        ? Integer.compare(a.percent(), b.percent())
                        : a.name().compareTo(b.name()))
                .toList();
        int acknowledged =
                (int) list.stream().filter(d -> d.acknowledgedAt() != null).count();
        return new Deliveries(campaignId, list.size(), acknowledged, list, byOrg, shares);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** What the personal link shows: the campaign's title and message, and whether it was acknowledged already. */
    public record Acknowledgement(String title, String message, String name, Instant acknowledgedAt) {}

    @Transactional(readOnly = true)
    public Optional<Acknowledgement> byToken(String token) {
        return jdbc.sql("""
                SELECT c.title, COALESCE(r.message, c.message), COALESCE(u.display_name, d.display_name),
                    d.acknowledged_at
                FROM awareness_delivery d JOIN awareness_campaign c ON c.id = d.campaign_id
                LEFT JOIN awareness_round_message r ON r.campaign_id = d.campaign_id AND r.round_no = d.round_no
                LEFT JOIN app_user u ON u.id = d.person_id WHERE d.token_hash = :h""")
                .param("h", hash(token))
                .query((rs, n) -> new Acknowledgement(
                        rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))))
                .optional();
    }

    /** Records the acknowledgement behind a personal link; false for an unknown token. Audited, once. */
    @Transactional
    public boolean acknowledge(String token) {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT d.id, d.campaign_id, d.person_id, d.organization_id, d.acknowledged_at, d.email
                FROM awareness_delivery d WHERE d.token_hash = :h FOR UPDATE""").param("h", hash(token)).query().listOfRows();
        if (rows.isEmpty()) {
            return false;
        }
        record(rows.get(0));
        return true;
    }

    /** A message delivered to the signed-in person and not yet acknowledged. */
    public record Pending(long deliveryId, long campaignId, String title, String message, Instant deliveredAt) {}

    /** The signed-in person's messages not yet acknowledged, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<Pending> pendingForMe() {
        return jdbc.sql("""
                SELECT d.id, d.campaign_id, c.title, COALESCE(r.message, c.message), d.delivered_at
                FROM awareness_delivery d JOIN awareness_campaign c ON c.id = d.campaign_id
                LEFT JOIN awareness_round_message r ON r.campaign_id = d.campaign_id AND r.round_no = d.round_no
                WHERE d.person_id = :p AND d.acknowledged_at IS NULL
                ORDER BY d.delivered_at DESC, d.id DESC LIMIT 50""")
                .param("p", CurrentPerson.idOrNobody())
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * The signed-in person acknowledges one of their own messages (without the mail's link); another person's
     * delivery is 404. Audited once, like the link's acknowledgement.
     */
    @Transactional
    public void acknowledgeMine(long deliveryId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT d.id, d.campaign_id, d.person_id, d.organization_id, d.acknowledged_at, d.email
                FROM awareness_delivery d WHERE d.id = :id AND d.person_id = :p FOR UPDATE""")
                .param("id", deliveryId)
                .param("p", CurrentPerson.idOrNobody())
                .query()
                .listOfRows();
        if (rows.isEmpty()) {
            throw new NotFoundException("awareness");
        }
        record(rows.get(0));
    }

    private void record(Map<String, Object> d) {
        if (d.get("acknowledged_at") != null) {
            return;
        }
        jdbc.sql("UPDATE awareness_delivery SET acknowledged_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", d.get("id"))
                .update();
        // in the same transaction as the acknowledgement; the reader is named in the details
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delivery", ((Number) d.get("id")).longValue());
        if (d.get("person_id") != null) {
            details.put("person", ((Number) d.get("person_id")).longValue());
        }
        if (d.get("email") != null) {
            details.put("email", d.get("email"));
        }
        audit.record(AuditEntry.of(
                        "AWARENESS_ACKNOWLEDGED",
                        ((Number) d.get("organization_id")).longValue(),
                        "awareness_campaign",
                        d.get("campaign_id"))
                .with(details));
    }

    String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Last delivery per organisation for R25, the campaign it belongs to as evidence. */
    Map<Long, Object[]> lastDeliveries(Collection<Long> organizationIds) {
        Map<Long, Object[]> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT d.organization_id, MAX(d.delivered_at), MAX(d.campaign_id) FROM awareness_delivery d
                WHERE d.organization_id IN (:ids) GROUP BY d.organization_id""")
                .param("ids", organizationIds)
                .query((rs, n) -> out.put(rs.getLong(1), new Object[] {
                    rs.getTimestamp(2).toInstant().atZone(ZONE).toLocalDate(), rs.getLong(3)
                }))
                .list();
        return out;
    }
}
