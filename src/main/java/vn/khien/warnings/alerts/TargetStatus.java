package vn.khien.warnings.alerts;

/** Where one system's response to a warning stands. */
enum TargetStatus {
    /** Matched (or declared) and not yet acknowledged by its unit. */
    REACHED,
    ACKNOWLEDGED,
    NOT_AFFECTED,
    FIXING,
    FIXED,
    /** Was FIXED, and a later scan reported the CVE again. */
    REOPENED;

    boolean settled() {
        return this == NOT_AFFECTED || this == FIXED;
    }
}
