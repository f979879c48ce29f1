package vn.khien.compliance.tasks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A remediation task for a gap: what, who, by when, optionally for one requirement. */
public record TaskRequest(
        @Size(max = 100, message = "{validation.size}") String requirementId,
        @Size(max = 500, message = "{validation.size}") String title,
        @Size(max = 200, message = "{validation.size}") String owner,
        LocalDate dueOn) {}
