package vn.khien.compliance.plan;

import java.time.LocalDate;

/** A task as edited: every field is replaced. */
public record TaskUpdate(String title, String owner, LocalDate dueOn, TaskStatus status) {
}
