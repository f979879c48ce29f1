package vn.khien.compliance.plan;

import java.time.LocalDate;

/** Owner and due date for the gaps whose plan item names none. */
record GapTasksRequest(@jakarta.validation.constraints.Size(max = 200, message = "{validation.size}") String owner, LocalDate dueOn) {
}
