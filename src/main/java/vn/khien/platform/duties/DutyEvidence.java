package vn.khien.platform.duties;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What proves that a duty was met, and when.
 *
 * @param lastMetOn  the day the duty was last met (a completed scan, an approved plan, a submitted report)
 * @param nextDueOn  when the source itself knows the next due date (a deadline set by a warning, say); otherwise
 *                   null and the obligations engine derives it from the rule's frequency
 * @param kind       what the evidence is, as a short code that has a message key {@code duty.evidence.<kind>}
 * @param id         the evidence row's id, if any
 * @param url        the application path where the evidence (or the place where the duty is done) is shown
 */
public record DutyEvidence(
        @Nullable LocalDate lastMetOn,
        @Nullable LocalDate nextDueOn,
        String kind,
        @Nullable Long id,
        @Nullable String url) {

    public static DutyEvidence met(LocalDate on, String kind, @Nullable Long id, @Nullable String url) {
        return new DutyEvidence(on, null, kind, id, url);
    }
}
