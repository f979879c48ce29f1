package vn.khien.systems;

import org.jspecify.annotations.Nullable;
import vn.khien.access.Actor;

/**
 * Published in the same transaction when a system's software inventory changes (a component added), so later
 * modules (warnings, issue 11) can match it again without systems depending on them. {@code actor} is the person who
 * changed it (null without one), for the audit records of listeners that run after the commit.
 */
public record SystemInventoryChanged(
        long systemId, long ownerOrganizationId, @Nullable Actor actor) {

    /** Changed by the person signed in on this thread, if any. */
    public SystemInventoryChanged(long systemId, long ownerOrganizationId) {
        this(systemId, ownerOrganizationId, Actor.current());
    }
}
