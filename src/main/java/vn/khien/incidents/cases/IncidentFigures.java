package vn.khien.incidents.cases;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.incidents.drills.DrillFigures;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureRow;
import vn.khien.platform.figures.FigureSource;

/**
 * Incident figures per organisation's own rows: open incidents at the end of the period, incidents detected in the
 * period per category ({@code incidentsByCategory.<CATEGORY>}, one figure each) and level-3+ systems that held a
 * live-fire drill in the period ({@code drillsLevel3Plus}, from {@link DrillFigures}: the yearly report's and the
 * dashboard's figure, and Biểu mẫu 05's in the network member report over its half-year), with the systems behind it.
 */
@Component
class IncidentFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final IncidentCatalogue catalogue;
    private final DrillFigures drills;

    public IncidentFigures(JdbcClient jdbc, IncidentCatalogue catalogue, DrillFigures drills) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.drills = drills;
    }

    @Override
    public Set<String> figures() {
        Set<String> names = new LinkedHashSet<>(List.of("incidentsOpen", "incidentsDetected", "drillsLevel3Plus"));
        catalogue.categories().forEach(c -> names.add("incidentsByCategory." + c.id()));
        return names;
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        Timestamp from =
                Timestamp.from(period.from().atStartOfDay(IncidentDocuments.VN).toInstant());
        Timestamp end = Timestamp.from(
                period.to().plusDays(1).atStartOfDay(IncidentDocuments.VN).toInstant());
        List<Long> orgs = List.copyOf(organizationIds);
        jdbc.sql("SELECT organization_id, COUNT(*) FROM incident WHERE organization_id IN (:o) AND detected_at < :end"
                        + " AND status NOT IN ('CLOSED', 'REJECTED') GROUP BY organization_id")
                .param("o", orgs)
                .param("end", end)
                .query((rs, n) -> put(out, rs.getLong(1), "incidentsOpen", rs.getLong(2)))
                .list();
        jdbc.sql("SELECT organization_id, category, COUNT(*) FROM incident WHERE organization_id IN (:o)"
                        + " AND detected_at >= :from AND detected_at < :end AND status <> 'REJECTED'"
                        + " GROUP BY organization_id, category")
                .param("o", orgs)
                .param("from", from)
                .param("end", end)
                .query((rs, n) -> {
                    put(out, rs.getLong(1), "incidentsByCategory." + rs.getString(2), rs.getLong(3));
                    return put(out, rs.getLong(1), "incidentsDetected", rs.getLong(3));
                })
                .list();
        drills.liveFireLevel3Plus(orgs, period.from(), period.to())
                .forEach((org, count) -> put(out, org, "drillsLevel3Plus", count));
        return out;
    }

    /** The drill-down of the drill figure: the systems counted, from the drills recorded (the same condition). */
    @Override
    public List<FigureRow> rows(String figure, long organizationId, FigurePeriod period, int limit) {
        if (figure.equals("drillsLevel3Plus")) {
            return drills.liveFireLevel3PlusRows(organizationId, period.from(), period.to(), limit);
        }
        return List.of();
    }

    private static Object put(Map<Long, Map<String, Long>> out, long org, String figure, long value) {
        out.computeIfAbsent(org, k -> new HashMap<>()).merge(figure, value, Long::sum);
        return null;
    }
}
