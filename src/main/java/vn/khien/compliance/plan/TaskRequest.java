package vn.khien.compliance.plan;

import java.time.LocalDate;

/** A remediation task for a gap: what, who, by when, optionally for one requirement. */
public record TaskRequest(@jakarta.validation.constraints.Size(max = 100, message = "{validation.size}") String requirementId, @jakarta.validation.constraints.Size(max = 500, message = "{validation.size}") String title, @jakarta.validation.constraints.Size(max = 200, message = "{validation.size}") String owner, LocalDate dueOn) {
}
