package vn.khien.incidents.drills;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/** Level-3+ systems whose yearly live-fire drill (R24) is due, on the home page. */
@Component
@Order(41)
class DrillsAttention implements AttentionSource {

    private final DrillRepository drills;
    private final Clock clock;

    public DrillsAttention(DrillRepository drills, Clock clock) {
        this.drills = drills;
        this.clock = clock;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        LocalDate today = LocalDate.now(clock);
        List<AttentionItem> items = new ArrayList<>();
        for (Object[] row : drills.level3PlusVisible()) {
            DrillService.LiveFireDuty duty = DrillService.LiveFireDuty.of((Integer) row[2], (LocalDate) row[3], today);
            if (duty.overdue()) {
                items.add(AttentionItem.of(
                        AttentionItem.Severity.WARNING,
                        "incidents.attention.drill",
                        "/systems/" + row[0] + "/drills",
                        row[1],
                        String.valueOf(row[2]),
                        String.valueOf(today.getYear())));
            }
        }
        return items;
    }
}
