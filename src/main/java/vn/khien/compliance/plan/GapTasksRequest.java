package vn.khien.compliance.plan;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Owner and due date for the gaps whose plan item names none. */
record GapTasksRequest(
        @Size(max = 200, message = "{validation.size}") String owner, LocalDate dueOn) {}
