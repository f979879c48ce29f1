package vn.khien.obligations.attention;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.obligations.ObligationStatus;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.status.ObligationService;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/**
 * Recurring duties on the home page: how many are overdue or due soon in what the person sees. Duties other modules
 * already put on the home page in detail (R21 scans: vulnerabilities) are counted here too, as part of the whole.
 */
@Component
@Order(50)
class ObligationsAttention implements AttentionSource {

    private final ObligationService obligations;

    ObligationsAttention(ObligationService obligations) {
        this.obligations = obligations;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        List<Obligation> all = obligations.everythingVisible();
        long overdue =
                all.stream().filter(o -> o.status() == ObligationStatus.OVERDUE).count();
        long dueSoon = all.stream()
                .filter(o -> o.status() == ObligationStatus.DUE_SOON)
                .count();
        List<AttentionItem> items = new ArrayList<>();
        if (overdue > 0) {
            items.add(AttentionItem.of(Severity.CRITICAL, "obligations.attention.overdue", "/obligations", overdue));
        }
        if (dueSoon > 0) {
            items.add(AttentionItem.of(Severity.WARNING, "obligations.attention.dueSoon", "/obligations", dueSoon));
        }
        return items;
    }

    @Override
    public String moreLink() {
        return "/obligations";
    }

    /** Every duty of everything the person sees is evaluated: seconds for a province, minutes nationally (ADR 0059). */
    @Override
    public boolean mayLag() {
        return true;
    }
}
