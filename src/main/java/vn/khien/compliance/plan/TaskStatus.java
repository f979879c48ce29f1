package vn.khien.compliance.plan;

/** Progress of a remediation task. */
enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE
}
