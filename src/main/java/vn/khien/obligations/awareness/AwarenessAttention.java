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
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * Awareness on the home page ({@value #RESOURCE}: rule data): a person with messages not yet acknowledged is sent to
 * the page where they read and acknowledge them, on the request. The organisations whose share acknowledged is low
 * are {@link AwarenessSharesAttention}'s lines (they may lag for the whole tree, ADR 0077).
 */
@Component
@Order(53)
class AwarenessAttention implements AttentionSource {

    static final String RESOURCE = "rules/awareness/attention.yaml";

    record Rules(int pendingMaxAgeDays, int minimumPercent, int graceDays, int maxLines) {}

    static final Rules RULES = load();

    private final JdbcClient jdbc;
    private final Clock clock;

    AwarenessAttention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        return items;
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
