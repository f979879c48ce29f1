package vn.khien.compliance.assessment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.risks.RiskRating;

/**
 * When a system's next periodic assessment is due. For a system never assessed {@code firstFromApproval} is true and
 * {@code nextDue} counts one interval from the approval of its level. {@code preGoLive} is the separate duty some
 * levels have before go-live; {@code risk} is the rating the interval was computed with, {@code riskRated} false when
 * no rating is on file and the schedule assumed its default.
 */
public record AssessmentSchedulePoint(
        @Nullable LocalDate lastCompleted,
        @Nullable LocalDate nextDue,
        boolean overdue,
        boolean firstFromApproval,
        RiskRating risk,
        boolean riskRated,
        PreGoLiveStatus preGoLive) {

    /** What the subtree view counts as needing attention: a periodic assessment late, or a go-live one missing. */
    public boolean attention() {
        return overdue || preGoLive == PreGoLiveStatus.MISSING;
    }
}
