package vn.khien.obligations.awareness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.Notice;
import vn.khien.identity.Notifications;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * Awareness campaigns (R25): each round delivers the message to every enabled person of the audience as an
 * AWARENESS notice (mailed in the daily digest) carrying a personal acknowledgement link; acknowledgements are logged
 * and counted per organisation. Also answers R25 for the obligations: the last round an organisation's people got.
 */
@Service
class AwarenessService implements DutySource {

    static final Set<String> TOPICS = Set.of("RANSOMWARE", "PHISHING", "PASSWORDS", "OTHER");
    static final Set<String> REPEATS = Set.of("ONCE", "MONTHLY", "QUARTERLY");

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;

    AwarenessService(JdbcClient jdbc, OrgScope scope, AuditTrail audit, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    public record Created(long id, int delivered) {}

    @Transactional
    public Created create(CampaignRequest r) {
        if (r.organizationId() == null || !scope.canSee(r.organizationId())) {
            throw new FieldProblemException("organizationId", "awareness.error.organization");
        }
        if (!scope.can(r.organizationId(), Capability.EDIT_SECURITY_DATA)) {
            throw new ForbiddenActionException("awareness.error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (r.topic() == null || !TOPICS.contains(r.topic())) {
            problems.add(new FieldProblemException.FieldProblem("topic", "awareness.error.topic"));
        }
        if (r.title() == null || r.title().isBlank() || r.title().length() > 300) {
            problems.add(new FieldProblemException.FieldProblem("title", "validation.required"));
        }
        if (r.message() == null || r.message().isBlank()) {
            problems.add(new FieldProblemException.FieldProblem("message", "validation.required"));
        }
        String repeat = r.repeatEvery() == null ? "ONCE" : r.repeatEvery();
        if (!REPEATS.contains(repeat)) {
            problems.add(new FieldProblemException.FieldProblem("repeatEvery", "awareness.error.repeat"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO awareness_campaign (organization_id, topic, title, message, include_subtree, repeat_every,
                    created_at, created_by)
                VALUES (:org, :topic, :title, :message, :subtree, :repeat, :now, :by)""")
                .param("org", r.organizationId())
                .param("topic", r.topic())
                .param("title", r.title().strip())
                .param("message", r.message())
                .param("subtree", Boolean.TRUE.equals(r.includeSubtree()))
                .param("repeat", repeat)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int delivered = deliverRound(id, 1);
        audit.record(AuditEntry.of("AWARENESS_CAMPAIGN_SENT", r.organizationId(), "awareness_campaign", id)
                .with(Map.of("topic", r.topic(), "title", r.title(), "round", 1, "delivered", delivered)));
        return new Created(id, delivered);
    }

    /** Delivers one round to every enabled person holding a role in the audience; returns how many. */
    int deliverRound(long campaignId, int round) {
        Map<String, Object> c = jdbc.sql("""
                SELECT c.title, c.include_subtree, o.path, o.id FROM awareness_campaign c
                JOIN organization o ON o.id = c.organization_id WHERE c.id = :id""").param("id", campaignId).query().singleRow();
        boolean subtree = (Boolean) c.get("include_subtree");
        String path = (String) c.get("path");
        List<long[]> people = jdbc.sql(
                        """
                SELECT g.user_id, MIN(g.organization_id) FROM role_grant g JOIN organization o ON o.id = g.organization_id
                JOIN app_user u ON u.id = g.user_id
                WHERE u.enabled = TRUE AND g.role <> 'PLATFORM_ADMIN' AND\s""" + (subtree ? "o.path LIKE :p" : "o.id = :org") + " GROUP BY g.user_id ORDER BY g.user_id")
                .param(subtree ? "p" : "org", subtree ? path + "%" : ((Number) c.get("id")).longValue())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        int delivered = 0;
        for (long[] p : people) {
            String token = token();
            int inserted = jdbc.sql("""
                    INSERT INTO awareness_delivery (campaign_id, round_no, person_id, organization_id, token_hash,
                        delivered_at)
                    SELECT :c, :r, :p, :o, :h, :now WHERE NOT EXISTS (SELECT 1 FROM awareness_delivery
                        WHERE campaign_id = :c AND round_no = :r AND person_id = :p)""")
                    .param("c", campaignId)
                    .param("r", round)
                    .param("p", p[0])
                    .param("o", p[1])
                    .param("h", hash(token))
                    .param("now", now)
                    .update();
            if (inserted == 0) {
                continue;
            }
            delivered++;
            notifications.send(new Notice(
                    "AWARENESS",
                    "awareness.notice",
                    List.of((String) c.get("title")),
                    "/public/awareness/" + token,
                    "awareness:" + campaignId + ":" + round,
                    new Notice.Audience.People(List.of(p[0]))));
        }
        return delivered;
    }

    public record Delivery(
            long personId,
            String displayName,
            long organizationId,
            int round,
            Instant deliveredAt,
            Instant acknowledgedAt) {}

    public record Deliveries(
            long campaignId,
            int delivered,
            int acknowledged,
            List<Delivery> deliveries,
            Map<Long, int[]> byOrganization) {}

    @Transactional(readOnly = true)
    public Deliveries deliveries(long campaignId) {
        ScopeFilter f = scope.visible("o.path");
        if (jdbc.sql("SELECT COUNT(*) FROM awareness_campaign c JOIN organization o ON o.id = c.organization_id "
                                + "WHERE c.id = :id AND " + f.sql())
                        .params(f.params())
                        .param("id", campaignId)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new NotFoundException("campaign");
        }
        List<Delivery> list = jdbc.sql("""
                SELECT d.person_id, u.display_name, d.organization_id, d.round_no, d.delivered_at, d.acknowledged_at
                FROM awareness_delivery d JOIN app_user u ON u.id = d.person_id
                WHERE d.campaign_id = :id ORDER BY d.round_no, u.display_name""")
                .param("id", campaignId)
                .query((rs, n) -> new Delivery(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
        Map<Long, int[]> byOrg = new HashMap<>();
        list.forEach(d -> {
            int[] counts = byOrg.computeIfAbsent(d.organizationId(), k -> new int[2]);
            counts[0]++;
            if (d.acknowledgedAt() != null) {
                counts[1]++;
            }
        });
        int acknowledged =
                (int) list.stream().filter(d -> d.acknowledgedAt() != null).count();
        return new Deliveries(campaignId, list.size(), acknowledged, list, byOrg);
    }

    /** Records the acknowledgement behind a personal link; false for an unknown token. Audited, once. */
    @Transactional
    public boolean acknowledge(String token) {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT d.id, d.campaign_id, d.person_id, d.organization_id, d.acknowledged_at
                FROM awareness_delivery d WHERE d.token_hash = :h""").param("h", hash(token)).query().listOfRows();
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> d = rows.get(0);
        if (d.get("acknowledged_at") == null) {
            jdbc.sql("UPDATE awareness_delivery SET acknowledged_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", d.get("id"))
                    .update();
            long person = ((Number) d.get("person_id")).longValue();
            audit.recordStandalone(
                    AuditEntry.of(
                            "AWARENESS_ACKNOWLEDGED",
                            ((Number) d.get("organization_id")).longValue(),
                            "awareness_campaign",
                            d.get("campaign_id")),
                    person,
                    null);
        }
        return true;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R25");
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT d.organization_id, MAX(d.delivered_at), MAX(d.campaign_id) FROM awareness_delivery d
                WHERE d.organization_id IN (:ids) GROUP BY d.organization_id""")
                .param("ids", organizationIds)
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        DutyEvidence.met(
                                rs.getTimestamp(2)
                                        .toInstant()
                                        .atZone(clock.getZone())
                                        .toLocalDate(),
                                "awareness-campaign",
                                rs.getLong(3),
                                "/api/v1/awareness-campaigns/" + rs.getLong(3) + "/deliveries")))
                .list();
        return out;
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
