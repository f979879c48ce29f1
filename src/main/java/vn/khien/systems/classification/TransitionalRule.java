package vn.khien.systems.classification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.Confidence;

/**
 * A transitional provision that keeps an older regime for some systems after a newer one took effect,
 * e.g. NĐ 331/2026 Đ39.1: systems under investment before 01/07/2026 are appraised under NĐ 85/2016 until the window closes.
 */
record TransitionalRule(
        String id,
        String legalRef,
        Confidence confidence,
        String descriptionVi,
        String descriptionEn,
        LocalDate investmentStartedBefore,
        String useRegimeId,
        LocalDate until) {

    public boolean appliesTo(LocalDate date, @Nullable LocalDate investmentStarted) {
        return investmentStarted != null && investmentStarted.isBefore(investmentStartedBefore) && !date.isAfter(until);
    }
}
