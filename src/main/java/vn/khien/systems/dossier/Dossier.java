package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.deadlines.Deadline;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.dossier.DossierTransition.Actor;

/** A level dossier as stored (without the signed file's bytes). */
public record Dossier(
        long id,
        long systemId,
        String systemCode,
        String systemName,
        long ownerOrganizationId,
        Long classificationId,
        String regime,
        int proposedLevel,
        DossierStatus status,
        long preparerOrgId,
        long appraiserOrgId,
        String appraiserName,
        long approverOrgId,
        String approverName,
        Long expertOrgId,
        String authorityLegalRef,
        Long submittedBy,
        Instant submittedAt,
        LocalDate stepStartedOn,
        LocalDate stepDueOn,
        String stepLimitRef,
        Long appraisedBy,
        Instant appraisedAt,
        String appraisalOpinion,
        Long approvedBy,
        Instant approvedAt,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionSigner,
        String signedFileName,
        Instant createdAt,
        LocalDate validityDueOn,
        String validityLimitRef,
        LocalDate receivedOn,
        boolean stepDueEstimated,
        boolean validityDueEstimated,
        Integer procedureLevel) {

    /** The level whose procedure applies: 5 for a level-3 or level-4 system on the critical list (NĐ 331/2026 Đ20.4). */
    public int procedureLevelOrProposed() {
        return procedureLevel == null ? proposedLevel : procedureLevel;
    }

    /** Whether the level-5 procedure applies to a lower proposed level. */
    public boolean escalated() {
        return procedureLevel != null && procedureLevel > proposedLevel;
    }

    /**
     * The Prime Minister's and the owner's additional decisions (NĐ 331/2026 Đ20.3, Đ24, Mẫu 07; NĐ 85/2016 Đ11(e)) are
     * recorded after appraisal and before the level decision.
     *
     * @throws FieldProblemException in any other status
     */
    public void acceptsAdditionalDecision() {
        if (status != DossierStatus.APPRAISED) {
            throw new FieldProblemException("status", "systems.dossier.wrongStatus", status);
        }
    }

    /**
     * The legally limited step whose clock a recorded receipt restarts: the appraisal (and the validity check) while
     * the dossier waits at the appraiser, the approval once appraised. The limits run from the day the competent body
     * receives the complete dossier (NĐ 85/2016 Đ16.2, Đ17; NĐ 331/2026 Đ23, Đ24), which may be a paper dossier.
     *
     * @throws FieldProblemException in any other status
     */
    public ProcedureStep receiptRestarts() {
        if (status == DossierStatus.SUBMITTED) {
            return ProcedureStep.APPRAISAL;
        }
        if (status == DossierStatus.APPRAISED) {
            return ProcedureStep.APPROVAL;
        }
        throw new FieldProblemException("status", "systems.dossier.wrongStatus", status);
    }

    /** Late: a step with a legal limit (validity check, appraisal, approval) is still open after its due day. */
    public boolean lateOn(LocalDate today) {
        return lateStep(today) != null;
    }

    /**
     * Which legally limited step is late today: {@code VALIDITY_CHECK} (a submitted dossier neither returned as
     * incomplete nor appraised within the limit of NĐ 331/2026 Đ23), {@code APPRAISAL} or {@code APPROVAL}; null if none.
     */
    public String lateStep(LocalDate today) {
        if (status == DossierStatus.SUBMITTED
                && validityDueOn != null
                && today.isAfter(validityDueOn)
                && (stepDueOn == null || !today.isAfter(stepDueOn))) {
            return "VALIDITY_CHECK";
        }
        if (stepDueOn != null && today.isAfter(stepDueOn)) {
            if (status == DossierStatus.SUBMITTED) {
                return "APPRAISAL";
            }
            if (status == DossierStatus.APPRAISED) {
                return "APPROVAL";
            }
        }
        return null;
    }

    /** The validity check is open while the dossier waits at the appraiser with a limit to return it. */
    public boolean validityCheckOpen() {
        return status == DossierStatus.SUBMITTED && validityDueOn != null;
    }

    // ---- the workflow's steps: each checks the status it is taken from and returns the new state, which the
    // repository method of the same name writes. Who may take a step is DossierActors' question, not the dossier's.

    /**
     * Submits a draft, or resubmits a returned dossier, under the procedure that applies now. The appraisal's legal
     * limit and the validity check (NĐ 331/2026 Đ23) run from today until the appraising body records its receipt.
     */
    public DossierTransition.Submission submit(
            Actor by,
            Instant at,
            String comment,
            int procedureLevel,
            Optional<Deadline> appraisal,
            Optional<Deadline> validity) {
        requireStatusFor(DossierAction.SUBMIT);
        DossierTransition step = new DossierTransition(
                status,
                DossierStatus.SUBMITTED,
                status == DossierStatus.RETURNED ? "RESUBMIT" : "SUBMIT",
                by,
                at,
                day(at),
                appraisal.map(Deadline::due).orElse(null),
                appraisal.map(Deadline::reliesOnEstimates).orElse(false),
                null,
                blankToNull(comment));
        return new DossierTransition.Submission(
                step,
                procedureLevel,
                appraisal.map(l -> l.limit().legalRef()).orElse(null),
                validity.map(Deadline::due).orElse(null),
                validity.map(Deadline::reliesOnEstimates).orElse(false),
                validity.map(l -> l.limit().legalRef()).orElse(null));
    }

    /** Returns a submitted dossier to its author for revision; the reason is required. */
    public DossierTransition returnForRevision(Actor by, Instant at, String comment) {
        requireStatusFor(DossierAction.RETURN);
        String reason = blankToNull(comment);
        if (reason == null) {
            throw new FieldProblemException("comment", "systems.dossier.commentRequired");
        }
        // Returning an incomplete dossier is the step the validity check limits.
        return new DossierTransition(
                status, DossierStatus.RETURNED, "RETURN", by, at, day(at), null, false, validityDueOn, reason);
    }

    /** Appraises a submitted dossier with the written opinion (required); the approval's legal limit starts. */
    public DossierTransition.Appraisal appraise(Actor by, Instant at, String opinion, Optional<Deadline> approval) {
        requireStatusFor(DossierAction.APPRAISE);
        String written = blankToNull(opinion);
        if (written == null) {
            throw new FieldProblemException("comment", "systems.dossier.opinionRequired");
        }
        DossierTransition step = new DossierTransition(
                status,
                DossierStatus.APPRAISED,
                "APPRAISE",
                by,
                at,
                day(at),
                approval.map(Deadline::due).orElse(null),
                approval.map(Deadline::reliesOnEstimates).orElse(false),
                stepDueOn,
                written);
        return new DossierTransition.Appraisal(
                step, approval.map(l -> l.limit().legalRef()).orElse(null));
    }

    /**
     * Approves an appraised dossier with the level decision. The caller has checked the decision's fields and the
     * preconditions of approval (they need the rule data and the system's regulation).
     */
    public DossierTransition.Approval approve(
            Actor by,
            Instant at,
            String comment,
            String decisionNumber,
            LocalDate decisionDate,
            String decisionSigner,
            byte[] signedFile,
            String signedFileName) {
        requireStatusFor(DossierAction.APPROVE);
        DossierTransition step = new DossierTransition(
                status,
                DossierStatus.APPROVED,
                "APPROVE",
                by,
                at,
                day(at),
                null,
                false,
                stepDueOn,
                blankToNull(comment));
        return new DossierTransition.Approval(
                step,
                decisionNumber.trim(),
                decisionDate,
                decisionSigner.trim(),
                signedFile,
                signedFile == null ? null : blankToNull(signedFileName) == null ? "quyet-dinh.pdf" : signedFileName);
    }

    /** Withdraws a dossier still open. */
    public DossierTransition withdraw(Actor by, Instant at, String comment) {
        requireStatusFor(DossierAction.WITHDRAW);
        return new DossierTransition(
                status, DossierStatus.WITHDRAWN, "WITHDRAW", by, at, day(at), null, false, null, blankToNull(comment));
    }

    /**
     * Records the day the body handling the current step received the complete dossier: that step's limit (and the
     * validity check while it runs) counted again from that day.
     *
     * @param limit    the current step's limit counted from {@code receivedOn}
     * @param validity the validity check's limit counted from {@code receivedOn}
     */
    public DossierTransition.Receipt receive(
            Actor by,
            Instant at,
            LocalDate receivedOn,
            String note,
            Optional<Deadline> limit,
            Optional<Deadline> validity) {
        ProcedureStep step = receiptRestarts();
        if (receivedOn == null) {
            throw new FieldProblemException("receivedOn", "validation.required");
        }
        if (receivedOn.isAfter(day(at))) {
            throw new FieldProblemException("receivedOn", "legal.receipt.future");
        }
        LocalDate created = day(createdAt);
        if (receivedOn.isBefore(created)) {
            throw new FieldProblemException(
                    "receivedOn", "legal.receipt.beforeDossier", DateDisplay.DATE.format(created));
        }
        boolean restartsValidity = step == ProcedureStep.APPRAISAL && validityDueOn != null;
        return new DossierTransition.Receipt(
                status,
                receivedOn,
                limit.map(Deadline::due).orElse(null),
                limit.map(Deadline::reliesOnEstimates).orElse(false),
                restartsValidity,
                restartsValidity ? validity.map(Deadline::due).orElse(validityDueOn) : validityDueOn,
                restartsValidity ? validity.map(Deadline::reliesOnEstimates).orElse(false) : validityDueEstimated,
                by,
                blankToNull(note),
                at);
    }

    private void requireStatusFor(DossierAction action) {
        if (!action.allowedFrom(status)) {
            throw new FieldProblemException("status", "systems.dossier.wrongStatus", status);
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PlatformConfiguration.ZONE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
