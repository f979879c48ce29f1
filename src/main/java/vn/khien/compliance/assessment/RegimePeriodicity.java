package vn.khien.compliance.assessment;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.Confidence;
import vn.khien.compliance.catalogue.Regime;

/**
 * The assessment rules of one regime.
 *
 * @param organisationInterval whole-organisation assessment interval, null when the regime sets none (new regime)
 * @param externalRequiredWhen triggers that require an external organisation regardless of level (new regime)
 * @param preGoLive            levels needing an assessment before go-live; null when the regime sets none (legacy)
 */
record RegimePeriodicity(
        Regime regime,
        String legalSource,
        Confidence confidence,
        @Nullable Period organisationInterval,
        @Nullable String organisationLegalSource,
        List<IntervalRule> systemRules,
        List<AssessorRule> assessorRules,
        Set<AssessmentTrigger> externalRequiredWhen,
        @Nullable PreGoLiveRule preGoLive,
        String adHoc,
        String notes) {

    public RegimePeriodicity {
        systemRules = List.copyOf(systemRules);
        assessorRules = List.copyOf(assessorRules);
        externalRequiredWhen = Set.copyOf(externalRequiredWhen);
    }
}
