package vn.khien.incidents.network;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.incidents.cases.Severity;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureRow;
import vn.khien.platform.figures.FigureSource;

/**
 * The Biểu mẫu 05 figures of the incident-response network member report (TT 20/2017 Đ6.1.c), contributed to the
 * reports module's IR_NETWORK_MEMBER kind (ADR 0038), over the same rows as the network's own compilation
 * ({@link NetworkService#figures}): incidents received (detected) in the period, and of them those handled to the end
 * (recovered or closed), and by the case's severity ({@code incidentsBySeverity.<SEVERITY>}); the reports module shows
 * them per unit from each organisation's own rows (Biểu mẫu 05 by unit, ADR 0044) and adds them up through the tree.
 */
@Component
class NetworkFigures implements FigureSource {

    static final String TOTAL = "incidentsTotal";
    static final String RESOLVED = "incidentsResolved";

    private final JdbcClient jdbc;

    NetworkFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Incidents detected in the period by the case's working severity, one figure per severity. */
    static final String BY_SEVERITY = "incidentsBySeverity.";

    @Override
    public Set<String> figures() {
        Set<String> names = new LinkedHashSet<>(List.of(TOTAL, RESOLVED));
        for (Severity s : Severity.values()) {
            names.add(BY_SEVERITY + s.name());
        }
        return names;
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT organization_id, COUNT(*),
                       SUM(CASE WHEN status IN ('CLOSED', 'RECOVERED') THEN 1 ELSE 0 END)
                FROM incident
                WHERE organization_id IN (:o) AND detected_at >= :f AND detected_at < :t
                GROUP BY organization_id""")
                .param("o", List.copyOf(organizationIds))
                .param("f", start(period))
                .param("t", end(period))
                .query((ResultSet rs) -> {
                    Map<String, Long> m = out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>());
                    m.put(TOTAL, rs.getLong(2));
                    m.put(RESOLVED, rs.getLong(3));
                });
        jdbc.sql("""
                SELECT organization_id, severity, COUNT(*)
                FROM incident
                WHERE organization_id IN (:o) AND detected_at >= :f AND detected_at < :t
                GROUP BY organization_id, severity""")
                .param("o", List.copyOf(organizationIds))
                .param("f", start(period))
                .param("t", end(period))
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(BY_SEVERITY + rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /** The drill-down: the organisation's own incidents of the period behind a figure (titles, linked). */
    @Override
    public List<FigureRow> rows(String figure, long organizationId, FigurePeriod period, int limit) {
        String condition;
        String severity = null;
        if (figure.equals(TOTAL)) {
            condition = "";
        } else if (figure.equals(RESOLVED)) {
            condition = " AND status IN ('CLOSED', 'RECOVERED')";
        } else if (figure.startsWith(BY_SEVERITY)) {
            severity = figure.substring(BY_SEVERITY.length());
            condition = " AND severity = :sev";
        } else {
            return List.of();
        }
        var q = jdbc.sql("SELECT id, title FROM incident WHERE organization_id = :o AND detected_at >= :f"
                        + " AND detected_at < :t" + condition + " ORDER BY detected_at, id LIMIT :limit")
                .param("o", organizationId)
                .param("f", start(period))
                .param("t", end(period))
                .param("limit", limit);
        if (severity != null) {
            q = q.param("sev", severity);
        }
        return q.query((rs, n) -> new FigureRow(rs.getString(2), "/incidents/" + rs.getLong(1)))
                .list();
    }

    /** The first instant of the period's first day in Vietnam. */
    private static Timestamp start(FigurePeriod period) {
        return Timestamp.from(period.from().atStartOfDay(NetworkRules.VN).toInstant());
    }

    /** The first instant after the period's last day in Vietnam. */
    private static Timestamp end(FigurePeriod period) {
        return Timestamp.from(
                period.to().plusDays(1).atStartOfDay(NetworkRules.VN).toInstant());
    }
}
