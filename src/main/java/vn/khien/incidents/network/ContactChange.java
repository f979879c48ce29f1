package vn.khien.incidents.network;

import java.time.Instant;

/**
 * One change of the 24/7 contact point (the change log is the list of these), and its one workflow step: reporting it
 * to the coordinator. On time when reported by {@code reportDueAt} (the change plus the rule's limit, 24 h).
 */
record ContactChange(
        long id,
        long organizationId,
        String contactName,
        String phone,
        String email,
        String receptionAddress,
        String changedByName,
        Instant changedAt,
        Instant reportDueAt,
        Instant reportedAt,
        String reportedByName) {

    public boolean reported() {
        return reportedAt != null;
    }

    /** Reported within the limit; null while not reported. */
    public Boolean reportedOnTime() {
        return reportedAt == null ? null : !reportedAt.isAfter(reportDueAt);
    }

    public boolean overdue(Instant now) {
        return reportedAt == null && now.isAfter(reportDueAt);
    }

    /** The change, reported now. Only an unreported change can be reported; the time is never before the change. */
    ContactChange markReported(Instant at, String by) {
        if (reported()) {
            throw new IllegalStateException("already reported");
        }
        Instant when = at.isBefore(changedAt) ? changedAt : at;
        return new ContactChange(
                id,
                organizationId,
                contactName,
                phone,
                email,
                receptionAddress,
                changedByName,
                changedAt,
                reportDueAt,
                when,
                by);
    }
}
