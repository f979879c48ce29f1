package vn.khien.compliance.tasks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A task as edited: every field is replaced. */
public record TaskUpdate(
        @Size(max = 500, message = "{validation.size}") @Nullable
        String title,

        @Size(max = 200, message = "{validation.size}") @Nullable
        String owner,

        @Nullable LocalDate dueOn,
        @Nullable TaskStatus status) {}
