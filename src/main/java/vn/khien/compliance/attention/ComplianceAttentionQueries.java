package vn.khien.compliance.attention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.ScopeFilter;
import vn.khien.access.WholeTree;
import vn.khien.compliance.evidence.EvidenceRepository;
import vn.khien.systems.VisibleSystems;

/** Compliance aggregates for the home page: one grouped statement each, scoped through the register. */
@Repository
class ComplianceAttentionQueries {

    static final int LIMIT = 20;

    private final JdbcClient jdbc;
    private final VisibleSystems systems;
    private final WholeTree wholeTree;

    public ComplianceAttentionQueries(JdbcClient jdbc, VisibleSystems systems, WholeTree wholeTree) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.wholeTree = wholeTree;
    }

    /** The register's visibility, left out for a person who sees the whole tree (ADR 0063). */
    private ScopeFilter visible(String systemIdExpr) {
        return wholeTree.or(Capability.READ, () -> systems.visibleSystems(systemIdExpr));
    }

    /** What the assessment schedule needs of one system, gathered for all visible systems in one statement. */
    public record ScheduleRow(
            long systemId,
            String code,
            String name,
            int level,
            String regime,
            LocalDate approvedOn,
            LocalDate lastCompleted,
            String risk) {}

    public record SystemCount(long systemId, String code, String name, long count) {}

    public record EvidenceCount(long systemId, String code, String name, long expired, long expiring) {}

    /** Visible systems with a level in force and a security plan: those owing periodic assessments. */
    public List<ScheduleRow> scheduled() {
        ScopeFilter visible = visible("s.id");
        return jdbc.sql("""
                SELECT s.id, s.code, s.name, s.approved_level, s.approved_regime, s.approved_on,
                    (SELECT MAX(a.completed_on) FROM assessment a WHERE a.system_id = s.id) AS last_completed,
                    r.rating
                FROM information_system s LEFT JOIN compliance_risk_rating r ON r.system_id = s.id
                WHERE s.approved_level IS NOT NULL AND s.lifecycle_status <> 'RETIRED'
                    AND EXISTS (SELECT 1 FROM security_plan sp WHERE sp.system_id = s.id AND sp.superseded_at IS NULL)
                    AND\s""" + visible.sql() + " ORDER BY s.code")
                .params(visible.params())
                .query((rs, n) -> new ScheduleRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8)))
                .list();
    }

    /** Evidence still relied on (required item, not withdrawn) that has expired or expires in the warning window. */
    public List<EvidenceCount> evidenceRunningOut(LocalDate today) {
        ScopeFilter visible = visible("e.system_id");
        return jdbc.sql("""
                SELECT e.system_id, s.code, s.name,
                    SUM(CASE WHEN e.valid_until < :today THEN 1 ELSE 0 END) AS expired,
                    SUM(CASE WHEN e.valid_until >= :today THEN 1 ELSE 0 END) AS expiring
                FROM plan_evidence e
                JOIN plan_item p ON p.system_id = e.system_id AND p.requirement_id = e.requirement_id AND p.required = TRUE
                JOIN information_system s ON s.id = e.system_id
                WHERE e.valid_until IS NOT NULL AND e.valid_until <= :limit
                    AND e.superseded_at IS NULL AND e.deleted_at IS NULL AND\s""" + visible.sql() + """
                 GROUP BY e.system_id, s.code, s.name ORDER BY expired DESC, s.code LIMIT\s""" + LIMIT)
                .params(visible.params())
                .param("today", Date.valueOf(today))
                .param("limit", Date.valueOf(today.plusDays(EvidenceRepository.EXPIRY_WARNING_DAYS)))
                .query((rs, n) -> new EvidenceCount(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Visible systems with an approved level but no security regulation recorded (TT 12 Đ9.3.a). */
    public List<SystemCount> withoutRegulation() {
        ScopeFilter visible = visible("s.id");
        return jdbc.sql("""
                SELECT s.id, s.code, s.name FROM information_system s
                WHERE s.approved_level IS NOT NULL AND s.lifecycle_status <> 'RETIRED'
                    AND NOT EXISTS (SELECT 1 FROM security_regulation r WHERE r.system_id = s.id) AND\s""" + visible.sql() + " ORDER BY s.code LIMIT " + LIMIT)
                .params(visible.params())
                .query((rs, n) -> new SystemCount(rs.getLong(1), rs.getString(2), rs.getString(3), 1))
                .list();
    }

    /** Open remediation tasks past their due date, per system. */
    public List<SystemCount> overdueTasks(LocalDate today) {
        ScopeFilter visible = visible("t.system_id");
        return jdbc.sql("""
                SELECT t.system_id, s.code, s.name, COUNT(*) AS n FROM remediation_task t
                JOIN information_system s ON s.id = t.system_id
                WHERE t.done = FALSE AND t.status <> 'DONE' AND t.due_on < :today AND\s""" + visible.sql() + """
                 GROUP BY t.system_id, s.code, s.name ORDER BY n DESC, s.code LIMIT\s""" + LIMIT)
                .params(visible.params())
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new SystemCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
