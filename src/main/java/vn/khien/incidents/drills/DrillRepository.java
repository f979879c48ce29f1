package vn.khien.incidents.drills;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

/** Drills of systems; a system is reached only through its owner's or operator's subtree (scope predicate). */
@Repository
class DrillRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public DrillRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public record SystemRef(long id, String name, Integer level, long ownerOrganizationId) {}

    public record Drill(
            long id,
            long systemId,
            DrillKind kind,
            LocalDate heldOn,
            String scenario,
            String participants,
            String result,
            List<Finding> findings) {}

    public record Finding(long id, String title, Long taskId) {}

    private static final String SYSTEM = """
            SELECT s.id, s.name, s.approved_level, s.owner_organization_id FROM information_system s
            JOIN organization sown ON sown.id = s.owner_organization_id JOIN organization op ON op.id = s.operator_organization_id""";

    public Optional<SystemRef> system(long systemId, Capability capability) {
        ScopeFilter own = scope.holding("sown.path", capability);
        ScopeFilter op = scope.holdingAny("op.path", "oper", capability);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(op.params());
        return jdbc.sql(SYSTEM + " WHERE s.id = :id AND (" + own.sql() + " OR " + op.sql() + ")")
                .params(params)
                .param("id", systemId)
                .query((rs, n) ->
                        new SystemRef(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), rs.getLong(4)))
                .optional();
    }

    public long insert(
            long systemId,
            DrillKind kind,
            LocalDate heldOn,
            String scenario,
            @Nullable String participants,
            @Nullable String result,
            @Nullable Long by,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO system_drill (system_id, kind, held_on, scenario, participants, result, created_by, created_at)
                VALUES (:s, :k, :d, :sc, :p, :r, :by, :now)""")
                .param("s", systemId)
                .param("k", kind.name())
                .param("d", Date.valueOf(heldOn))
                .param("sc", scenario)
                .param("p", participants)
                .param("r", result)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    public void insertFinding(long drillId, String title, Long taskId) {
        jdbc.sql("INSERT INTO drill_finding (drill_id, title, task_id) VALUES (:d, :t, :task)")
                .param("d", drillId)
                .param("t", title)
                .param("task", taskId)
                .update();
    }

    public List<Drill> drills(long systemId) {
        Map<Long, List<Finding>> findings = new HashMap<>();
        jdbc.sql(
                        "SELECT f.drill_id, f.id, f.title, f.task_id FROM drill_finding f JOIN system_drill d ON d.id = f.drill_id"
                                + " WHERE d.system_id = :s ORDER BY f.id")
                .param("s", systemId)
                .query((rs, n) -> findings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Finding(rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class))))
                .list();
        return jdbc.sql("SELECT id, system_id, kind, held_on, scenario, participants, result FROM system_drill"
                        + " WHERE system_id = :s ORDER BY held_on DESC, id DESC")
                .param("s", systemId)
                .query((rs, n) -> new Drill(
                        rs.getLong(1),
                        rs.getLong(2),
                        DrillKind.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        findings.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** The last live-fire drill per system, for the systems given (one query). */
    public Map<Long, LocalDate> lastLiveFire(Collection<Long> systemIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT system_id, MAX(held_on) FROM system_drill WHERE kind = 'LIVE_FIRE' AND system_id IN (:ids)"
                        + " GROUP BY system_id")
                .param("ids", List.copyOf(systemIds))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getDate(2).toLocalDate()))
                .list();
        return out;
    }

    /** Visible level-3+ systems in operation with their last live-fire drill (null when none), for the home page. */
    public List<Object[]> level3PlusVisible() {
        ScopeFilter f = scope.visible("sown.path");
        return jdbc.sql("""
                SELECT s.id, s.name, s.approved_level, (SELECT MAX(d.held_on) FROM system_drill d
                  WHERE d.system_id = s.id AND d.kind = 'LIVE_FIRE')
                FROM information_system s JOIN organization sown ON sown.id = s.owner_organization_id
                WHERE s.approved_level >= 3 AND""" + " " + f.sql() + " ORDER BY s.name LIMIT 200")
                .params(f.params())
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()
                })
                .list();
    }

    /**
     * The drills the figure counts: live-fire drills of a level-3+ system held from the period's first day to its last
     * day inclusive (the report's and the dashboard's figure and its drill-down rows share this condition).
     */
    private static final String LIVE_FIRE_LEVEL_3_PLUS = """
            FROM system_drill d JOIN information_system s ON s.id = d.system_id
            WHERE d.kind = 'LIVE_FIRE' AND s.approved_level >= 3 AND d.held_on BETWEEN :f AND :t""";

    /** Live-fire drills held in a period by level-3+ systems owned by each organisation (own rows). */
    public Map<Long, Long> liveFireLevel3Plus(Collection<Long> organizationIds, LocalDate from, LocalDate to) {
        Map<Long, Long> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT s.owner_organization_id, COUNT(DISTINCT d.system_id) " + LIVE_FIRE_LEVEL_3_PLUS
                        + " AND s.owner_organization_id IN (:orgs) GROUP BY s.owner_organization_id")
                .param("f", Date.valueOf(from))
                .param("t", Date.valueOf(to))
                .param("orgs", List.copyOf(organizationIds))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return out;
    }

    /** A system the figure counts, with the last live-fire drill it held in the period. */
    public record DrilledSystem(long systemId, String name, LocalDate lastHeldOn) {}

    /** The systems behind the figure for one owner (the drill-down), by name; at most {@code limit}. */
    public List<DrilledSystem> liveFireLevel3PlusSystems(long organizationId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("SELECT s.id, s.name, MAX(d.held_on) " + LIVE_FIRE_LEVEL_3_PLUS
                        + " AND s.owner_organization_id = :o GROUP BY s.id, s.name ORDER BY s.name, s.id LIMIT :limit")
                .param("f", Date.valueOf(from))
                .param("t", Date.valueOf(to))
                .param("o", organizationId)
                .param("limit", limit)
                .query((rs, n) -> new DrilledSystem(
                        rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .list();
    }
}
