package vn.khien.vulnerabilities.attention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.ScopeFilter;
import vn.khien.access.WholeTree;
import vn.khien.systems.VisibleSystems;
import vn.khien.vulnerabilities.findings.ScanDuty;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * Aggregates over findings and scans for the home page: one grouped statement each over the per-system tally
 * (docs/adr/0058), scoped through the register.
 */
@Repository
class FindingsAttentionQueries {

    static final int LIMIT = 20;

    private final JdbcClient jdbc;
    private final VisibleSystems systems;
    private final WholeTree wholeTree;

    public FindingsAttentionQueries(JdbcClient jdbc, VisibleSystems systems, WholeTree wholeTree) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.wholeTree = wholeTree;
    }

    /** Whether the caller sees every system (ADR 0063): the roll-ups then run over the whole country. */
    public boolean wholeTree() {
        return wholeTree.holds(Capability.READ);
    }

    /** The register's visibility, left out for a person who sees the whole tree (ADR 0063). */
    private ScopeFilter visible(String systemIdExpr) {
        return wholeTree.or(Capability.READ, () -> systems.visibleSystems(systemIdExpr));
    }

    public record OverdueCount(long systemId, String code, String name, String severity, long count) {}

    public record RiskExpiry(long systemId, String code, String name, long count, LocalDate firstExpiry) {}

    public record DutyCounts(long overdue, long dueSoon) {}

    /**
     * Active findings past their due date, counted per system and severity, most severe first: sums of the systems'
     * tally rows ({@code finding_tally}, docs/adr/0058), not a count of the findings themselves.
     */
    public List<OverdueCount> overdueFindings(LocalDate today) {
        if (!wholeTree.holds(Capability.READ)) {
            return overdueFindings(today, visible("t.system_id"), "", LIMIT);
        }
        // The whole tree (ADR 0063): its 20 lines nearly always come from the most severe rank alone, so the ranks are
        // grouped one at a time, most severe first, until 20 lines are found: the same lines in the same order.
        List<OverdueCount> lines = new ArrayList<>();
        for (Severity severity : Severity.values()) { // severity_rank is the ordinal (scans.ImportWriter)
            if (lines.size() >= LIMIT) {
                break;
            }
            lines.addAll(overdueFindings(
                    today,
                    WholeTree.EVERYTHING,
                    " AND t.severity_rank = " + severity.ordinal() + " ",
                    LIMIT - lines.size()));
        }
        return lines;
    }

    private List<OverdueCount> overdueFindings(LocalDate today, ScopeFilter visible, String andRank, int limit) {
        // Grouped per system and severity before the systems' names are joined, and only for the first 20 (and any
        // tied with the 20th): at national scale 200,000 groups, of which 20 are shown (bench/README.md, ADR 0058).
        return jdbc.sql("""
                SELECT x.system_id, s.code, s.name, x.severity, x.rnk, x.n FROM (
                    SELECT t.system_id, t.severity, MIN(t.severity_rank) AS rnk, SUM(t.finding_count) AS n
                    FROM finding_tally t
                    WHERE t.status IN ('OPEN', 'REOPENED') AND t.due_date < :today AND\s""" + visible.sql() + andRank + """
                    GROUP BY t.system_id, t.severity ORDER BY rnk, n DESC FETCH FIRST\s""" + limit + """
                 ROWS WITH TIES) x JOIN information_system s ON s.id = x.system_id
                ORDER BY x.rnk, x.n DESC, s.code LIMIT\s""" + limit)
                .params(visible.params())
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new OverdueCount(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(6)))
                .list();
    }

    /**
     * Operating systems whose six-month scan duty is overdue (never scanned counts) or due within the warning
     * window; each system's last completed scan date is kept in {@code finding_tally_system} when an import
     * completes (docs/adr/0058), a system without that row was never scanned.
     */
    public DutyCounts scanDuties(LocalDate today) {
        ScopeFilter visible = visible("s.id");
        return jdbc.sql("""
                SELECT SUM(CASE WHEN ts.last_scan_date IS NULL OR ts.last_scan_date < :overdue THEN 1 ELSE 0 END),
                    SUM(CASE WHEN ts.last_scan_date >= :overdue AND ts.last_scan_date < :dueSoon THEN 1 ELSE 0 END)
                FROM information_system s LEFT JOIN finding_tally_system ts ON ts.system_id = s.id
                WHERE s.lifecycle_status = 'OPERATING' AND\s""" + visible.sql())
                .params(visible.params())
                .param("overdue", Date.valueOf(ScanDuty.overdueIfLastScanBefore(today)))
                .param("dueSoon", Date.valueOf(ScanDuty.dueSoonIfLastScanBefore(today)))
                .query((rs, n) -> new DutyCounts(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Accepted risks that run out within {@code days}, per system (from the tally, docs/adr/0058). */
    public List<RiskExpiry> expiringRisks(LocalDate today, int days) {
        // The few systems with a risk running out (a range of ix_finding_tally_expiry) first, then whether the caller
        // sees them: not every visible system probed for its risks (ADR 0058).
        ScopeFilter visible = visible("x.system_id");
        return jdbc.sql("""
                SELECT x.system_id, s.code, s.name, x.n, x.first_expiry FROM (
                    SELECT t.system_id, SUM(t.finding_count) AS n, MIN(t.risk_expires_on) AS first_expiry
                    FROM finding_tally t WHERE t.status = 'ACCEPTED_RISK' AND t.risk_expires_on <= :limit
                    GROUP BY t.system_id) x JOIN information_system s ON s.id = x.system_id
                WHERE\s""" + visible.sql() + " ORDER BY x.first_expiry, s.code LIMIT " + LIMIT)
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
