package vn.khien.compliance.assessment;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.Levels;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.risks.RiskRating;

/**
 * When a system's next periodic assessment is due and whether it is overdue, from the periodicity rules.
 * Intervals run from the last completed assessment (regulation.md §12 platform note on R19). A system never assessed
 * owes its first periodic assessment one interval after its level was approved: the duty to assess periodically
 * attaches to the approved level (NĐ 85 Đ20.2.c; NĐ 331 Đ28.5.a), and neither regime asks for a periodic assessment
 * on the day of approval. What a regime does ask before go-live is a separate duty, see {@link #preGoLive}.
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

    public Period intervalFor(Regime regime, int level, @Nullable RiskRating risk) {
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
     * @param lastAssessment date the last periodic assessment was completed; must not be null — for a system never
     *                       assessed use {@link #dueDate}, which counts from the approval
     */
    public LocalDate nextDue(Regime regime, int level, RiskRating risk, LocalDate lastAssessment) {
        if (lastAssessment == null) {
            throw new IllegalArgumentException("No last assessment: count from the approval with dueDate");
        }
        return lastAssessment.plus(intervalFor(regime, level, risk));
    }

    /**
     * Next periodic due date: one interval after the last completed assessment, or, for a system never assessed, one
     * interval after the approval of its level. Null only when neither date is known.
     */
    public @Nullable LocalDate dueDate(
            Regime regime,
            int level,
            @Nullable RiskRating risk,
            @Nullable LocalDate lastAssessment,
            @Nullable LocalDate approvedOn) {
        LocalDate anchor = lastAssessment != null ? lastAssessment : approvedOn;
        return anchor == null ? null : anchor.plus(intervalFor(regime, level, risk));
    }

    /**
     * Overdue from the day after the due date, with no grace period. Without any date to count from (an approval
     * recorded without its date) the system counts as overdue: every levelled system must be assessed periodically
     * and nothing shows that it ever was.
     */
    public boolean isOverdue(
            Regime regime,
            int level,
            @Nullable RiskRating risk,
            @Nullable LocalDate lastAssessment,
            @Nullable LocalDate approvedOn,
            LocalDate today) {
        LocalDate due = dueDate(regime, level, risk, lastAssessment, approvedOn);
        return due == null || today.isAfter(due);
    }

    public boolean isOverdue(
            Regime regime, int level, @Nullable RiskRating risk, @Nullable LocalDate lastAssessment, LocalDate today) {
        return isOverdue(regime, level, risk, lastAssessment, null, today);
    }

    public boolean isOverdue(Regime regime, int level, @Nullable LocalDate lastAssessment, LocalDate today) {
        return isOverdue(regime, level, DEFAULT_RISK, lastAssessment, today);
    }

    /**
     * The assessment a regime requires before go-live, as a duty of its own (legacy: none — TT 12 Đ9.6 asks that the
     * plan be implemented before go-live, which the plan's share measures; NĐ 331 Đ28.3: level 5, see the data).
     *
     * @param liveSince      day the system went live, null while it is not live
     * @param assessedBefore whether a completed BEFORE_GO_LIVE assessment is on file
     */
    public PreGoLiveStatus preGoLive(
            Regime regime,
            int level,
            @Nullable LocalDate approvedOn,
            @Nullable LocalDate liveSince,
            boolean assessedBefore) {
        Levels.check(level);
        PreGoLiveRule rule = rules.of(regime).preGoLive();
        if (rule == null || !rule.appliesTo(level)) {
            return PreGoLiveStatus.NOT_REQUIRED;
        }
        if (assessedBefore) {
            return PreGoLiveStatus.DONE;
        }
        if (liveSince == null) {
            return PreGoLiveStatus.DUE_BEFORE_GO_LIVE;
        }
        // Live before this approval: no assessment can precede that go-live any more; the periodic duty covers it.
        if (approvedOn != null && liveSince.isBefore(approvedOn)) {
            return PreGoLiveStatus.NOT_REQUIRED;
        }
        return PreGoLiveStatus.MISSING;
    }

    public Optional<PreGoLiveRule> preGoLiveRule(Regime regime) {
        return Optional.ofNullable(rules.of(regime).preGoLive());
    }

    /** Next whole-organisation assessment; empty under the new regime, which sets no organisation-wide interval. */
    public Optional<LocalDate> organisationNextDue(Regime regime, @Nullable LocalDate lastAssessment) {
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
