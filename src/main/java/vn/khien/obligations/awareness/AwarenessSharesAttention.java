package vn.khien.obligations.awareness;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.access.WholeTree;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * Awareness on the home page, for a person who may send campaigns: each organisation whose share acknowledged of the
 * latest campaign that reached it is low (deliveries of the last days not counted yet; rule data in
 * {@value AwarenessAttention#RESOURCE}).
 *
 * <p>For a person who may send campaigns over the whole tree the statement groups every organisation's deliveries
 * (≈ 0.4 s nationally at scale 1.0, the national home page's largest statement after ADR 0071), and a share changes
 * only as people acknowledge over days: their lines are computed in the background and may be a few minutes old
 * (ADR 0059's mechanism, as ADR 0071's findings roll-ups; ADR 0077). Everyone else's are computed on the request.
 */
@Component
@Order(53)
class AwarenessSharesAttention implements AttentionSource {

    private static final AwarenessAttention.Rules RULES = AwarenessAttention.RULES;

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final WholeTree wholeTree;
    private final Clock clock;

    AwarenessSharesAttention(JdbcClient jdbc, OrgScope scope, WholeTree wholeTree, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.wholeTree = wholeTree;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttentionItem> itemsFor(long personId) {
        List<AttentionItem> items = new ArrayList<>();
        // The latest campaign of each organisation found once, grouped (not a correlated MAX per delivery), and only
        // the shares that would round below the minimum sent back: 19,000 organisations nationally (ADR 0063).
        ScopeFilter f = wholeTree.or(
                Capability.EDIT_SECURITY_DATA, () -> scope.holding("o.path", Capability.EDIT_SECURITY_DATA));
        List<Object[]> shares = jdbc.sql("""
                SELECT g.organization_id, o.name_vi, g.campaign_id, c.title, g.n, g.acknowledged FROM (
                    SELECT d.organization_id, d.campaign_id, COUNT(*) AS n,
                        SUM(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END) AS acknowledged
                    FROM (SELECT l.organization_id, MAX(l.campaign_id) AS latest FROM awareness_delivery l
                        JOIN organization o ON o.id = l.organization_id
                        WHERE l.delivered_at <= :cutoff AND\s""" + f.sql() + """
                         GROUP BY l.organization_id) latest
                    JOIN awareness_delivery d ON d.organization_id = latest.organization_id
                        AND d.campaign_id = latest.latest AND d.delivered_at <= :cutoff
                    GROUP BY d.organization_id, d.campaign_id
                    HAVING 200 * SUM(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END)
                        < :twiceMinimumLessOne * COUNT(*)) g
                JOIN organization o ON o.id = g.organization_id JOIN awareness_campaign c ON c.id = g.campaign_id
                ORDER BY g.acknowledged * 1.0 / g.n, g.organization_id LIMIT :lines""")
                .params(f.params())
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(RULES.graceDays()))))
                // Math.round(100 * a / n) < m exactly when 200 * a < (2m - 1) * n
                .param("twiceMinimumLessOne", 2 * RULES.minimumPercent() - 1)
                .param("lines", RULES.maxLines())
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6)
                })
                .list();
        shares.stream()
                .filter(r -> (long) r[4] > 0 && percent(r) < RULES.minimumPercent())
                .sorted((a, b) -> Integer.compare(percent(a), percent(b)))
                .limit(RULES.maxLines())
                .forEach(r -> items.add(AttentionItem.of(
                        AttentionItem.Severity.WARNING,
                        "awareness.attention.lowShare",
                        "/awareness/" + r[2],
                        r[1],
                        r[3],
                        percent(r),
                        RULES.minimumPercent())));
        return items;
    }

    @Override
    public boolean mayLagFor(long personId) {
        return wholeTree.holds(Capability.EDIT_SECURITY_DATA);
    }

    private static int percent(Object[] r) {
        return (int) Math.round(100.0 * (long) r[5] / (long) r[4]);
    }

    @Override
    public String moreLink() {
        return "/awareness";
    }
}
