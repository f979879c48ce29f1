package vn.khien.compliance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import vn.khien.compliance.assessment.AssessmentOutcome;
import vn.khien.compliance.assessment.AssessmentRequest;
import vn.khien.platform.FieldProblemException;

/**
 * Reads the per-requirement results of the assessment form. Rows are keyed by requirement id in the field name
 * ({@code outcome.TT12.M.POLICY.1}) rather than by position, so a row the browser leaves out cannot shift the others.
 */
final class AssessmentForm {

    static final String OUTCOME = "outcome.";
    static final String NOTE = "note.";

    private AssessmentForm() {}

    static List<AssessmentRequest.ResultRequest> results(
            MultiValueMap<String, String> form, @Nullable String owner, @Nullable LocalDate due) {
        List<AssessmentRequest.ResultRequest> results = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!field.getKey().startsWith(OUTCOME) || field.getValue().isEmpty()) {
                continue;
            }
            String requirementId = field.getKey().substring(OUTCOME.length());
            AssessmentOutcome outcome;
            try {
                outcome = AssessmentOutcome.valueOf(field.getValue().get(0));
            } catch (IllegalArgumentException unknown) {
                throw new FieldProblemException(field.getKey(), "validation.invalid");
            }
            String note = form.getFirst(NOTE + requirementId);
            results.add(new AssessmentRequest.ResultRequest(
                    requirementId, outcome, note == null || note.isBlank() ? null : note.trim(), owner, due));
        }
        return results;
    }
}
