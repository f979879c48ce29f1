package vn.khien.warnings;

import java.util.List;
import vn.khien.platform.figures.OwnFiguresChanged;

/**
 * Published in the publishing transaction when a warning reaches systems — published and matched, or matched later
 * against a system's new component: the owners' figures of warnings received and not acknowledged changed, so the
 * dashboards' pre-aggregated figures of those organisations are recomputed after the commit (reports, docs/adr/0046).
 * One event per warning published, naming every organisation reached (never empty).
 */
public record WarningReached(long warningId, List<Long> organizationIds) implements OwnFiguresChanged {

    public WarningReached {
        if (organizationIds.isEmpty()) {
            throw new IllegalArgumentException("a warning reached no organisation");
        }
        organizationIds = List.copyOf(organizationIds);
    }

    @Override
    public long organizationId() {
        return organizationIds.get(0);
    }
}
