package vn.khien.obligations.catalogue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.obligations.ObligationStatus;
import vn.khien.platform.duties.DutyApplicability;
import vn.khien.platform.duties.DutyEvidence;

/**
 * Turns a rule, a subject and the owning module's evidence into a status. Plain Java over the rule data: the
 * frequency and lead time come from the catalogue; intervals run from the last completed activity, and a duty is
 * overdue from the day after its due date (regulation.md §12 platform note: overdue at interval + 0 days).
 */
public final class ObligationEngine {

    /**
     * The reason of a duty owed on each event when no event has arisen (issue 13: never MET). A periodic duty whose
     * source reports nothing to prove ({@link DutyEvidence#nothingToProve()}) is likewise NOT_APPLICABLE with the
     * source's reason, never MET.
     */
    public static final String NO_EVENT = "obligation.reason.no-event";

    /**
     * @param answered whether any module reports on this rule: if none does (its module is not built yet), the duty
     *                 is NO_DATA, never MET
     * @param evidence the module's evidence for this subject, null when it has none
     */
    public Obligation evaluate(
            ObligationRule rule, Subject subject, boolean answered, @Nullable DutyEvidence evidence, LocalDate today) {
        if (!rule.appliesTo(subject)) {
            return result(rule, subject, ObligationStatus.NOT_APPLICABLE, null, null, null, "not-applicable");
        }
        if (!answered) {
            return result(rule, subject, ObligationStatus.NO_DATA, null, null, null, "no-source");
        }
        if (evidence != null && evidence.nothingToProve()) {
            // Nothing to prove (no administrative grant to review): the duty has not arisen, so it is not met either.
            return result(
                    rule,
                    subject,
                    ObligationStatus.NOT_APPLICABLE,
                    null,
                    null,
                    evidence,
                    "nothing-to-prove." + evidence.kind());
        }
        if (evidence == null && rule.noRecordIsNoData()) {
            return result(rule, subject, ObligationStatus.NO_DATA, null, null, null, "no-record");
        }
        LocalDate lastMet = evidence == null ? null : evidence.lastMetOn();
        LocalDate reportedDue = evidence == null ? null : evidence.nextDueOn();
        if (rule.owedOnEvent()) {
            return onEvent(rule, subject, evidence, lastMet, reportedDue, today);
        }
        if (reportedDue != null) {
            return byDue(rule, subject, evidence, lastMet, reportedDue, today, "reported-due");
        }
        Schedule schedule = rule.schedule();
        if (schedule instanceof Schedule.Every every) {
            Period period = every.periodFor(subject);
            if (period == null) {
                return result(rule, subject, ObligationStatus.NOT_APPLICABLE, lastMet, null, evidence, "no-level");
            }
            if (lastMet != null) {
                return byDue(rule, subject, evidence, lastMet, lastMet.plus(period), today, "periodic");
            }
            if (rule.firstDueAfterApproval() && subject.approvedOn() != null) {
                return byDue(
                        rule, subject, null, null, subject.approvedOn().plus(period), today, "first-after-approval");
            }
            return result(rule, subject, ObligationStatus.OVERDUE, null, null, null, "never-met");
        }
        if (schedule instanceof Schedule.Before before) {
            return calendar(rule, subject, evidence, lastMet, before, today);
        }
        if (schedule instanceof Schedule.By by) {
            if (lastMet != null) {
                return result(rule, subject, ObligationStatus.MET, lastMet, by.date(), evidence, "met");
            }
            return byDue(rule, subject, null, null, by.date(), today, "fixed-deadline");
        }
        Schedule.Trigger trigger = ((Schedule.OnTrigger) schedule).trigger();
        if (lastMet != null) {
            return result(rule, subject, ObligationStatus.MET, lastMet, null, evidence, "met");
        }
        if (trigger == Schedule.Trigger.NONE) {
            // A historical duty (R48: by 01/10/2022) nothing proves done: unknown, never "met".
            return result(rule, subject, ObligationStatus.NO_DATA, null, null, evidence, "no-historical-record");
        }
        return result(rule, subject, ObligationStatus.OVERDUE, null, null, evidence, "never-met");
    }

