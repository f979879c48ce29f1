package vn.khien.systems.classification;

import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.Confidence;

/**
 * Which regime governs a level determination, and on what legal ground.
 *
 * @param transitionalRuleId the transitional provision applied, or {@code null} for plain effective dates
 */
public record RegimeSelection(
        String regimeId,
        String groundVi,
        String groundEn,
        String legalRef,
        Confidence confidence,
        @Nullable String transitionalRuleId) {}
