package vn.khien.warnings.alerts;

import java.util.List;

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

    /** The answers a unit may still give from here: exactly those the steps of {@link WarningTarget} accept. */
    List<String> nextResponses() {
        if (settled()) {
            return List.of();
        }
        return this == REACHED
                ? List.of("ACKNOWLEDGED", "NOT_AFFECTED", "FIXING", "FIXED")
                : List.of("NOT_AFFECTED", "FIXING", "FIXED");
    }

    boolean settled() {
        return this == NOT_AFFECTED || this == FIXED;
    }
}
