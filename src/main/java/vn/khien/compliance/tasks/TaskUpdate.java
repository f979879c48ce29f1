package vn.khien.compliance.tasks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A task as edited: every field is replaced. */
public record TaskUpdate(
        @Size(max = 500, message = "{validation.size}") String title,
        @Size(max = 200, message = "{validation.size}") String owner,
        LocalDate dueOn,
        TaskStatus status) {}
