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
                      String signedFileName, Instant createdAt, LocalDate validityDueOn, String validityLimitRef) {

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
