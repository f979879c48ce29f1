package vn.khien.incidents.plans;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.khien.platform.FieldProblemException;

/**
 * One version of a system's incident-response plan (R23). The workflow is here: a draft is edited and approved by the
 * owner once every mandatory section of its outline is filled; approving a version supersedes the plan in force; the
 * plan in force is flagged for update when the system's level or components change.
 *
 * @param updateReason LEVEL_CHANGED or COMPONENTS_CHANGED when {@code needsUpdate}
 */
public record ResponsePlan(
        long id,
        long systemId,
        int version,
        String outlineId,
        ResponsePlanStatus status,
        @Nullable Integer systemLevel,
        boolean needsUpdate,
        @Nullable String updateReason,
        @Nullable Instant updateRaisedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String approverName,
        @Nullable Instant approvedAt,
        Map<String, String> sections) {

    public static final String LEVEL_CHANGED = "LEVEL_CHANGED";
    public static final String COMPONENTS_CHANGED = "COMPONENTS_CHANGED";

    /** Editing the sections: only a draft. */
    public ResponsePlan edit(Map<String, String> newSections) {
        if (status != ResponsePlanStatus.DRAFT) {
            throw new FieldProblemException("status", "plans.error.notDraft");
        }
        return new ResponsePlan(
                id,
                systemId,
                version,
                outlineId,
                status,
                systemLevel,
                needsUpdate,
                updateReason,
                updateRaisedAt,
                createdAt,
                updatedAt,
                approverName,
                approvedAt,
                Map.copyOf(newSections));
    }

    /** The owner approves a draft whose mandatory sections (by its outline) are all filled. */
    public ResponsePlan approve(PlanOutlines.Outline outline, @Nullable String approver, Instant at) {
        if (status != ResponsePlanStatus.DRAFT) {
            throw new FieldProblemException("status", "plans.error.notDraft");
        }
        List<String> missing = outline.missingMandatory(sections);
        if (!missing.isEmpty()) {
            throw new FieldProblemException(missing.stream()
                    .map(k -> new FieldProblemException.FieldProblem("sections." + k, "plans.error.mandatory"))
                    .toList());
        }
        return new ResponsePlan(
                id,
                systemId,
                version,
                outlineId,
                ResponsePlanStatus.APPROVED,
                systemLevel,
                false,
                null,
                null,
                createdAt,
                at,
                approver,
                at,
                sections);
    }

    /** The plan in force is replaced by a newer approved version. */
    public ResponsePlan supersede(Instant at) {
        if (status != ResponsePlanStatus.APPROVED) {
            throw new IllegalStateException("only the approved plan is superseded");
        }
        return new ResponsePlan(
                id,
                systemId,
                version,
                outlineId,
                ResponsePlanStatus.SUPERSEDED,
                systemLevel,
                needsUpdate,
                updateReason,
                updateRaisedAt,
                createdAt,
                at,
                approverName,
                approvedAt,
                sections);
    }

    /**
     * The system changed: the plan in force needs an update. A plan already flagged keeps its first reason and time
     * (the update is owed since then). Returns this plan unchanged when it is not the plan in force.
     */
    public ResponsePlan flagForUpdate(String reason, Instant at) {
        if (status != ResponsePlanStatus.APPROVED || needsUpdate) {
            return this;
        }
        return new ResponsePlan(
                id,
                systemId,
                version,
                outlineId,
                status,
                systemLevel,
                true,
                reason,
                at,
                createdAt,
                at,
                approverName,
                approvedAt,
                sections);
    }
}
