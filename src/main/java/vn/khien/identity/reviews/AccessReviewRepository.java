package vn.khien.identity.reviews;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.Role;
import vn.khien.access.ScopeFilter;

/**
 * Access reviews and the grants they decide: one method per workflow step (open, decide, revoke the grant, close) with
 * fixed SQL, reads scoped by {@link OrgScope} (a review of an organisation the caller cannot see is not found).
 */
@Repository
class AccessReviewRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    AccessReviewRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** The latest closed review of an organisation, the evidence of the duty. */
    record Closed(long id, long organizationId, String quarter, LocalDate periodEnd, Instant closedAt) {}

    /** An organisation where the caller is the head and this quarter's review is not closed. */
    record Due(
            long organizationId,
            String organizationName,
            @Nullable Long reviewId,
            long grants) {}

    /** The administrative grants held on exactly this organisation now, each as an undecided item. */
    List<AccessReview.Item> administrativeGrants(long organizationId, List<String> roles) {
        return jdbc.sql("""
                SELECT g.id, g.user_id, u.username, u.display_name, g.role, g.granted_at, gb.username AS granted_by,
                    u.last_sign_in_at
                FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN app_user gb ON gb.id = g.granted_by
                WHERE g.organization_id = :o AND g.role IN (:roles)
                ORDER BY g.role, u.username""")
                .param("o", organizationId)
                .param("roles", roles)
                .query((rs, n) -> new AccessReview.Item(
                        0,
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Role.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        instant(rs.getTimestamp(8)),
                        null,
                        null,
                        null,
                        null,
                        null))
                .list();
    }

    Optional<Long> idOf(long organizationId, String quarter) {
        return jdbc.sql("SELECT id FROM access_review WHERE organization_id = :o AND quarter = :q")
                .param("o", organizationId)
                .param("q", quarter)
                .query(Long.class)
                .optional();
    }

    /** Step "open": the review and one row per grant under review. */
    long open(AccessReview review) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_review (organization_id, quarter, period_start, period_end, status, opened_by,
                    opened_at)
                VALUES (:o, :q, :start, :end, 'OPEN', :by, :at)""")
                .param("o", review.organizationId())
                .param("q", review.quarter())
                .param("start", Date.valueOf(review.periodStart()))
                .param("end", Date.valueOf(review.periodEnd()))
                .param("by", review.openedBy(), Types.BIGINT)
                .param("at", Timestamp.from(review.openedAt()))
                .update(keys, "id");
        Number key = keys.getKey();
        if (key == null) {
            throw new IllegalStateException("no id generated for the access review");
        }
        long id = key.longValue();
        for (AccessReview.Item i : review.items()) {
            jdbc.sql("""
                    INSERT INTO access_review_item (review_id, grant_id, person_id, username, display_name, role,
                        granted_at, granted_by_username)
                    VALUES (:r, :g, :p, :u, :d, :role, :at, :by)""")
                    .param("r", id)
                    .param("g", i.grantId())
                    .param("p", i.personId())
                    .param("u", i.username())
                    .param("d", i.displayName())
                    .param("role", i.role().name())
                    .param("at", Timestamp.from(i.grantedAt()))
                    .param("by", i.grantedBy(), Types.VARCHAR)
                    .update();
        }
        return id;
    }

    /** A review of an organisation the caller may see. */
    Optional<AccessReview> findVisible(long id) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql("SELECT r.* FROM access_review r JOIN organization o ON o.id = r.organization_id"
                        + " WHERE r.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query((rs, n) -> review(rs))
                .optional()
                .map(r -> withItems(r));
    }

    /** Step "decide": writes one item's decision, once (false when another request decided it first). */
    boolean decide(long reviewId, AccessReview.Item item) {
        return jdbc.sql("""
                        UPDATE access_review_item SET decision = :d, reason = :reason, decided_by = :by,
                            decided_by_username = :byName, decided_at = :at
                        WHERE review_id = :r AND grant_id = :g AND decision IS NULL""")
                        .param(
                                "d",
                                item.decision() == null ? null : item.decision().name(),
                                Types.VARCHAR)
                        .param("reason", item.reason(), Types.VARCHAR)
                        .param("by", item.decidedBy(), Types.BIGINT)
                        .param("byName", item.decidedByUsername(), Types.VARCHAR)
                        .param(
                                "at",
                                item.decidedAt() == null ? null : Timestamp.from(item.decidedAt()),
                                Types.TIMESTAMP)
                        .param("r", reviewId)
                        .param("g", item.grantId())
                        .update()
                == 1;
    }

    /** The revocation a review decided: removes the grant itself (1 when it was still held, 0 when already gone). */
    int revokeGrant(long grantId, long organizationId) {
        return jdbc.sql("DELETE FROM role_grant WHERE id = :id AND organization_id = :o")
                .param("id", grantId)
                .param("o", organizationId)
                .update();
    }

    long grantsOfRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM role_grant WHERE role = :r")
                .param("r", role.name())
                .query(Long.class)
                .single();
    }

    boolean grantHeld(long grantId) {
        return jdbc.sql("SELECT COUNT(*) FROM role_grant WHERE id = :id")
                        .param("id", grantId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Step "close". */
    boolean close(AccessReview review) {
        return jdbc.sql("""
                        UPDATE access_review SET status = 'CLOSED', closed_by = :by, closed_at = :at
                        WHERE id = :id AND status = 'OPEN'""")
                        .param("by", review.closedBy(), Types.BIGINT)
                        .param(
                                "at",
                                review.closedAt() == null ? null : Timestamp.from(review.closedAt()),
                                Types.TIMESTAMP)
                        .param("id", review.id())
                        .update()
                == 1;
    }

    /** The reviews of a (visible) organisation, newest quarter first. */
    List<AccessReviewSummary> ofOrganization(long organizationId) {
        return jdbc.sql("""
                SELECT r.id, r.quarter, r.status, r.opened_at, r.closed_at,
                    (SELECT COUNT(*) FROM access_review_item i WHERE i.review_id = r.id),
                    (SELECT COUNT(*) FROM access_review_item i WHERE i.review_id = r.id AND i.decision IS NULL)
                FROM access_review r WHERE r.organization_id = :o ORDER BY r.quarter DESC""")
                .param("o", organizationId)
                .query((rs, n) -> new AccessReviewSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        AccessReview.Status.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    /** Each organisation's latest closed review (by quarter), for the duty's evidence. */
    Map<Long, Closed> latestClosed(Collection<Long> organizationIds) {
        Map<Long, Closed> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT r.id, r.organization_id, r.quarter, r.period_end, r.closed_at FROM access_review r
                WHERE r.status = 'CLOSED' AND r.organization_id IN (:ids) ORDER BY r.quarter""")
                .param("ids", organizationIds)
                .query((rs, n) -> new Closed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getTimestamp(5).toInstant()))
                .list()
                .forEach(c -> out.put(c.organizationId(), c));
        return out;
    }

    /** When the oldest administrative grant still held on each organisation was made; absent: none held. */
    Map<Long, Instant> oldestAdministrativeGrant(Collection<Long> organizationIds, List<String> roles) {
        Map<Long, Instant> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT g.organization_id, MIN(g.granted_at) FROM role_grant g
                WHERE g.organization_id IN (:ids) AND g.role IN (:roles) GROUP BY g.organization_id""")
                .param("ids", organizationIds)
                .param("roles", roles)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Organisations the caller heads (a reviewer role granted on the organisation itself) that hold administrative
     * grants and whose review of this quarter is not closed, with the open review if there is one.
     */
    List<Due> dueForCaller(String quarter, List<String> reviewerRoles, List<String> adminRoles) {
        return jdbc.sql("""
                SELECT o.id, o.name_vi, r.id,
                    (SELECT COUNT(*) FROM role_grant ag WHERE ag.organization_id = o.id AND ag.role IN (:admin))
                FROM organization o LEFT JOIN access_review r ON r.organization_id = o.id AND r.quarter = :q
                WHERE EXISTS (SELECT 1 FROM role_grant lg WHERE lg.organization_id = o.id AND lg.user_id = :me
                        AND lg.role IN (:reviewers))
                  AND EXISTS (SELECT 1 FROM role_grant ag WHERE ag.organization_id = o.id AND ag.role IN (:admin))
                  AND (r.id IS NULL OR r.status = 'OPEN')
                ORDER BY o.path""")
                .param("q", quarter)
                .param("me", CurrentPerson.idOrNobody())
                .param("reviewers", reviewerRoles)
                .param("admin", adminRoles)
                .query((rs, n) ->
                        new Due(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getLong(4)))
                .list();
    }

    private AccessReview withItems(AccessReview r) {
        List<AccessReview.Item> items =
                jdbc.sql("""
                SELECT i.*, u.last_sign_in_at FROM access_review_item i LEFT JOIN app_user u ON u.id = i.person_id
                WHERE i.review_id = :r ORDER BY i.role, i.username, i.id""").param("r", r.id()).query((rs, n) -> item(rs)).list();
        return new AccessReview(
                r.id(),
                r.organizationId(),
                r.quarter(),
                r.periodStart(),
                r.periodEnd(),
                r.status(),
                r.openedBy(),
                r.openedAt(),
                r.closedBy(),
                r.closedAt(),
                items);
    }

    private static AccessReview review(ResultSet rs) throws SQLException {
        return new AccessReview(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("quarter"),
                rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(),
                AccessReview.Status.valueOf(rs.getString("status")),
                (Long) rs.getObject("opened_by", Long.class),
                rs.getTimestamp("opened_at").toInstant(),
                (Long) rs.getObject("closed_by", Long.class),
                instant(rs.getTimestamp("closed_at")),
                List.of());
    }

    private static AccessReview.Item item(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        return new AccessReview.Item(
                rs.getLong("id"),
                rs.getLong("grant_id"),
                rs.getLong("person_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getString("granted_by_username"),
                instant(rs.getTimestamp("last_sign_in_at")),
                decision == null ? null : AccessReview.Decision.valueOf(decision),
                rs.getString("reason"),
                (Long) rs.getObject("decided_by", Long.class),
                rs.getString("decided_by_username"),
                instant(rs.getTimestamp("decided_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
