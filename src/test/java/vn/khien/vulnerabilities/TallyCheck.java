package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-system finding tally (docs/adr/0058) against a fresh GROUP BY over {@code finding} and the last completed
 * scan of {@code scan}: used after every kind of write that must keep them equal.
 */
public final class TallyCheck {

    private TallyCheck() {}

    /** The tally of these systems (every system when null) equals the findings and scans, row for row. */
    public static void assertTrue(JdbcClient jdbc, Collection<Long> systemIds) {
        String only = systemIds == null ? "" : " WHERE f.system_id IN (:ids)";
        String grouped = """
                SELECT f.system_id, f.status, f.severity, f.severity_rank,
                    CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_date END AS due,
                    CASE WHEN f.status = 'ACCEPTED_RISK' THEN f.risk_expires_on END AS expires, COUNT(*) AS n
                FROM finding f""" + only + " " + """
                GROUP BY f.system_id, f.status, f.severity, f.severity_rank,
                    CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_date END,
                    CASE WHEN f.status = 'ACCEPTED_RISK' THEN f.risk_expires_on END""";
        String tallied = "SELECT f.system_id, f.status, f.severity, f.severity_rank, f.due_date, f.risk_expires_on,"
                + " f.finding_count FROM finding_tally f" + only;
        assertThat(rows(jdbc, tallied, systemIds))
                .as("finding_tally = GROUP BY over finding")
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(rows(jdbc, grouped, systemIds));
        String sOnly = systemIds == null ? "" : " WHERE s.id IN (:ids)";
        String scanned = "SELECT s.id, (SELECT MAX(sc.scan_date) FROM scan sc WHERE sc.system_id = s.id"
                + " AND sc.status = 'COMPLETED') FROM information_system s" + sOnly;
        String kept = "SELECT s.id, ts.last_scan_date FROM information_system s"
                + " LEFT JOIN finding_tally_system ts ON ts.system_id = s.id" + sOnly;
        assertThat(rows(jdbc, kept, systemIds))
                .as("finding_tally_system.last_scan_date = last completed scan")
                .containsExactlyInAnyOrderElementsOf(rows(jdbc, scanned, systemIds));
    }

    private static List<String> rows(JdbcClient jdbc, String sql, Collection<Long> ids) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (ids != null) {
            spec = spec.param("ids", ids);
        }
        return spec.query((rs, n) -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        cells.add(v instanceof Date d ? d.toLocalDate().toString() : String.valueOf(v));
                    }
                    return String.join("|", cells);
                })
                .list();
    }
}
