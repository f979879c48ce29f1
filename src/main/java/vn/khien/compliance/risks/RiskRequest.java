package vn.khien.compliance.risks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Rating, the date of the risk assessment it comes from, and a note (e.g. the report's reference). */
public record RiskRequest(
        @Nullable RiskRating rating,
        @Nullable LocalDate assessedOn,

        @Size(max = 20000, message = "{validation.size}") @Nullable
        String note) {}
