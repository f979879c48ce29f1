package vn.khien.incidents.cases;

/** The case's working severity (the legal "serious" is computed by the deadline rules apart from it). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
