package vn.khien.incidents.deadlines;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the deadline rules look at.
 *
 * @param serious          the reporter's assessment of the impact (QĐ 05 Đ9 condition 1 / NĐ 331 "serious"); null = no
 * @param responseEndedAt  when the response ended, or null while it goes on
 */
public record IncidentFacts(
        OffsetDateTime detectedAt,
        boolean beyondCapacity,
        @Nullable Boolean serious,
        boolean nationalSecuritySigns,
        @Nullable OffsetDateTime responseEndedAt) {

    public IncidentFacts {
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    public static IncidentFacts detected(OffsetDateTime detectedAt) {
        return new IncidentFacts(detectedAt, false, null, false, null);
    }

    public IncidentFacts beyondCapacity(boolean value) {
        return new IncidentFacts(detectedAt, value, serious, nationalSecuritySigns, responseEndedAt);
    }

    public IncidentFacts serious(boolean value) {
        return new IncidentFacts(detectedAt, beyondCapacity, value, nationalSecuritySigns, responseEndedAt);
    }

    public IncidentFacts nationalSecuritySigns(boolean value) {
        return new IncidentFacts(detectedAt, beyondCapacity, serious, value, responseEndedAt);
    }

    public IncidentFacts responseEnded(OffsetDateTime at) {
        return new IncidentFacts(detectedAt, beyondCapacity, serious, nationalSecuritySigns, at);
    }
}
