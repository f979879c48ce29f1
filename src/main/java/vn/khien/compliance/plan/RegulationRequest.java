package vn.khien.compliance.plan;

import java.time.LocalDate;

/** The system's security regulation and its issuing decision. */
public record RegulationRequest(@jakarta.validation.constraints.Size(max = 500, message = "{validation.size}") String title, @jakarta.validation.constraints.Size(max = 100, message = "{validation.size}") String decisionNumber, LocalDate issuedOn, @jakarta.validation.constraints.Size(max = 300, message = "{validation.size}") String issuedBy) {
}
