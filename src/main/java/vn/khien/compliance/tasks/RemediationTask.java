package vn.khien.compliance.tasks;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A gap to close: from a plan item that is not met, or from a failed assessment result. */
public record RemediationTask(
        long id,
        long systemId,
        @Nullable String requirementId,
        @Nullable Long assessmentId,
        String title,
        @Nullable String owner,
        LocalDate dueOn,
        boolean done,
        TaskStatus status) {

    public boolean overdue(LocalDate today) {
        return !done && dueOn != null && today.isAfter(dueOn);
    }
}
