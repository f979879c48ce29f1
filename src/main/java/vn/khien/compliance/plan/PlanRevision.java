package vn.khien.compliance.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One derivation of a system's plan and what it changed against the previous one. */
public record PlanRevision(
        long id,
        long systemId,
        int level,
        String regime,
        String catalogueVersions,
        @Nullable LocalDate approvedOn,
        List<String> newlyRequired,
        List<String> noLongerRequired,
        Instant derivedAt,
        @Nullable Instant supersededAt) {

    public boolean current() {
        return supersededAt == null;
    }
}
