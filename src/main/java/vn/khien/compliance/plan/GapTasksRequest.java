package vn.khien.compliance.plan;

import java.time.LocalDate;

/** Owner and due date for the gaps whose plan item names none. */
public record GapTasksRequest(String owner, LocalDate dueOn) {
}
