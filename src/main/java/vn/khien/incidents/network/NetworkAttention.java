package vn.khien.incidents.network;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/** Contact-point changes not yet reported to the coordinator (R27, 24 h), for the people who may report them. */
@Component
@Order(42)
class NetworkAttention implements AttentionSource {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final NetworkRepository network;
    private final NetworkRules rules;
    private final Clock clock;

    NetworkAttention(NetworkRepository network, NetworkRules rules, Clock clock) {
        this.network = network;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        Instant now = clock.instant();
        List<AttentionItem> items = new ArrayList<>();
        for (Object[] row : network.unreportedChangesActable()) {
            Instant due = rules.contactReportDue((Instant) row[2]);
            boolean late = now.isAfter(due);
            items.add(AttentionItem.of(
                    late ? AttentionItem.Severity.CRITICAL : AttentionItem.Severity.WARNING,
                    late ? "ircnetwork.attention.contactLate" : "ircnetwork.attention.contact",
                    "/incident-network/" + row[0],
                    row[1],
                    due.atZone(NetworkRules.VN).format(AT)));
        }
        return items;
    }
}
