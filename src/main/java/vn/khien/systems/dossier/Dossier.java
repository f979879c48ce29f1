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
                      String signedFileName, Instant createdAt) {

    /** Late: the step with a legal limit (appraisal, approval) is still open after its due day. */
    public boolean lateOn(LocalDate today) {
        return stepDueOn != null && (status == DossierStatus.SUBMITTED || status == DossierStatus.APPRAISED)
                && today.isAfter(stepDueOn);
    }
}
