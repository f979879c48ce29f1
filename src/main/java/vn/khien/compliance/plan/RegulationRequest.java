package vn.khien.compliance.plan;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The system's security regulation and its issuing decision. */
public record RegulationRequest(
        @Size(max = 500, message = "{validation.size}") String title,
        @Size(max = 100, message = "{validation.size}") String decisionNumber,
        LocalDate issuedOn,
        @Size(max = 300, message = "{validation.size}") String issuedBy) {}
