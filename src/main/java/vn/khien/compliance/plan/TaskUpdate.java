package vn.khien.compliance.plan;

import java.time.LocalDate;

/** A task as edited: every field is replaced. */
record TaskUpdate(@jakarta.validation.constraints.Size(max = 500, message = "{validation.size}") String title, @jakarta.validation.constraints.Size(max = 200, message = "{validation.size}") String owner, LocalDate dueOn, TaskStatus status) {
}
