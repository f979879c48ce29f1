package vn.khien.obligations.budget;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.obligations.catalogue.BudgetShare;
import vn.khien.obligations.catalogue.ObligationCatalogue;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R39 for each organisation, by the latest year with IT plans recorded: met (on the day its last plan was recorded,
 * due again a year later) when security gets at least the minimum share of the year's plans; overdue when it does
 * not. An organisation with no plan recorded is absent, which the catalogue turns into NO_DATA.
 */
@Component
class BudgetDutySource implements DutySource {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final JdbcClient jdbc;
    private final BigDecimal minimumShare;

    BudgetDutySource(JdbcClient jdbc, ObligationCatalogue catalogue) {
        this.jdbc = jdbc;
        this.minimumShare = new BigDecimal(catalogue.rule("R39").orElseThrow().parameter("minimumShare"));
    }

    @Override
    public Set<String> rules() {
        return Set.of("R39");
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT organization_id, plan_year, SUM(total_amount), SUM(security_amount), MAX(created_at)
                FROM budget_plan WHERE organization_id IN (:ids)
                GROUP BY organization_id, plan_year ORDER BY organization_id, plan_year""")
                .param("ids", organizationIds)
                .query((rs, n) -> {
                    // rows come by year: the latest year decides
                    BudgetShare share = new BudgetShare(rs.getBigDecimal(3), rs.getBigDecimal(4));
                    long org = rs.getLong(1);
                    var recorded = rs.getTimestamp(5).toInstant().atZone(VN).toLocalDate();
                    // the budget page of that year: a reader follows it from the obligations pages and the matrix
                    String url = "/organizations/" + org + "/budget?year=" + rs.getInt(2);
                    out.put(
                            org,
                            share.meets(minimumShare)
                                    ? DutyEvidence.met(recorded, "budget-plan", null, url)
                                    // below the share: due since the plan was recorded, so overdue now
                                    : new DutyEvidence(null, recorded.minusDays(1), "budget-plan", null, url));
                    return null;
                })
                .list();
        return out;
    }
}
