package vn.khien.systems.figures;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureRow;
import vn.khien.platform.figures.FigureSource;
import vn.khien.platform.figures.GroupedCounts;

/**
 * Register figures for reports and dashboards, counted at the system's OWNER only (a system operated by another
 * unit still counts once, at its owner): systems in scope at the end of the period (created by then and not retired),
 * operating systems, systems with an approved level (in total, operating, per level 1–5 and level 3 and above) and
 * level dossiers of those systems whose legal step limit had passed at the end of the period (NĐ 331/2026 Đ23; NĐ
 * 85/2016 Đ16). A retired system counts in none of them. The register figures are one grouped pass over the systems.
 */
@Component
class SystemFigures implements FigureSource {

    static final String IN_SCOPE = " s.owner_organization_id IN (:ids) AND s.created_at < :endAt"
            + " AND (s.lifecycle_status <> 'RETIRED' OR s.retired_on > :to)";
    static final String APPROVED =
            " AND s.approved_level IS NOT NULL AND (s.approved_on IS NULL OR s.approved_on <= :to)";
    /** A dossier waiting past its legal step limit; counted for systems in scope (a retired system's is not late). */
    static final String LATE_DOSSIER =
            " AND d.status IN ('SUBMITTED', 'APPRAISED')" + " AND (d.step_due_on < :to OR d.validity_due_on < :to)";

    static final String OPERATING =
            " AND s.lifecycle_status = 'OPERATING'" + " AND (s.operating_since IS NULL OR s.operating_since <= :to)";

    private final JdbcClient jdbc;
    private final Map<String, String> conditions = new LinkedHashMap<>();

    public SystemFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
        conditions.put("systemsTotal", "");
        conditions.put("systemsOperating", OPERATING);
        conditions.put("systemsApproved", APPROVED);
        conditions.put("systemsOperatingApproved", OPERATING + APPROVED);
        for (int level = 1; level <= 5; level++) {
            conditions.put("systemsLevel" + level, APPROVED + " AND s.approved_level = " + level);
        }
        conditions.put("systemsLevel3Plus", APPROVED + " AND s.approved_level >= 3");
    }

    @Override
    public Set<String> figures() {
        Set<String> names = new LinkedHashSet<>(conditions.keySet());
        names.add("dossiersLate");
        return names;
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> result = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return result;
        }
        // Every register figure is a conditional sum of one pass over the systems in scope (one statement, not one
        // grouped count per figure: the national roll-up and the snapshot refresh read every system).
        StringBuilder select = new StringBuilder("SELECT s.owner_organization_id");
        conditions
                .values()
                .forEach(condition -> select.append(
                        condition.isEmpty()
                                ? ", COUNT(*)"
                                : ", SUM(CASE WHEN " + condition.substring(" AND ".length()) + " THEN 1 ELSE 0 END)"));
        List<String> names = List.copyOf(conditions.keySet());
        GroupedCounts.rows(
                jdbc,
                select + " FROM information_system s WHERE" + IN_SCOPE + " GROUP BY s.owner_organization_id",
                organizationIds,
                period,
                rs -> {
                    for (int k = 0; k < names.size(); k++) {
                        long n = rs.getLong(k + 2);
                        // as the grouped counts do: an organisation without such systems has no entry (0)
                        if (n > 0) {
                            result.computeIfAbsent(rs.getLong(1), x -> new HashMap<>())
                                    .put(names.get(k), n);
                        }
                    }
                });
        GroupedCounts.count(
                jdbc,
                result,
                "dossiersLate",
                "SELECT s.owner_organization_id, COUNT(*) FROM level_dossier d"
                        + " JOIN information_system s ON s.id = d.system_id WHERE" + IN_SCOPE + LATE_DOSSIER
                        + " GROUP BY s.owner_organization_id",
                organizationIds,
                period);
        return result;
    }

    @Override
    public List<FigureRow> rows(String figure, long organizationId, FigurePeriod period, int limit) {
        String sql;
        if (figure.equals("dossiersLate")) {
            sql = "SELECT s.id, s.code, s.name FROM level_dossier d JOIN information_system s ON s.id = d.system_id"
                    + " WHERE" + IN_SCOPE + LATE_DOSSIER + " ORDER BY s.code";
        } else if (conditions.containsKey(figure)) {
            sql = "SELECT s.id, s.code, s.name FROM information_system s WHERE" + IN_SCOPE + conditions.get(figure)
                    + " ORDER BY s.code";
        } else {
            return List.of();
        }
        return jdbc.sql(sql + " LIMIT " + Math.max(1, limit))
                .param("ids", List.of(organizationId))
                .param("to", period.to())
                .param("endAt", GroupedCounts.endAt(period.to()))
                .query((rs, n) -> new FigureRow(rs.getString(2) + " — " + rs.getString(3), "/systems/" + rs.getLong(1)))
                .list();
    }
}
