package vn.khien.vulnerabilities.attention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.VisibleSystems;
import vn.khien.vulnerabilities.findings.ScanDuty;

/** Aggregates over findings and scans for the home page: one grouped statement each, scoped through the register. */
@Repository
class FindingsAttentionQueries {

    static final int LIMIT = 20;

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public FindingsAttentionQueries(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    public record OverdueCount(long systemId, String code, String name, String severity, long count) {}

    public record RiskExpiry(long systemId, String code, String name, long count, LocalDate firstExpiry) {}

    public record DutyCounts(long overdue, long dueSoon) {}

    /** Active findings past their due date, counted per system and severity, most severe first. */
    public List<OverdueCount> overdueFindings(LocalDate today) {
        ScopeFilter visible = systems.visibleSystems("f.system_id");
        return jdbc.sql("""
                SELECT f.system_id, s.code, s.name, f.severity, MIN(f.severity_rank) AS rnk, COUNT(*) AS n
                FROM finding f JOIN information_system s ON s.id = f.system_id
                WHERE f.status IN ('OPEN', 'REOPENED') AND f.due_date < :today AND\s""" + visible.sql() + """
                 GROUP BY f.system_id, s.code, s.name, f.severity
                ORDER BY rnk, n DESC, s.code LIMIT\s""" + LIMIT)
                .params(visible.params())
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new OverdueCount(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(6)))
                .list();
    }

    /**
     * Operating systems whose six-month scan duty is overdue (never scanned counts) or due within the warning
     * window; the last completed scan of each visible system is one probe of ix_scan_system_status_date (a
     * grouped subquery over every scan of the country cost the national home page a full scan, issue 15).
     */
    public DutyCounts scanDuties(LocalDate today) {
        ScopeFilter visible = systems.visibleSystems("s.id");
        return jdbc.sql("""
                SELECT SUM(CASE WHEN ls.last_scan IS NULL OR ls.last_scan < :overdue THEN 1 ELSE 0 END),
                    SUM(CASE WHEN ls.last_scan >= :overdue AND ls.last_scan < :dueSoon THEN 1 ELSE 0 END)
                FROM (SELECT (SELECT MAX(sc.scan_date) FROM scan sc WHERE sc.system_id = s.id
                        AND sc.status = 'COMPLETED') AS last_scan
                    FROM information_system s WHERE s.lifecycle_status = 'OPERATING' AND\s""" + visible.sql() + """
                ) ls""")
                .params(visible.params())
                .param("overdue", Date.valueOf(ScanDuty.overdueIfLastScanBefore(today)))
                .param("dueSoon", Date.valueOf(ScanDuty.dueSoonIfLastScanBefore(today)))
                .query((rs, n) -> new DutyCounts(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Accepted risks that run out within {@code days}, per system. */
    public List<RiskExpiry> expiringRisks(LocalDate today, int days) {
        ScopeFilter visible = systems.visibleSystems("f.system_id");
        return jdbc.sql("""
                SELECT f.system_id, s.code, s.name, COUNT(*) AS n, MIN(f.risk_expires_on) AS first_expiry
                FROM finding f JOIN information_system s ON s.id = f.system_id
                WHERE f.status = 'ACCEPTED_RISK' AND f.risk_expires_on <= :limit AND\s""" + visible.sql() + """
                 GROUP BY f.system_id, s.code, s.name ORDER BY first_expiry, s.code LIMIT\s""" + LIMIT)
                .params(visible.params())
                .param("limit", Date.valueOf(today.plusDays(days)))
                .query((rs, n) -> new RiskExpiry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getDate(5).toLocalDate()))
                .list();
    }
}
