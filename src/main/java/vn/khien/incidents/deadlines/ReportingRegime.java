package vn.khien.incidents.deadlines;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reporting regime: the rules that apply to incidents detected between two local dates (inclusive; null = open).
 * A regime that {@code combines} others applies all their limits; when it is a {@code choice} of the platform rather
 * than a rule of law, the screens say so with {@code choiceVi}/{@code choiceEn}.
 */
public record ReportingRegime(
        String id,
        String nameVi,
        String nameEn,
        @Nullable LocalDate detectedFrom,
        @Nullable LocalDate detectedTo,
        String legalRef,
        boolean choice,
        @Nullable String choiceVi,
        @Nullable String choiceEn,
        List<String> combines,
        boolean seriousRequiresBeyondCapacity,
        String seriousRef) {

    public ReportingRegime {
        combines = combines == null ? List.of() : List.copyOf(combines);
    }

    boolean covers(LocalDate day) {
        return (detectedFrom == null || !day.isBefore(detectedFrom))
                && (detectedTo == null || !day.isAfter(detectedTo));
    }
}
