package vn.khien.systems.classification.authority;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.Confidence;

/**
 * One row of {@code rules/authority/level-authority.yaml}.
 *
 * @param expertOpinionBy                   role giving the expert opinion before appraisal, or {@code null}
 * @param reportAfterApprovalTo             role informed after approval, or {@code null}
 * @param appraiserWhenSecurityUnitOperates replacement appraiser when the security unit is the operator, or {@code null}
 */
record AuthorityRule(
        String regimeId,
        Set<Integer> levels,
        AuthorityRole dossierPreparedBy,
        @Nullable AuthorityRole expertOpinionBy,
        AuthorityRole submittedForAppraisalBy,
        AuthorityRole appraiser,
        AuthorityRole approver,
        @Nullable String approverSubjectVi,
        @Nullable AuthorityRole reportAfterApprovalTo,
        @Nullable AuthorityRole appraiserWhenSecurityUnitOperates,
        List<AdditionalApproval> additionalApprovals,
        String legalRef,
        Confidence confidence) {

    public AuthorityRule {
        levels = Set.copyOf(levels);
        additionalApprovals = List.copyOf(additionalApprovals);
    }

    public boolean covers(String regime, int level) {
        return regimeId.equals(regime) && levels.contains(level);
    }
}
