package vn.khien.obligations.catalogue;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.obligations.ObligationStatus;
import vn.khien.platform.duties.DutyEvidence;

/**
 * One duty evaluated for one subject.
 *
 * @param reason   message key explaining the status (obligation.reason.*)
 * @param evidence what the owning module reported, null when nothing
 */
public record Obligation(
        ObligationRule rule,
        Subject subject,
        ObligationStatus status,
        @Nullable LocalDate lastMetOn,
        @Nullable LocalDate dueOn,
        @Nullable DutyEvidence evidence,
        String reason) {

    /** Where a reader goes from this cell: the evidence if any, otherwise the page where the duty is done. */
    public String link() {
        if (evidence != null && evidence.url() != null && status == ObligationStatus.MET) {
            return evidence.url();
        }
        return rule.whereFor(subject);
    }
}
