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
 * @param nothingToProve the subject holds nothing the duty is about (an organisation with no administrative grant
 *                   has no access to review): the obligations engine reads it as NOT_APPLICABLE with the reason
 *                   {@code obligation.reason.nothing-to-prove.<kind>}, never as MET (issue 13: a duty with nothing to
 *                   prove is not met)
 */
public record DutyEvidence(
        @Nullable LocalDate lastMetOn,
        @Nullable LocalDate nextDueOn,
        String kind,
        @Nullable Long id,
        @Nullable String url,
        boolean nothingToProve) {

    public DutyEvidence(
            @Nullable LocalDate lastMetOn,
            @Nullable LocalDate nextDueOn,
            String kind,
            @Nullable Long id,
            @Nullable String url) {
        this(lastMetOn, nextDueOn, kind, id, url, false);
    }

    /**
     * The subject has nothing the duty is about ({@code kind} names what is missing, with a message key
     * {@code obligation.reason.nothing-to-prove.<kind>}): no day it was met, no due date.
     */
    public static DutyEvidence nothingToProve(String kind, @Nullable String url) {
        return new DutyEvidence(null, null, kind, null, url, true);
    }

    public static DutyEvidence met(LocalDate on, String kind, @Nullable Long id, @Nullable String url) {
        return new DutyEvidence(on, null, kind, id, url);
    }
}
