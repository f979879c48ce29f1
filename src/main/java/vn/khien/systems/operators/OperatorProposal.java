package vn.khien.systems.operators;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.khien.platform.FieldProblemException;

/**
 * An owner's proposal that an organisation outside its subtree operates one of its systems (issue 10). Until the
 * proposed organisation accepts, it is no party of the system and sees nothing of it; each step checks the current
 * status and returns the proposal in its new state.
 */
public record OperatorProposal(
        long id,
        long systemId,
        long operatorOrganizationId,
        Status status,
        @Nullable String note,
        @Nullable Long proposedBy,
        Instant proposedAt,
        @Nullable Long decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionReason) {

    public enum Status {
        PROPOSED,
        ACCEPTED,
        DECLINED,
        WITHDRAWN
    }

    /** The proposed organisation's security officer or administrator agrees to operate the system. */
    public OperatorProposal accept(long by, Instant at) {
        return decided(Status.ACCEPTED, by, at, null);
    }

    /** The proposed organisation refuses, with its reason. */
    public OperatorProposal decline(long by, Instant at, @Nullable String reason) {
        return decided(Status.DECLINED, by, at, reason);
    }

    /** The owner takes the proposal back before it is decided. */
    public OperatorProposal withdraw(long by, Instant at) {
        return decided(Status.WITHDRAWN, by, at, null);
    }

    private OperatorProposal decided(Status next, long by, Instant at, @Nullable String reason) {
        if (status != Status.PROPOSED) {
            throw new FieldProblemException("status", "operators.error.notPending", status);
        }
        return new OperatorProposal(
                id, systemId, operatorOrganizationId, next, note, proposedBy, proposedAt, by, at, reason);
    }
}
