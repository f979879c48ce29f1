package vn.khien.identity.reviews;

import org.jspecify.annotations.Nullable;

/** A reviewer's decision on one grant: {@code CONFIRM} or {@code REVOKE} (a revocation needs its reason). */
record DecisionRequest(
        @Nullable Long grantId,
        @Nullable String decision,
        @Nullable String reason) {}
