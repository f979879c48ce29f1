package vn.khien.identity.throttle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/**
 * What an administrator sees of attacks on sign-in (ADR 0017): failed and throttled sign-ins from the audit trail and
 * the delays in force now, only for accounts of their subtree. Events tied to no organisation (an unknown name, a
 * source address) are platform-wide: only platform administrators see them.
 */
@Component
class SecurityEvents {

    static final List<String> ACTIONS = List.of("SIGN_IN_FAILED", "SIGN_IN_THROTTLED");

    public record Event(
            long id,
            Instant occurredAt,
            String action,
            String username,
            String sourceAddress,
            Long organizationId,
            String organizationName,
            String details) {}

    public record ActiveDelay(
            String kind,
            String label,
            String organizationName,
            int failures,
            int refused,
            Instant lastFailureAt,
            Instant blockedUntil) {}

    public record Page(List<Event> events, long total, List<ActiveDelay> delays) {}

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final Clock clock;

    SecurityEvents(JdbcClient jdbc, OrgScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    /** Whether the caller administers or audits anything at all (else the view is forbidden). */
    boolean mayView() {
        return scope.isPlatformAdmin()
                || jdbc.sql("SELECT COUNT(*) FROM organization o WHERE " + filter().sql())
                                .params(filter().params())
                                .query(Long.class)
                                .single()
                        > 0;
    }

    Page page(int page, int size) {
        ScopeFilter f = filter();
        Map<String, Object> params = new HashMap<>(f.params());
        params.put("platformAdmin", scope.isPlatformAdmin());
        params.put("actions", ACTIONS);
        String where = " FROM audit_event a LEFT JOIN organization o ON o.id = a.organization_id"
                + " WHERE a.action IN (:actions) AND ((a.organization_id IS NOT NULL AND " + f.sql()
                + ") OR (a.organization_id IS NULL AND :platformAdmin = TRUE))";
        long total = jdbc.sql("SELECT COUNT(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Event> events = jdbc.sql("SELECT a.id, a.occurred_at, a.action, a.actor_username, a.source_ip,"
                        + " a.organization_id, o.name_vi, a.details" + where
                        + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Event(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, Long.class),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
        params.put("now", Timestamp.from(clock.instant()));
        List<ActiveDelay> delays = jdbc.sql(
                        """
                SELECT t.kind, t.label, o.name_vi, t.failures, t.refused, t.last_failure_at, t.blocked_until
                FROM login_throttle t LEFT JOIN organization o ON o.id = t.organization_id
                WHERE t.blocked_until > :now AND ((t.organization_id IS NOT NULL AND\s""" + f.sql()
                                + ") OR (t.organization_id IS NULL AND :platformAdmin = TRUE)) ORDER BY t.blocked_until DESC LIMIT 200")
                .params(params)
                .query((rs, n) -> new ActiveDelay(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()))
                .list();
        return new Page(events, total, delays);
    }

    private ScopeFilter filter() {
        return scope.holdingAny("o.path", "sec", Capability.MANAGE_USERS, Capability.READ_AUDIT);
    }
}
