package vn.khien.systems.classification.authority;

import java.util.List;
import java.util.Optional;

/**
 * Concrete organisations for one dossier.
 *
 * @param procedureLevel the level whose procedure applies (may exceed the proposed level, NĐ 331/2026 Đ20.4)
 * @param rule           the data row applied, with its legal citation
 */
public record AuthorityAssignment(
        int proposedLevel,
        int procedureLevel,
        String dossierPreparerOrgId,
        Optional<String> expertOpinionOrgId,
        String appraisalSubmitterOrgId,
        String appraiserOrgId,
        AuthorityRole appraiserRole,
        String approverOrgId,
        Optional<String> reportAfterApprovalOrgId,
        List<ResolvedApproval> additionalApprovals,
        AuthorityRule rule) {

    public AuthorityAssignment {
        additionalApprovals = List.copyOf(additionalApprovals);
    }

    public String legalRef() {
        return rule.legalRef();
    }

    /** An additional approval with its organisation resolved. */
    public record ResolvedApproval(AdditionalApproval approval, String organisationId) {}
}
