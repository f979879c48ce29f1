package vn.khien.reports.figures;

import java.sql.ResultSet;
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
 * {@code reportsLate}: the organisation's own periodic reports due within the period (up to its last day) that were
 * still not submitted (latest version, any kind; due before the period's last day). Reports never opened are not counted here; the parent
 * sees them as NOT_STARTED / LATE in its report's children.
 */
@Component
class ReportFigures implements FigureSource {

    private final JdbcClient jdbc;

    public ReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> figures() {
        return Set.of("reportsLate");
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> result = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(organizationIds);
        for (int i = 0; i < ids.size(); i += 5000) {
            jdbc.sql("""
                    SELECT r.organization_id, COUNT(*) FROM periodic_report r
                    WHERE r.organization_id IN (:ids) AND r.due_on >= :from AND r.due_on < :to
                      AND r.version = (SELECT MAX(r2.version) FROM periodic_report r2 WHERE r2.organization_id = r.organization_id
                                       AND r2.kind = r.kind AND r2.period = r.period)
                      AND r.status NOT IN ('SUBMITTED', 'ACCEPTED')
                    GROUP BY r.organization_id""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 5000)))
                    .param("from", period.from())
                    .param("to", period.to())
                    .query((ResultSet rs) -> {
                        result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put("reportsLate", rs.getLong(2));
                    });
        }
        return result;
    }
}
