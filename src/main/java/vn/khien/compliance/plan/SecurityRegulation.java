package vn.khien.compliance.plan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The system's security regulation (quy chế) and the decision issuing it. */
public record SecurityRegulation(
        long systemId,
        String title,
        String decisionNumber,
        LocalDate issuedOn,
        @Nullable String issuedBy) {}
