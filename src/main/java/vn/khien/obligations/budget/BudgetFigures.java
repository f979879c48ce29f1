package vn.khien.obligations.budget;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureSource;

/**
 * Budget figures per organisation's own plans of the years the period touches: IT total, security amount (VND) and
 * the number of plans; the share is security / total, added up through the tree by the reports module.
 */
@Component
class BudgetFigures implements FigureSource {

    private final JdbcClient jdbc;

    BudgetFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> figures() {
        return Set.of("budgetItTotal", "budgetSecurity", "budgetPlans");
    }

    @Override
    public Map<Long, Map<String, Long>> compute(Collection<Long> organizationIds, FigurePeriod period) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT organization_id, SUM(total_amount), SUM(security_amount), COUNT(*) FROM budget_plan
                WHERE organization_id IN (:ids) AND plan_year BETWEEN :from AND :to GROUP BY organization_id""")
                .param("ids", organizationIds)
                .param("from", period.from().getYear())
                .param("to", period.to().getYear())
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        Map.of(
                                "budgetItTotal",
                                rs.getBigDecimal(2).longValue(),
                                "budgetSecurity",
                                rs.getBigDecimal(3).longValue(),
                                "budgetPlans",
                                rs.getLong(4))))
                .list();
        return out;
    }
}
