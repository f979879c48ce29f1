package vn.khien.compliance.tasks;

import java.time.LocalDate;

/** A gap to close: from a plan item that is not met, or from a failed assessment result. */
public record RemediationTask(
        long id,
        long systemId,
        String requirementId,
        Long assessmentId,
        String title,
        String owner,
        LocalDate dueOn,
        boolean done,
        TaskStatus status) {

    public boolean overdue(LocalDate today) {
        return !done && dueOn != null && today.isAfter(dueOn);
    }
}
