package vn.khien.warnings.reporting;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;
import vn.khien.access.Role;
import vn.khien.access.WholeTree;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/** Home page lines: systems in the person's units that must acknowledge a warning, and those overdue. */
@Component
class WarningsAttention implements AttentionSource {

    private final JdbcClient jdbc;
    private final WholeTree wholeTree;
    private final Clock clock;

    WarningsAttention(JdbcClient jdbc, WholeTree wholeTree, Clock clock) {
        this.jdbc = jdbc;
        this.wholeTree = wholeTree;
        this.clock = clock;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        List<String> roles = Role.holding(Capability.EDIT_SECURITY_DATA).stream()
                .map(Enum::name)
                .toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        // Whoever holds the capability on the whole tree is counted without the check per target (ADR 0063).
        boolean everywhere = wholeTree.holds(Capability.EDIT_SECURITY_DATA);
        Map<String, Object> scope = everywhere ? Map.of() : Map.of("p", personId, "roles", roles);
        String base = everywhere
                ? "FROM warning_target t JOIN warning w ON w.id = t.warning_id WHERE " + WholeTree.EVERYTHING.sql()
                : """
                FROM warning_target t JOIN warning w ON w.id = t.warning_id JOIN organization tgo ON tgo.id = t.organization_id
                WHERE EXISTS (SELECT 1 FROM role_grant g JOIN organization go ON go.id = g.organization_id
                  WHERE g.user_id = :p AND g.role IN (:roles) AND tgo.path LIKE go.path || '%')""";
        long overdue = jdbc.sql("SELECT COUNT(*) " + base + """
                 AND ((t.status = 'REACHED' AND w.acknowledge_by < :today)
                  OR (t.status NOT IN ('NOT_AFFECTED', 'FIXED') AND w.fix_by < :today))""")
                .params(scope)
                .param("today", Date.valueOf(today))
                .query(Long.class)
                .single();
        long toAck = jdbc.sql("SELECT COUNT(*) " + base + " AND t.status = 'REACHED' AND w.acknowledge_by >= :today")
                .params(scope)
                .param("today", Date.valueOf(today))
                .query(Long.class)
                .single();
        List<AttentionItem> items = new ArrayList<>();
        if (overdue > 0) {
            items.add(AttentionItem.of(
                    AttentionItem.Severity.CRITICAL, "warnings.attention.overdue", "/warnings", overdue));
        }
        if (toAck > 0) {
            items.add(AttentionItem.of(
                    AttentionItem.Severity.WARNING, "warnings.attention.toAcknowledge", "/warnings", toAck));
        }
        return items;
    }

    @Override
    public String moreLink() {
        return "/warnings";
    }
}
