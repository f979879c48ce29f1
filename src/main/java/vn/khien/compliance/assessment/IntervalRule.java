package vn.khien.compliance.assessment;

import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.Confidence;
import vn.khien.compliance.risks.RiskRating;

/**
 * Assessment interval for some levels (and, under the new regime, a risk rating; null risk = any risk).
 * {@code configurable} is false where the law fixes the number.
 */
record IntervalRule(
        List<Integer> levels,
        @Nullable RiskRating risk,
        Period interval,
        String legalSource,
        Confidence confidence,
        boolean configurable,
        String note) {

    public IntervalRule {
        levels = List.copyOf(levels);
    }

    public boolean matches(int level, RiskRating rating) {
        return levels.contains(level) && (risk == null || risk == rating);
    }
}
