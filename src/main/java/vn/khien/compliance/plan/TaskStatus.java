package vn.khien.compliance.plan;

/** Progress of a remediation task. */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE
}
