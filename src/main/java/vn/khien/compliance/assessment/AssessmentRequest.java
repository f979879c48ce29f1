package vn.khien.compliance.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recorded assessment. {@code circumstances} are the NĐ 331 triggers that require an external organisation;
 * each failed result may carry the remediation owner and due date that become a remediation task.
 */
public record AssessmentRequest(
        @Nullable AssessmentKind kind,
        @Nullable AssessorKind assessorKind,

        @Size(max = 300, message = "{validation.size}") @Nullable
        String assessorName,

        @Nullable List<AssessmentScope> scopes,
        @Nullable LocalDate startedOn,
        @Nullable LocalDate completedOn,
        @Nullable Set<AssessmentTrigger> circumstances,
        @Valid @Nullable List<ResultRequest> results,

        @Size(max = 300, message = "{validation.size}") @Nullable
        String reportFileName,

        @Size(max = 50_000_000, message = "{validation.size}")
        byte @Nullable [] reportContent) {

    public record ResultRequest(
            @Size(max = 100, message = "{validation.size}") String requirementId,
            AssessmentOutcome outcome,

            @Size(max = 20000, message = "{validation.size}") @Nullable
            String note,

            @Size(max = 200, message = "{validation.size}") @Nullable
            String remediationOwner,

            @Nullable LocalDate remediationDue) {}
}
