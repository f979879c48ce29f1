package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A workflow step taken on a dossier, as returned by the step's method on {@link Dossier} and written by the
 * repository method of the same step. Every step starts a new clock: the status changes, the step starts today with
 * its own legal due day (or none), and the receipt of the previous step is forgotten.
 *
 * @param from            status before the step
 * @param to              status after the step
 * @param recordedAs      the history's name for the step (SUBMIT, RESUBMIT, RETURN, APPRAISE, APPROVE, WITHDRAW)
 * @param actor           who took it
 * @param at              when
 * @param startedOn       the day the next step starts (Asia/Ho_Chi_Minh)
 * @param dueOn           the legal due day of the next step, null when the law sets none
 * @param dueEstimated    whether that due day relies on holiday dates marked estimated
 * @param limitOfThisStep the legal limit this step itself had to be taken by, kept in the history (null if none)
 * @param comment         the comment (required to return; the written opinion when appraising)
 */
record DossierTransition(
        DossierStatus from,
        DossierStatus to,
        String recordedAs,
        Actor actor,
        Instant at,
        LocalDate startedOn,
        LocalDate dueOn,
        boolean dueEstimated,
        LocalDate limitOfThisStep,
        String comment) {

    /** The person taking a step, as kept in the history. */
    public record Actor(long id, String name) {}

    /** A (re)submission: the procedure that applies and the validity check the receipt starts (NĐ 331/2026 Đ23). */
    public record Submission(
            DossierTransition step,
            int procedureLevel,
            String stepLimitRef,
            LocalDate validityDueOn,
            boolean validityDueEstimated,
            String validityLimitRef) {}

    /** An appraisal with its written opinion; the approval's clock starts. */
    public record Appraisal(DossierTransition step, String stepLimitRef) {}

    /** The level decision: its number, date and signer, and optionally the signed file. */
    public record Approval(
            DossierTransition step,
            String decisionNumber,
            LocalDate decisionDate,
            String decisionSigner,
            byte[] signedFile,
            String signedFileName) {}

    /**
     * The receiving body's record of the day it received the complete dossier: the current step's limit counted again
     * from that day; the validity check too while it runs.
     */
    public record Receipt(
            DossierStatus status,
            LocalDate receivedOn,
            LocalDate stepDueOn,
            boolean stepDueEstimated,
            boolean validityRestarted,
            LocalDate validityDueOn,
            boolean validityDueEstimated,
            Actor actor,
            String note,
            Instant at) {}
}
