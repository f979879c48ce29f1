package vn.khien.access;

import org.jspecify.annotations.Nullable;

/**
 * The person who caused a change, carried by a cross-module event so that a listener running after the commit, on
 * its own thread and without the person's request, can still name them in the audit trail ({@code
 * vn.khien.audit.AuditActor}). Only identifies: it grants nothing, and a listener keeps its own (unscoped) reads.
 */
public record Actor(long personId, String username) {

    /** The signed-in person of this thread, or {@code null} (a job, the demo seed without a person, a test). */
    public static @Nullable Actor current() {
        return CurrentPerson.principal()
                .map(p -> new Actor(p.personId(), p.username()))
                .orElse(null);
    }
}
