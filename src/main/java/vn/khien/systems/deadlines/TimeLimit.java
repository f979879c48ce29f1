package vn.khien.systems.deadlines;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.Confidence;

/**
 * A legal time limit for one step of the procedure, read from {@code rules/deadlines/time-limits.yaml}.
 *
 * @param effectiveFrom first day the limit applies, or {@code null} for "as long as the regime"
 * @param effectiveTo   last day the limit applies, or {@code null}
 */
public record TimeLimit(
        String id,
        String regimeId,
        ProcedureStep step,
        Set<Integer> levels,
        int amount,
        DayCount unit,
        String startsVi,
        String legalRef,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        Confidence confidence) {

    public TimeLimit {
        levels = Set.copyOf(levels);
        if (amount <= 0) {
            throw new IllegalArgumentException("time limit " + id + " must be positive");
        }
    }

    /** A limit not tied to rule data, e.g. for a campaign or an ad-hoc request. */
    public static TimeLimit of(int amount, DayCount unit) {
        return new TimeLimit(
                "ad-hoc", "-", ProcedureStep.APPROVAL, Set.of(), amount, unit, "", "", null, null, Confidence.PRIMARY);
    }

    public boolean appliesTo(String regime, ProcedureStep procedureStep, int level, LocalDate date) {
        return regimeId.equals(regime)
                && step == procedureStep
                && levels.contains(level)
                && (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
