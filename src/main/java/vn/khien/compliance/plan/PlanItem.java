package vn.khien.compliance.plan;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.RequirementStatus;

/** How one system meets one requirement; {@code required} is false once a re-derivation dropped it (kept as history). */
public record PlanItem(
        long systemId,
        String requirementId,
        boolean required,
        RequirementStatus status,
        @Nullable String howMet,
        @Nullable String owner,
        @Nullable LocalDate targetDate,
        @Nullable String justification,
        @Nullable String deployedProducts,
        Instant updatedAt) {}
