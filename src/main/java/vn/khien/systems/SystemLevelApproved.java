package vn.khien.systems;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.access.Actor;

/**
 * Published (in the approving transaction) when a level dossier is approved; other modules derive the
 * security plan from it. {@code regime} is the rule-data regime id, e.g. "nd85-2016" or "nd331-2026". {@code actor}
 * is the person who approved (null without one), for the audit records of listeners that run after the commit.
 */
public record SystemLevelApproved(
        long systemId,
        long ownerOrganizationId,
        int level,
        String regime,
        LocalDate approvedOn,
        @Nullable Actor actor) {

    /** Approved by the person signed in on this thread, if any. */
    public SystemLevelApproved(
            long systemId, long ownerOrganizationId, int level, String regime, LocalDate approvedOn) {
        this(systemId, ownerOrganizationId, level, regime, approvedOn, Actor.current());
    }
}
