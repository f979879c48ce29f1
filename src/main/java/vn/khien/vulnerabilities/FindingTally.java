package vn.khien.vulnerabilities;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-system finding counts (tables {@code finding_tally} and {@code finding_tally_system}, docs/adr/0058): how many
 * findings each system has per state, severity and the one date that matters for that state (the SLA due date of an
 * active finding, the expiry of an accepted risk), and the date of its last completed scan. Every roll-up over many
 * systems (the home page, report and dashboard figures) reads these rows instead of aggregating the findings.
 *
 * <p>Kept true by {@link #refresh}, which every write that changes a finding's state, severity, due date or risk
 * expiry, or completes a scan, calls in its own transaction: the affected systems' rows are recomputed from
 * {@code finding}, so they cannot drift from it whatever the write did.
 */
@Component
public class FindingTally {

    private static final int CHUNK = 1000;

    /** The grouping of findings into tally rows; {@code %s}: which findings. */
    private static final String GROUPED = """
            INSERT INTO finding_tally (system_id, status, severity, severity_rank, due_date, risk_expires_on,
                finding_count)
            SELECT f.system_id, f.status, f.severity, f.severity_rank,
                CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_date END,
                CASE WHEN f.status = 'ACCEPTED_RISK' THEN f.risk_expires_on END,
                COUNT(*)
            FROM finding f WHERE %s
            GROUP BY f.system_id, f.status, f.severity, f.severity_rank,
                CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_date END,
                CASE WHEN f.status = 'ACCEPTED_RISK' THEN f.risk_expires_on END""";

    /** The last completed scan of the system whose id is {@code %s}. */
    private static final String LAST_SCAN =
            "(SELECT MAX(sc.scan_date) FROM scan sc WHERE sc.system_id = %s AND sc.status = 'COMPLETED')";

    private final JdbcClient jdbc;

    public FindingTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link #refresh(Collection)} of one system. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(long systemId) {
        refresh(List.of(systemId));
    }

    /**
     * Recomputes these systems' counts and last scan date from {@code finding} and {@code scan}, in the caller's
     * transaction (there must be one: the counts commit or roll back with the write that changed them). The systems'
     * {@code finding_tally_system} rows are locked first, in id order, so two transactions refreshing the same system
     * run one after the other and the second recomputes from what the first committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(Collection<Long> systemIds) {
        List<Long> ids = List.copyOf(new TreeSet<>(systemIds));
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            jdbc.sql("INSERT INTO finding_tally_system (system_id) SELECT s.id FROM information_system s"
                            + " WHERE s.id IN (:ids) ON CONFLICT DO NOTHING")
                    .param("ids", chunk)
                    .update();
            jdbc.sql("SELECT system_id FROM finding_tally_system WHERE system_id IN (:ids) ORDER BY system_id"
                            + " FOR UPDATE")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list();
            jdbc.sql("DELETE FROM finding_tally WHERE system_id IN (:ids)")
                    .param("ids", chunk)
                    .update();
            jdbc.sql(GROUPED.formatted("f.system_id IN (:ids)"))
                    .param("ids", chunk)
                    .update();
            jdbc.sql("UPDATE finding_tally_system SET last_scan_date = "
                            + LAST_SCAN.formatted("finding_tally_system.system_id") + " WHERE system_id IN (:ids)")
                    .param("ids", chunk)
                    .update();
        }
    }

    /**
     * Recomputes every system's counts at once (the national data generator, after its bulk load; the migration that
     * created the tables does the same).
     */
    public static void rebuild(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM finding_tally");
            s.executeUpdate("DELETE FROM finding_tally_system");
            s.executeUpdate("INSERT INTO finding_tally_system (system_id, last_scan_date) SELECT s.id, "
                    + LAST_SCAN.formatted("s.id") + " FROM information_system s");
            s.executeUpdate(GROUPED.formatted("1 = 1"));
        }
    }
}
