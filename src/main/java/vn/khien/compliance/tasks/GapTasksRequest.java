package vn.khien.compliance.tasks;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Owner and due date for the gaps whose plan item names none. */
public record GapTasksRequest(
        @Size(max = 200, message = "{validation.size}") @Nullable
        String owner,

        @Nullable LocalDate dueOn) {}
