package vn.khien.warnings.alerts;

import java.time.Instant;
import java.time.LocalDate;
import vn.khien.platform.FieldProblemException;

/**
 * One system reached by a warning, and the workflow of its unit's response. Each step checks the current status and
 * returns the new state; the repository stores it with an optimistic version check.
 */
record WarningTarget(
        long id,
        long warningId,
        long systemId,
        long organizationId,
        TargetStatus status,
        Justification justification,
        String note,
        LocalDate plannedFixOn,
        String evidence,
        Long acknowledgedBy,
        Instant acknowledgedAt,
        Long fixConfirmedScanId,
        int version) {

    WarningTarget acknowledge(long by, Instant at) {
        if (status != TargetStatus.REACHED) {
            throw invalid();
        }
        return new WarningTarget(
                id,
                warningId,
                systemId,
                organizationId,
                TargetStatus.ACKNOWLEDGED,
                justification,
                note,
                plannedFixOn,
                evidence,
                by,
                at,
                fixConfirmedScanId,
                version);
    }

    /** Not affected needs a VEX justification; allowed until the system is fixed. */
    WarningTarget notAffected(Justification why, String newNote, long by, Instant at) {
        if (status == TargetStatus.FIXED || status == TargetStatus.NOT_AFFECTED) {
            throw invalid();
        }
        if (why == null) {
            throw new FieldProblemException("justification", "warnings.response.justificationRequired");
        }
        return acknowledged(by, at).with(TargetStatus.NOT_AFFECTED, why, newNote, null, evidence, null);
    }

    WarningTarget fixing(LocalDate plan, String newNote, long by, Instant at) {
        if (status.settled()) {
            throw invalid();
        }
        if (plan == null) {
            throw new FieldProblemException("plannedFixOn", "warnings.response.planRequired");
        }
        return acknowledged(by, at).with(TargetStatus.FIXING, null, newNote, plan, evidence, null);
    }

    WarningTarget fixed(String newEvidence, long by, Instant at) {
        if (status == TargetStatus.FIXED || status == TargetStatus.NOT_AFFECTED) {
            throw invalid();
        }
        if (newEvidence == null || newEvidence.isBlank()) {
            throw new FieldProblemException("note", "warnings.response.evidenceRequired");
        }
        return acknowledged(by, at).with(TargetStatus.FIXED, null, note, plannedFixOn, newEvidence, null);
    }

    /** A later scan no longer reports the warning's CVEs. */
    WarningTarget confirmFixed(long scanId) {
        if (status != TargetStatus.FIXED) {
            throw invalid();
        }
        return with(TargetStatus.FIXED, justification, note, plannedFixOn, evidence, scanId);
    }

    /** A later scan reports a warning CVE on a system said to be fixed. */
    WarningTarget reopen(long scanId) {
        if (status != TargetStatus.FIXED) {
            throw invalid();
        }
        return with(TargetStatus.REOPENED, justification, note, plannedFixOn, evidence, null);
    }

    boolean fixConfirmed() {
        return status == TargetStatus.FIXED && fixConfirmedScanId != null;
    }

    private WarningTarget acknowledged(long by, Instant at) {
        return acknowledgedAt != null
                ? this
                : new WarningTarget(
                        id,
                        warningId,
                        systemId,
                        organizationId,
                        status,
                        justification,
                        note,
                        plannedFixOn,
                        evidence,
                        by,
                        at,
                        fixConfirmedScanId,
                        version);
    }

    private WarningTarget with(TargetStatus s, Justification j, String n, LocalDate plan, String ev, Long scan) {
        return new WarningTarget(
                id,
                warningId,
                systemId,
                organizationId,
                s,
                j,
                n,
                plan,
                ev,
                acknowledgedBy,
                acknowledgedAt,
                scan,
                version);
    }

    private FieldProblemException invalid() {
        return new FieldProblemException("status", "warnings.response.notFrom", status.name());
    }
}
