package vn.khien.compliance.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.khien.compliance.assessment.AssessmentTrigger;
import vn.khien.compliance.assessment.AssessorKind;

/**
 * A recorded assessment. {@code circumstances} are the NĐ 331 triggers that require an external organisation;
 * each failed result may carry the remediation owner and due date that become a remediation task.
 */
public record AssessmentRequest(AssessmentKind kind, AssessorKind assessorKind, String assessorName,
                                List<AssessmentScope> scopes, LocalDate startedOn, LocalDate completedOn,
                                Set<AssessmentTrigger> circumstances, List<ResultRequest> results,
                                String reportFileName, byte[] reportContent) {

    public record ResultRequest(String requirementId, AssessmentOutcome outcome, String note,
                                String remediationOwner, LocalDate remediationDue) {
    }
}
