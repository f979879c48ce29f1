package vn.khien.systems.classification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.Confidence;

/**
 * Picks the regime for a first level determination on a date, from the regimes' effective dates and
 * transitional rules in the rule data (regulation.md §1). Systems already holding an approved level keep it
 * (Luật 116/2025 Đ45.1); that is a property of the system, not a choice made here.
 */
public final class RegimeSelector {

    private final RegimeCatalog catalog;

    public RegimeSelector(RegimeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param date              the day the dossier is prepared or appraised
     * @param investmentStarted when investment/construction of the system began, or {@code null} if unknown
     *                          or the system is already operating
     */
    public RegimeSelection select(LocalDate date, @Nullable LocalDate investmentStarted) {
        for (Regime regime : catalog.all()) {
            if (!regime.isEffectiveOn(date)) {
                continue;
            }
            for (TransitionalRule rule : regime.transitionalRules()) {
                if (rule.appliesTo(date, investmentStarted)) {
                    return new RegimeSelection(
                            rule.useRegimeId(),
                            rule.descriptionVi(),
                            rule.descriptionEn(),
                            rule.legalRef(),
                            rule.confidence(),
                            rule.id());
                }
            }
        }
        Regime regime = latestEffectiveOn(date).orElseGet(() -> latestBefore(date));
        Confidence confidence = regime.isEffectiveOn(date) ? Confidence.PRIMARY : Confidence.UNCONFIRMED;
        String gap = regime.isEffectiveOn(date) ? "" : " (no regime in force on this date; the last one is used)";
        return new RegimeSelection(
                regime.id(),
                "Văn bản có hiệu lực vào ngày xác định cấp độ" + gap,
                "Regime in force on the determination date" + gap,
                regime.legalSource(),
                confidence,
                null);
    }

    private Optional<Regime> latestEffectiveOn(LocalDate date) {
        return catalog.all().stream()
                .filter(r -> r.isEffectiveOn(date))
                .max(Comparator.comparing(Regime::effectiveFrom));
    }

    /**
     * Between the end of one regime and the start of the next (e.g. 01/07–18/08/2026 if NĐ 85's end is read
     * as the repeal of Luật 86/2015) the last regime that started is kept; regulation.md §1 marks this UNCONFIRMED.
     */
    private Regime latestBefore(LocalDate date) {
        List<Regime> started = catalog.all().stream()
                .filter(r -> !r.effectiveFrom().isAfter(date))
                .toList();
        return started.stream()
                .max(Comparator.comparing(Regime::effectiveFrom))
                .orElseThrow(
                        () -> new IllegalArgumentException("no classification regime in force on or before " + date));
    }
}
