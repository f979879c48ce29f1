package vn.khien.compliance.figures;

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
 * Compliance figures, counted at the system's owner over systems in scope at the end of the period.
 * <ul>
 *   <li>{@code plansFullyDeployed}: systems whose current plan has applicable required items and every one is MET —
 *       computed from the items, never declared (partly met is not met; an empty plan is not deployed).</li>
 *   <li>{@code plansDerived}: systems with a current security plan.</li>
 *   <li>{@code assessmentsDone}: assessments completed within the period.</li>
 *   <li>{@code assessmentsDue}: approved systems whose last completed assessment is older than the periodicity of
 *       {@code rules/assessment-periodicity.yaml} (NĐ 85/2016 Đ20.2.c: level 5 every 6 months, levels 3–4 yearly,
 *       levels 1–2 with the organisation-wide two-yearly assessment) at the end of the period, or who never had one.</li>
 *   <li>{@code securityRegulations}: systems with an issued security regulation (quy chế, TT 12 Đ9.3.a).</li>
 * </ul>
 */
@Component
class ComplianceFigures implements FigureSource {

    private static final String IN_SCOPE = " s.owner_organization_id IN (:ids) AND s.created_at < :endAt"
            + " AND (s.lifecycle_status <> 'RETIRED' OR s.retired_on > :to)";

    private static final String FULLY_DEPLOYED = """
             AND EXISTS (SELECT 1 FROM plan_item p WHERE p.system_id = s.id AND p.required = TRUE
                         AND p.status <> 'NOT_APPLICABLE')
             AND NOT EXISTS (SELECT 1 FROM plan_item p WHERE p.system_id = s.id AND p.required = TRUE
                         AND p.status NOT IN ('MET', 'NOT_APPLICABLE'))""";

    private final JdbcClient jdbc;
    private final Map<String, String> conditions = new LinkedHashMap<>();

    public ComplianceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
        conditions.put("plansFullyDeployed", FULLY_DEPLOYED);
        conditions.put(
                "plansDerived",
                " AND EXISTS (SELECT 1 FROM security_plan sp WHERE sp.system_id = s.id"
                        + " AND sp.superseded_at IS NULL)");
        conditions.put(
                "securityRegulations",
                " AND EXISTS (SELECT 1 FROM security_regulation r WHERE r.system_id = s.id"
                        + " AND r.issued_on <= :to)");
        conditions.put("assessmentsDue", """
                 AND s.approved_level IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.system_id = s.id
                     AND a.completed_on IS NOT NULL AND a.completed_on <= :to
                     AND a.completed_on > CASE WHEN s.approved_level >= 5 THEN :due6m
                                               WHEN s.approved_level >= 3 THEN :due1y ELSE :due2y END)""");
    }

    @Override
    public Set<String> figures() {
        Set<String> names = new LinkedHashSet<>(conditions.keySet());
        names.add("assessmentsDone");
        return names;
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> result = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return result;
        }
        conditions.forEach((figure, condition) -> GroupedCounts.count(
                jdbc,
                result,
                figure,
                "SELECT s.owner_organization_id, COUNT(*) FROM information_system s WHERE" + IN_SCOPE
                        + intervals(condition, period) + " GROUP BY s.owner_organization_id",
                organizationIds,
                period));
        GroupedCounts.count(jdbc, result, "assessmentsDone", """
                SELECT s.owner_organization_id, COUNT(*) FROM assessment a JOIN information_system s ON s.id = a.system_id
                WHERE s.owner_organization_id IN (:ids) AND a.completed_on BETWEEN :from AND :to
                GROUP BY s.owner_organization_id""", organizationIds, period);
        return result;
    }

    /** The assessment intervals go in as literal dates (computed here, not by SQL date arithmetic, for H2 and PG). */
    private static String intervals(String condition, FigurePeriod period) {
        return condition
                .replace(":due6m", "DATE '" + period.to().minusMonths(6) + "'")
                .replace(":due1y", "DATE '" + period.to().minusYears(1) + "'")
                .replace(":due2y", "DATE '" + period.to().minusYears(2) + "'");
    }

    @Override
    public List<FigureRow> rows(String figure, long organizationId, FigurePeriod period, int limit) {
        if (!conditions.containsKey(figure)) {
            return List.of();
        }
        return jdbc.sql("SELECT s.id, s.code, s.name FROM information_system s WHERE" + IN_SCOPE
                        + intervals(conditions.get(figure), period) + " ORDER BY s.code LIMIT " + Math.max(1, limit))
                .param("ids", List.of(organizationId))
                .param("to", period.to())
                .param("endAt", GroupedCounts.endAt(period.to()))
                .query((rs, n) -> new FigureRow(rs.getString(2) + " — " + rs.getString(3), "/systems/" + rs.getLong(1)))
                .list();
    }
}
