package vn.khien.compliance.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A recorded assessment. {@code circumstances} are the NĐ 331 triggers that require an external organisation;
 * each failed result may carry the remediation owner and due date that become a remediation task.
 */
public record AssessmentRequest(
        AssessmentKind kind,
        AssessorKind assessorKind,
        @Size(max = 300, message = "{validation.size}") String assessorName,
        List<AssessmentScope> scopes,
        LocalDate startedOn,
        LocalDate completedOn,
        Set<AssessmentTrigger> circumstances,
        @Valid List<ResultRequest> results,
        @Size(max = 300, message = "{validation.size}") String reportFileName,

        @Size(max = 50_000_000, message = "{validation.size}")
        byte[] reportContent) {

    public record ResultRequest(
            @Size(max = 100, message = "{validation.size}") String requirementId,
            AssessmentOutcome outcome,

            @Size(max = 20000, message = "{validation.size}")
            String note,

            @Size(max = 200, message = "{validation.size}") String remediationOwner,
            LocalDate remediationDue) {}
}
