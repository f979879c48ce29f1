package vn.khien.compliance.tasks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A remediation task for a gap: what, who, by when, optionally for one requirement. */
public record TaskRequest(
        @Size(max = 100, message = "{validation.size}") @Nullable
        String requirementId,

        @Size(max = 500, message = "{validation.size}") @Nullable
        String title,

        @Size(max = 200, message = "{validation.size}") @Nullable
        String owner,

        @Nullable LocalDate dueOn) {}
