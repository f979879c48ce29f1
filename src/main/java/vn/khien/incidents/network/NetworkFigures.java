package vn.khien.incidents.network;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureSource;

/**
 * The Biểu mẫu 05 figures of the incident-response network member report (TT 20/2017 Đ6.1.c), contributed to the
 * reports module's IR_NETWORK_MEMBER kind (ADR 0038), over the same rows as the network's own compilation
 * ({@link NetworkService#figures}): incidents received (detected) in the period, and of them those handled to the end
 * (recovered or closed). Own rows of each organisation; the reports module adds them up through the tree.
 */
@Component
class NetworkFigures implements FigureSource {

    static final String TOTAL = "incidentsTotal";
    static final String RESOLVED = "incidentsResolved";

    private final JdbcClient jdbc;

    NetworkFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> figures() {
        return Set.of(TOTAL, RESOLVED);
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
                .param(
                        "f",
                        Timestamp.from(
                                period.from().atStartOfDay(NetworkRules.VN).toInstant()))
                .param(
                        "t",
                        Timestamp.from(period.to()
                                .plusDays(1)
                                .atStartOfDay(NetworkRules.VN)
                                .toInstant()))
                .query((rs, n) -> out.put(rs.getLong(1), Map.of(TOTAL, rs.getLong(2), RESOLVED, rs.getLong(3))))
                .list();
        return out;
    }
}
