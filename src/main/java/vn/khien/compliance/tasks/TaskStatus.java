package vn.khien.compliance.tasks;

/** Progress of a remediation task. */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE
}
