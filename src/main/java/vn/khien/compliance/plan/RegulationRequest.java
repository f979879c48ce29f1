package vn.khien.compliance.plan;

import java.time.LocalDate;

/** The system's security regulation and its issuing decision. */
public record RegulationRequest(String title, String decisionNumber, LocalDate issuedOn, String issuedBy) {
}
