package vn.khien.obligations.budget;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * Draft budget plans the person may approve (APPROVE on the plan's organisation): one line per organisation, linking
 * to its budget page of the plans' year.
 */
@Component
@Order(51)
class BudgetAttention implements AttentionSource {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    BudgetAttention(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        ScopeFilter f = scope.holding("o.path", Capability.APPROVE);
        return jdbc.sql("SELECT o.id, o.name_vi, MAX(b.plan_year), COUNT(*) FROM budget_plan b "
                        + "JOIN organization o ON o.id = b.organization_id WHERE b.status = 'DRAFT' AND " + f.sql()
                        + " GROUP BY o.id, o.name_vi ORDER BY o.name_vi")
                .params(f.params())
                .query((rs, n) -> AttentionItem.of(
                        AttentionItem.Severity.WARNING,
                        "budget.attention.drafts",
                        "/organizations/" + rs.getLong(1) + "/budget?year=" + rs.getInt(3),
                        rs.getLong(4),
                        rs.getString(2)))
                .list();
    }
}
