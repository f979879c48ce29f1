package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;

/** A level dossier as stored (without the signed file's bytes). */
public record Dossier(long id, long systemId, String systemCode, String systemName, long ownerOrganizationId,
                      Long classificationId, String regime, int proposedLevel, DossierStatus status,
                      long preparerOrgId, long appraiserOrgId, String appraiserName, long approverOrgId,
                      String approverName, Long expertOrgId, String authorityLegalRef, Long submittedBy,
                      Instant submittedAt, LocalDate stepStartedOn, LocalDate stepDueOn, String stepLimitRef,
                      Long appraisedBy, Instant appraisedAt, String appraisalOpinion, Long approvedBy,
                      Instant approvedAt, String decisionNumber, LocalDate decisionDate, String decisionSigner,
                      String signedFileName, Instant createdAt, LocalDate validityDueOn, String validityLimitRef,
                      LocalDate receivedOn, boolean stepDueEstimated, boolean validityDueEstimated,
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
     * @throws vn.khien.platform.FieldProblemException in any other status
     */
    public void acceptsAdditionalDecision() {
        if (status != DossierStatus.APPRAISED) {
            throw new vn.khien.platform.FieldProblemException("status", "systems.dossier.wrongStatus", status);
        }
    }

    /**
     * The legally limited step whose clock a recorded receipt restarts: the appraisal (and the validity check) while
     * the dossier waits at the appraiser, the approval once appraised. The limits run from the day the competent body
     * receives the complete dossier (NĐ 85/2016 Đ16.2, Đ17; NĐ 331/2026 Đ23, Đ24), which may be a paper dossier.
     *
     * @throws vn.khien.platform.FieldProblemException in any other status
     */
    public vn.khien.systems.deadlines.ProcedureStep receiptRestarts() {
        if (status == DossierStatus.SUBMITTED) {
            return vn.khien.systems.deadlines.ProcedureStep.APPRAISAL;
        }
        if (status == DossierStatus.APPRAISED) {
            return vn.khien.systems.deadlines.ProcedureStep.APPROVAL;
        }
        throw new vn.khien.platform.FieldProblemException("status", "systems.dossier.wrongStatus", status);
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
        if (status == DossierStatus.SUBMITTED && validityDueOn != null && today.isAfter(validityDueOn)
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
}
