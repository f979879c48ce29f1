package vn.khien.warnings.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureSource;

/**
 * warningsReceived / warningsAcknowledged / warningsUnacknowledged (the dashboard's target) / warningsFixed /
 * warningsOverdue per organisation's own systems (one row
 * per warning and system reached up to the end of the period), in one grouped query.
 */
@Component
class WarningFigures implements FigureSource {

    @Override
    public Set<String> figures() {
        return Set.of(
                "warningsReceived",
                "warningsAcknowledged",
                "warningsUnacknowledged",
                "warningsFixed",
                "warningsOverdue");
    }

    private final JdbcClient jdbc;

    WarningFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        Timestamp end = Timestamp.valueOf(period.to().plusDays(1).atStartOfDay());
        jdbc.sql("""
                SELECT t.organization_id, COUNT(*) AS received,
                  SUM(CASE WHEN t.acknowledged_at IS NOT NULL AND t.acknowledged_at < :end THEN 1 ELSE 0 END) AS ack,
                  SUM(CASE WHEN t.status = 'FIXED' THEN 1 ELSE 0 END) AS fixed,
                  SUM(CASE WHEN (t.status = 'REACHED' AND w.acknowledge_by < :to)
                        OR (t.status NOT IN ('NOT_AFFECTED', 'FIXED') AND w.fix_by < :to) THEN 1 ELSE 0 END) AS overdue
                FROM warning_target t JOIN warning w ON w.id = t.warning_id
                WHERE t.organization_id IN (:orgs) AND t.reached_at < :end GROUP BY t.organization_id""")
                .param("orgs", organizationIds)
                .param("end", end)
                .param("to", Date.valueOf(period.to()))
                .query(rs -> {
                    Map<String, Long> m = new HashMap<>();
                    m.put("warningsReceived", rs.getLong("received"));
                    m.put("warningsAcknowledged", rs.getLong("ack"));
                    // every response acknowledges first, so "not acknowledged" is what was reached and not answered
                    m.put("warningsUnacknowledged", rs.getLong("received") - rs.getLong("ack"));
                    m.put("warningsFixed", rs.getLong("fixed"));
                    m.put("warningsOverdue", rs.getLong("overdue"));
                    out.put(rs.getLong("organization_id"), m);
                });
        return out;
    }
}
