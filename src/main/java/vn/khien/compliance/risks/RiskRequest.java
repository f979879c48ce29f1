package vn.khien.compliance.risks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.khien.compliance.assessment.RiskRating;

/** Rating, the date of the risk assessment it comes from, and a note (e.g. the report's reference). */
public record RiskRequest(
        RiskRating rating,
        LocalDate assessedOn,
        @Size(max = 20000, message = "{validation.size}") String note) {}
