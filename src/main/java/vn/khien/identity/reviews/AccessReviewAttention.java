package vn.khien.identity.reviews;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;

/**
 * "Quarterly access review due" for the head of each organisation holding administrative grants whose review of the
 * current quarter is not closed: to open it, or to finish the open one.
 */
@Component
@Order(60)
class AccessReviewAttention implements AttentionSource {

    private final AccessReviewService reviews;

    AccessReviewAttention(AccessReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        Quarter q = reviews.currentQuarter();
        // the year as text: MessageFormat would group its digits
        String number = String.valueOf(q.number());
        String year = String.valueOf(q.year());
        return reviews.dueForCaller().stream()
                .map(d -> d.reviewId() == null
                        ? AttentionItem.of(
                                AttentionItem.Severity.WARNING,
                                "accessReview.attention.due",
                                "/organizations/" + d.organizationId() + "/access-reviews",
                                number,
                                year,
                                d.organizationName(),
                                d.grants())
                        : AttentionItem.of(
                                AttentionItem.Severity.WARNING,
                                "accessReview.attention.open",
                                "/access-reviews/" + d.reviewId(),
                                number,
                                year,
                                d.organizationName()))
                .toList();
    }
}
