package vn.khien.compliance.plan;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The system's security regulation and its issuing decision. */
public record RegulationRequest(
        @Size(max = 500, message = "{validation.size}") @Nullable
        String title,

        @Size(max = 100, message = "{validation.size}") @Nullable
        String decisionNumber,

        @Nullable LocalDate issuedOn,

        @Size(max = 300, message = "{validation.size}") @Nullable
        String issuedBy) {}
