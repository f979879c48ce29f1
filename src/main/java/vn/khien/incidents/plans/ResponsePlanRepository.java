package vn.khien.incidents.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/**
 * Response plans of systems. A system is reached through its owner's or operator's subtree (scope predicate ANDed
 * into the query); approval needs the capability on the owner's subtree only. One method per workflow step.
 */
@Repository
class ResponsePlanRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    ResponsePlanRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    record SystemRef(long id, String name, @Nullable Integer level, long ownerOrganizationId) {}

    private static final String SYSTEM = """
            SELECT s.id, s.name, s.approved_level, s.owner_organization_id FROM information_system s
            JOIN organization sown ON sown.id = s.owner_organization_id JOIN organization op ON op.id = s.operator_organization_id""";

    /** The system when the caller holds the capability on its owner or its operator. */
    Optional<SystemRef> system(long systemId, Capability capability) {
        ScopeFilter own = scope.holding("sown.path", capability);
        ScopeFilter op = scope.holdingAny("op.path", "oper", capability);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(op.params());
        return jdbc.sql(SYSTEM + " WHERE s.id = :id AND (" + own.sql() + " OR " + op.sql() + ")")
                .params(params)
                .param("id", systemId)
                .query(ResponsePlanRepository::system)
                .optional();
    }

    /** The system when the caller holds the capability on its owner (approval is the owner's). */
    Optional<SystemRef> systemOfOwner(long systemId, Capability capability) {
        ScopeFilter own = scope.holding("sown.path", capability);
        return jdbc.sql(SYSTEM + " WHERE s.id = :id AND " + own.sql())
                .params(own.params())
                .param("id", systemId)
                .query(ResponsePlanRepository::system)
                .optional();
    }

    /** Unscoped, for the system-change listeners (events carry no person). */
    Optional<SystemRef> systemUnscoped(long systemId) {
        return jdbc.sql(SYSTEM + " WHERE s.id = :id")
                .param("id", systemId)
                .query(ResponsePlanRepository::system)
                .optional();
    }

    private static SystemRef system(ResultSet rs, int n) throws SQLException {
        return new SystemRef(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getLong(4));
    }

    private static final String PLAN = """
            SELECT id, system_id, plan_version, outline_id, status, system_level, needs_update, update_reason,
              update_raised_at, created_at, updated_at, approver_name, approved_at FROM response_plan""";

    /** Every version of the system's plan, newest first (the caller reached the system through its scope). */
    List<ResponsePlan> plans(long systemId) {
        Map<Long, Map<String, String>> sections = new HashMap<>();
        jdbc.sql("SELECT c.plan_id, c.section_key, c.content FROM response_plan_section c JOIN response_plan p"
                        + " ON p.id = c.plan_id WHERE p.system_id = :s")
                .param("s", systemId)
                .query((rs, n) -> sections.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)))
                .list();
        return jdbc.sql(PLAN + " WHERE system_id = :s ORDER BY plan_version DESC")
                .param("s", systemId)
                .query((rs, n) -> new ResponsePlan(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getString(4),
                        ResponsePlanStatus.valueOf(rs.getString(5)),
                        (Integer) rs.getObject(6, Integer.class),
                        rs.getBoolean(7),
                        rs.getString(8),
                        instant(rs.getTimestamp(9)),
                        rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11).toInstant(),
                        rs.getString(12),
                        instant(rs.getTimestamp(13)),
                        Map.copyOf(sections.getOrDefault(rs.getLong(1), Map.of()))))
                .list();
    }

    Optional<ResponsePlan> plan(long systemId, long planId) {
        return plans(systemId).stream().filter(p -> p.id() == planId).findFirst();
    }

    Optional<ResponsePlan> draft(long systemId) {
        return plans(systemId).stream()
                .filter(p -> p.status() == ResponsePlanStatus.DRAFT)
                .findFirst();
    }

    Optional<ResponsePlan> inForce(long systemId) {
        return plans(systemId).stream()
                .filter(p -> p.status() == ResponsePlanStatus.APPROVED)
                .findFirst();
    }

    long insertDraft(long systemId, String outlineId, @Nullable Integer level, @Nullable Long by, Instant now) {
        int version = jdbc.sql("SELECT COALESCE(MAX(plan_version), 0) + 1 FROM response_plan WHERE system_id = :s")
                .param("s", systemId)
                .query(Integer.class)
                .single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO response_plan (system_id, plan_version, outline_id, status, system_level, needs_update,
                  created_by, created_at, updated_at)
                VALUES (:s, :v, :o, 'DRAFT', :l, FALSE, :by, :now, :now)""")
                .param("s", systemId)
                .param("v", version)
                .param("o", outlineId)
                .param("l", level)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    void saveSections(ResponsePlan p, Instant now) {
        jdbc.sql("DELETE FROM response_plan_section WHERE plan_id = :p")
                .param("p", p.id())
                .update();
        p.sections()
                .forEach((k, v) -> jdbc.sql("INSERT INTO response_plan_section (plan_id, section_key, content)"
                                + " VALUES (:p, :k, :c)")
                        .param("p", p.id())
                        .param("k", k)
                        .param("c", v)
                        .update());
        jdbc.sql("UPDATE response_plan SET updated_at = :now WHERE id = :p AND status = 'DRAFT'")
                .param("now", Timestamp.from(now))
                .param("p", p.id())
                .update();
    }

    void markApproved(ResponsePlan p, @Nullable Long by) {
        jdbc.sql("""
                UPDATE response_plan SET status = 'APPROVED', approved_by = :by, approver_name = :name, approved_at = :at,
                  updated_at = :at, needs_update = FALSE, update_reason = NULL, update_raised_at = NULL
                WHERE id = :id AND status = 'DRAFT'""")
                .param("by", by)
                .param("name", p.approverName())
                .param("at", Timestamp.from(p.approvedAt()))
                .param("id", p.id())
                .update();
    }

    void markSuperseded(ResponsePlan p) {
        jdbc.sql(
                        "UPDATE response_plan SET status = 'SUPERSEDED', updated_at = :at WHERE id = :id AND status = 'APPROVED'")
                .param("at", Timestamp.from(p.updatedAt()))
                .param("id", p.id())
                .update();
    }

    void markNeedsUpdate(ResponsePlan p) {
        jdbc.sql("""
                UPDATE response_plan SET needs_update = TRUE, update_reason = :r, update_raised_at = :at, updated_at = :at
                WHERE id = :id AND status = 'APPROVED' AND needs_update = FALSE""")
                .param("r", p.updateReason())
                .param("at", Timestamp.from(p.updateRaisedAt()))
                .param("id", p.id())
                .update();
    }

    record InForce(
            long systemId,
            long planId,
            Instant approvedAt,
            boolean needsUpdate,
            @Nullable Instant updateRaisedAt) {}

    /** The plan in force per system, for the systems given (already scoped by the caller): one query. */
    Map<Long, InForce> inForce(Collection<Long> systemIds) {
        Map<Long, InForce> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT system_id, id, approved_at, needs_update, update_raised_at FROM response_plan"
                        + " WHERE status = 'APPROVED' AND system_id IN (:ids)")
                .param("ids", new ArrayList<>(systemIds))
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        new InForce(
                                rs.getLong(1),
                                rs.getLong(2),
                                Objects.requireNonNull(instant(rs.getTimestamp(3)), "approved"),
                                rs.getBoolean(4),
                                instant(rs.getTimestamp(5)))))
                .list();
        return out;
    }

    Optional<String> personName(long personId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = :id")
                .param("id", personId)
                .query(String.class)
                .optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
