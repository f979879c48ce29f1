package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision beyond the level decision that the rule data requires for a dossier (the Prime Minister's list of
 * level-5 / national-security-critical systems; the owner's separate decision on a level-5 plan, Mẫu 07), recorded
 * on the dossier. Pending while {@code decisionNumber} is null.
 */
record AdditionalDecision(
        long id,
        long dossierId,
        String key,
        String role,
        long organizationId,
        String organizationName,
        String subjectVi,
        String subjectEn,
        String legalRef,
        boolean addsToCriticalList,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionSigner,
        String recordedBy,
        Instant recordedAt) {

    public boolean recorded() {
        return decisionNumber != null;
    }
}
