package vn.khien.identity.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.access.Role;
import vn.khien.platform.FieldProblemException;

/**
 * One organisation's quarterly review of the administrative grants held on it (Chỉ thị 2634/CT-VPCP; ADR 0039): OPEN
 * with one item per grant held when it was opened, each confirmed or revoked (with a reason), then CLOSED once every
 * grant is decided. Each step checks the current state and returns the new one; who may take it is the service's.
 */
record AccessReview(
        long id,
        long organizationId,
        String quarter,
        LocalDate periodStart,
        LocalDate periodEnd,
        Status status,
        @Nullable Long openedBy,
        Instant openedAt,
        @Nullable Long closedBy,
        @Nullable Instant closedAt,
        List<Item> items) {

    static final int MAX_REASON = 2000;

    public enum Status {
        OPEN,
        CLOSED
    }

    public enum Decision {
        CONFIRM,
        REVOKE
    }

    /** One administrative grant under review, as it was when the review opened, with its decision once taken. */
    public record Item(
            long id,
            long grantId,
            long personId,
            String username,
            String displayName,
            Role role,
            Instant grantedAt,
            @Nullable String grantedBy,
            @Nullable Instant lastSignInAt,
            @Nullable Decision decision,
            @Nullable String reason,
            @Nullable Long decidedBy,
            @Nullable String decidedByUsername,
            @Nullable Instant decidedAt) {

        public boolean decided() {
            return decision != null;
        }

        Item decide(Decision d, @Nullable String why, long by, String byUsername, Instant at) {
            return new Item(
                    id,
                    grantId,
                    personId,
                    username,
                    displayName,
                    role,
                    grantedAt,
                    grantedBy,
                    lastSignInAt,
                    d,
                    why,
                    by,
                    byUsername,
                    at);
        }
    }

    public AccessReview {
        items = List.copyOf(items);
    }

    /** Opens the quarter's review over the organisation's administrative grants, every one still to decide. */
    static AccessReview open(long organizationId, Quarter quarter, List<Item> grants, long by, Instant at) {
        return new AccessReview(
                0,
                organizationId,
                quarter.code(),
                quarter.start(),
                quarter.end(),
                Status.OPEN,
                by,
                at,
                null,
                null,
                grants);
    }

    public Quarter period() {
        return Quarter.parse(quarter);
    }

    public long undecided() {
        return items.stream().filter(i -> !i.decided()).count();
    }

    /**
     * The reviewer's decision on one grant: only while the review is open, once per grant, never on a grant the
     * reviewer holds; a revocation needs its reason. Returns the decided item.
     */
    Item decide(
            long grantId, @Nullable String decision, @Nullable String reason, long by, String byUsername, Instant at) {
        requireOpen();
        Item item = items.stream()
                .filter(i -> i.grantId() == grantId)
                .findFirst()
                .orElseThrow(() -> new FieldProblemException("grantId", "accessReview.error.unknownGrant"));
        if (item.decided()) {
            throw new FieldProblemException("grantId", "accessReview.error.decided");
        }
        if (item.personId() == by) {
            throw new FieldProblemException("grantId", "accessReview.error.ownGrant");
        }
        Decision d = parse(decision);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (d == Decision.REVOKE && why == null) {
            throw new FieldProblemException("reason", "accessReview.error.reasonRequired");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw new FieldProblemException("reason", "accessReview.error.tooLong", MAX_REASON);
        }
        return item.decide(d, why, by, byUsername, at);
    }

    /** Closes the review once every grant is decided. */
    AccessReview close(long by, Instant at) {
        requireOpen();
        long left = undecided();
        if (left > 0) {
            throw new FieldProblemException("items", "accessReview.error.undecided", left);
        }
        return new AccessReview(
                id, organizationId, quarter, periodStart, periodEnd, Status.CLOSED, openedBy, openedAt, by, at, items);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new FieldProblemException("status", "accessReview.error.closed");
        }
    }

    private static Decision parse(@Nullable String decision) {
        if (decision == null || decision.isBlank()) {
            throw new FieldProblemException("decision", "accessReview.error.decision");
        }
        try {
            return Decision.valueOf(decision.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldProblemException("decision", "accessReview.error.decision");
        }
    }
}