    /**
     * A duty owed on each event (an incident to report, a warning to answer, an inspection to support). With no event
     * it is owed by nobody: NOT_APPLICABLE, "no event has arisen", never MET (nothing was done). An open event (the
     * module reports its deadline) is DUE_SOON while its clock runs, whatever the rule's lead time, and OVERDUE from the
     * day after; MET only when an event occurred, the duty was done and no later event is open.
     */
    private Obligation onEvent(
            ObligationRule rule,
            Subject subject,
            @Nullable DutyEvidence evidence,
            @Nullable LocalDate lastMet,
            @Nullable LocalDate openDue,
            LocalDate today) {
        if (openDue != null) {
            return today.isAfter(openDue)
                    ? result(rule, subject, ObligationStatus.OVERDUE, lastMet, openDue, evidence, "event-overdue")
                    : result(rule, subject, ObligationStatus.DUE_SOON, lastMet, openDue, evidence, "event-open");
        }
        if (lastMet != null) {
            return result(rule, subject, ObligationStatus.MET, lastMet, null, evidence, "event-met");
        }
        return result(rule, subject, ObligationStatus.NOT_APPLICABLE, null, null, null, "no-event");
    }

    /**
     * As {@link #evaluate(ObligationRule, Subject, boolean, DutyEvidence, LocalDate)} with the owning source's verdict
     * on whether the duty applies (null: as the catalogue says). A subject the source declares exempt is NOT_APPLICABLE
     * with the source's reason; one that owes the duty and has never met it is OVERDUE with the source's reason.
     */
    public Obligation evaluate(
            ObligationRule rule,
            Subject subject,
            boolean answered,
            @Nullable DutyEvidence evidence,
            @Nullable DutyApplicability verdict,
            LocalDate today) {
        if (verdict != null && rule.appliesTo(subject) && !verdict.applies()) {
            return new Obligation(rule, subject, ObligationStatus.NOT_APPLICABLE, null, null, null, verdict.reason());
        }
        Obligation o = evaluate(rule, subject, answered, evidence, today);
        if (verdict != null && o.reason().equals("obligation.reason.never-met")) {
            return new Obligation(rule, subject, o.status(), o.lastMetOn(), o.dueOn(), o.evidence(), verdict.reason());
        }
        return o;
    }

    /**
     * A yearly calendar of last allowed days. Evidence after the last passed due date means this cycle's duty is done;
     * evidence within the previous cycle means the next due date is still ahead; anything older is overdue since the
     * last passed due date.
     */
    private Obligation calendar(
            ObligationRule rule,
            Subject subject,
            @Nullable DutyEvidence evidence,
            @Nullable LocalDate lastMet,
            Schedule.Before before,
            LocalDate today) {
        List<LocalDate> dues = before.dueDatesAround(today);
        LocalDate next =
                dues.stream().filter(d -> !d.isBefore(today)).findFirst().orElseThrow();
        List<LocalDate> passed = dues.stream().filter(d -> d.isBefore(today)).toList();
        LocalDate previous = passed.get(passed.size() - 1);
        LocalDate beforePrevious = passed.get(passed.size() - 2);
        if (lastMet != null && lastMet.isAfter(previous)) {
            return result(rule, subject, ObligationStatus.MET, lastMet, next, evidence, "met");
        }
        if (lastMet != null && lastMet.isAfter(beforePrevious)) {
            return byDue(rule, subject, evidence, lastMet, next, today, "calendar");
        }
        return result(rule, subject, ObligationStatus.OVERDUE, lastMet, previous, evidence, "calendar-missed");
    }

    private Obligation byDue(
            ObligationRule rule,
            Subject subject,
            @Nullable DutyEvidence evidence,
            @Nullable LocalDate lastMet,
            LocalDate due,
            LocalDate today,
            String reason) {
        ObligationStatus status;
        if (today.isAfter(due)) {
            status = ObligationStatus.OVERDUE;
        } else if (!today.isBefore(due.minus(rule.leadTime()))) {
            status = ObligationStatus.DUE_SOON;
        } else {
            status = ObligationStatus.MET;
        }
        if (lastMet == null && status == ObligationStatus.MET) {
            // Not yet due and nothing proves it done (never scanned since approval, an access review never held):
            // not met, and nobody reminded before the lead time (issue 13: never MET without evidence).
            status = ObligationStatus.NO_DATA;
            reason = "not-yet-due";
        }
        return result(rule, subject, status, lastMet, due, evidence, reason);
    }

    private static Obligation result(
            ObligationRule rule,
            Subject subject,
            ObligationStatus status,
            @Nullable LocalDate lastMet,
            @Nullable LocalDate due,
            @Nullable DutyEvidence evidence,
            String reason) {
        return new Obligation(rule, subject, status, lastMet, due, evidence, "obligation.reason." + reason);
    }
}
