package vn.khien.identity.reviews;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A review listed on its organisation's page. */
record AccessReviewSummary(
        long id,
        String quarter,
        AccessReview.Status status,
        Instant openedAt,
        @Nullable Instant closedAt,
        long grants,
        long undecided) {

    public Quarter period() {
        return Quarter.parse(quarter);
    }
}
