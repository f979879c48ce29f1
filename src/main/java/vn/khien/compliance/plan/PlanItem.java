package vn.khien.compliance.plan;

import java.time.Instant;
import java.time.LocalDate;
import vn.khien.compliance.catalogue.RequirementStatus;

/** How one system meets one requirement; {@code required} is false once a re-derivation dropped it (kept as history). */
public record PlanItem(
        long systemId,
        String requirementId,
        boolean required,
        RequirementStatus status,
        String howMet,
        String owner,
        LocalDate targetDate,
        String justification,
        String deployedProducts,
        Instant updatedAt) {}
