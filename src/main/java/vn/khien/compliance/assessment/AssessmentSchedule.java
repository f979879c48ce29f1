package vn.khien.compliance.assessment;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

import vn.khien.compliance.catalogue.Levels;
import vn.khien.compliance.catalogue.Regime;

/**
 * When a system's next periodic assessment is due and whether it is overdue, from the periodicity rules.
 * Intervals run from the last completed assessment (regulation.md §12 platform note on R19).
 */
public final class AssessmentSchedule {

    /** New-regime intervals depend on risk; without a risk assessment on file the platform assumes MEDIUM. */
    public static final RiskRating DEFAULT_RISK = RiskRating.MEDIUM;

    private final AssessmentPeriodicityRules rules;

    public AssessmentSchedule(AssessmentPeriodicityRules rules) {
        this.rules = rules;
    }

    public static AssessmentSchedule withDefaultRules() {
        return new AssessmentSchedule(AssessmentPeriodicityRules.loadDefault());
    }

    public Period intervalFor(Regime regime, int level, RiskRating risk) {
        Levels.check(level);
        RiskRating rating = risk == null ? DEFAULT_RISK : risk;
        return rules.of(regime).systemRules().stream()
                .filter(rule -> rule.matches(level, rating))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No interval for " + regime + " level " + level))
                .interval();
    }

    public LocalDate nextDue(Regime regime, int level, LocalDate lastAssessment) {
        return nextDue(regime, level, DEFAULT_RISK, lastAssessment);
    }

    /**
     * @param lastAssessment date the last periodic assessment was completed; must not be null — a system never
     *                       assessed is already due, see {@link #isOverdue}
     */
    public LocalDate nextDue(Regime regime, int level, RiskRating risk, LocalDate lastAssessment) {
        if (lastAssessment == null) {
            throw new IllegalArgumentException("No last assessment: the system is due now");
        }
        return lastAssessment.plus(intervalFor(regime, level, risk));
    }

    /**
     * Overdue from the day after the due date, with no grace period. A system with no completed assessment is
     * overdue, because both regimes require periodic assessment of every levelled system.
     */
    public boolean isOverdue(Regime regime, int level, RiskRating risk, LocalDate lastAssessment, LocalDate today) {
        if (lastAssessment == null) {
            return true;
        }
        return today.isAfter(nextDue(regime, level, risk, lastAssessment));
    }

    public boolean isOverdue(Regime regime, int level, LocalDate lastAssessment, LocalDate today) {
        return isOverdue(regime, level, DEFAULT_RISK, lastAssessment, today);
    }

    /** Next whole-organisation assessment; empty under the new regime, which sets no organisation-wide interval. */
    public Optional<LocalDate> organisationNextDue(Regime regime, LocalDate lastAssessment) {
        Period interval = rules.of(regime).organisationInterval();
        if (interval == null || lastAssessment == null) {
            return Optional.empty();
        }
        return Optional.of(lastAssessment.plus(interval));
    }

    /**
     * Who must assess the system. Under the new regime any listed trigger (critical system, serious incident, high
     * risk, major change, doubtful self-assessment, request) requires an external specialised organisation.
     */
    public AssessorRequirement requiredAssessor(Regime regime, int level, Set<AssessmentTrigger> circumstances) {
        Levels.check(level);
        RegimePeriodicity regimeRules = rules.of(regime);
        boolean triggered = circumstances.stream().anyMatch(regimeRules.externalRequiredWhen()::contains);
        if (triggered) {
            return AssessorRequirement.EXTERNAL_SPECIALISED_ORGANISATION;
        }
        return regimeRules.assessorRules().stream()
                .filter(rule -> rule.levels().contains(level))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No assessor rule for " + regime + " level " + level))
                .assessor();
    }
}
