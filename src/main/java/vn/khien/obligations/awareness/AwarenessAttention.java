package vn.khien.obligations.awareness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * Awareness on the home page ({@value #RESOURCE}: rule data): a person with messages not yet acknowledged is sent to
 * the page where they read and acknowledge them; a person who may send campaigns sees each organisation whose share
 * acknowledged of the latest campaign that reached it is low (deliveries of the last days not counted yet).
 */
@Component
@Order(53)
class AwarenessAttention implements AttentionSource {

    static final String RESOURCE = "rules/awareness/attention.yaml";

    record Rules(int pendingMaxAgeDays, int minimumPercent, int graceDays, int maxLines) {}

    static final Rules RULES = load();

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final Clock clock;

    AwarenessAttention(JdbcClient jdbc, OrgScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttentionItem> itemsFor(long personId) {
        List<AttentionItem> items = new ArrayList<>();
        long pending = jdbc.sql("""
                SELECT COUNT(*) FROM awareness_delivery d
                WHERE d.person_id = :p AND d.acknowledged_at IS NULL AND d.delivered_at >= :since""")
                .param("p", personId)
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(RULES.pendingMaxAgeDays()))))
                .query(Long.class)
                .single();
        if (pending > 0) {
            items.add(AttentionItem.of(
                    AttentionItem.Severity.WARNING, "awareness.attention.pending", "/awareness/inbox", pending));
        }
        ScopeFilter f = scope.holding("o.path", Capability.EDIT_SECURITY_DATA);
        List<Object[]> shares = jdbc.sql("""
                SELECT d.organization_id, o.name_vi, d.campaign_id, c.title, COUNT(*),
                    SUM(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END)
                FROM awareness_delivery d JOIN organization o ON o.id = d.organization_id
                JOIN awareness_campaign c ON c.id = d.campaign_id
                WHERE d.delivered_at <= :cutoff AND d.campaign_id = (
                    SELECT MAX(d2.campaign_id) FROM awareness_delivery d2
                    WHERE d2.organization_id = d.organization_id AND d2.delivered_at <= :cutoff)
                  AND\s""" + f.sql() + """
                 GROUP BY d.organization_id, o.name_vi, d.campaign_id, c.title""")
                .params(f.params())
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(RULES.graceDays()))))
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

    private static int percent(Object[] r) {
        return (int) Math.round(100.0 * (long) r[5] / (long) r[4]);
    }

    @Override
    public String moreLink() {
        return "/awareness";
    }

    @SuppressWarnings("unchecked")
    static Rules load() {
        try (InputStream in = AwarenessAttention.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root.get("legalSource") == null) {
                throw new IllegalStateException(RESOURCE + " has no legalSource");
            }
            Map<String, Object> pending = (Map<String, Object>) root.get("pending");
            Map<String, Object> low = (Map<String, Object>) root.get("lowShare");
            return new Rules(
                    ((Number) pending.get("maxAgeDays")).intValue(),
                    ((Number) low.get("minimumPercent")).intValue(),
                    ((Number) low.get("graceDays")).intValue(),
                    ((Number) low.get("maxLines")).intValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
