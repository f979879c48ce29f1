package vn.khien.vulnerabilities.findings;

import java.util.EnumSet;
import java.util.Set;

/** Where a finding stands. OPEN and REOPENED count against the SLA; the others do not. */
public enum FindingStatus {
    OPEN,
    REOPENED,
    FIXED,
    ACCEPTED_RISK,
    FALSE_POSITIVE;

    /** Still to be fixed: counted, shown as overdue after the due date. */
    public static final Set<FindingStatus> ACTIVE = EnumSet.of(OPEN, REOPENED);

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
