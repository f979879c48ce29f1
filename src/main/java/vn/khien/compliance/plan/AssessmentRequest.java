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
public record AssessmentRequest(AssessmentKind kind, AssessorKind assessorKind, @jakarta.validation.constraints.Size(max = 300, message = "{validation.size}") String assessorName,
                                List<AssessmentScope> scopes, LocalDate startedOn, LocalDate completedOn,
                                Set<AssessmentTrigger> circumstances, @jakarta.validation.Valid List<ResultRequest> results,
                                @jakarta.validation.constraints.Size(max = 300, message = "{validation.size}") String reportFileName, @jakarta.validation.constraints.Size(max = 50_000_000, message = "{validation.size}") byte[] reportContent) {

    public record ResultRequest(@jakarta.validation.constraints.Size(max = 100, message = "{validation.size}") String requirementId, AssessmentOutcome outcome, @jakarta.validation.constraints.Size(max = 20000, message = "{validation.size}") String note,
                                @jakarta.validation.constraints.Size(max = 200, message = "{validation.size}") String remediationOwner, LocalDate remediationDue) {
    }
}
