package vn.khien.audit;

import org.jspecify.annotations.Nullable;
import vn.khien.access.Actor;

/**
 * Names the person on whose behalf a step runs when no person is signed in on its thread: an
 * {@code @ApplicationModuleListener} runs after the commit, asynchronously, so {@link AuditTrail#record} would write
 * its records with no actor. The listener passes the {@link Actor} its event carries; only the audit trail reads it
 * (no capability, no scope), and a signed-in person, where there is one, still wins.
 */
public final class AuditActor {

    private static final ThreadLocal<@Nullable Actor> ON_BEHALF_OF = new ThreadLocal<>();

    private AuditActor() {}

    /** Runs {@code step} with {@code actor} as the audit actor of the records it writes; {@code null} changes nothing. */
    public static void run(@Nullable Actor actor, Runnable step) {
        Actor previous = ON_BEHALF_OF.get();
        ON_BEHALF_OF.set(actor);
        try {
            step.run();
        } finally {
            if (previous == null) {
                ON_BEHALF_OF.remove();
            } else {
                ON_BEHALF_OF.set(previous);
            }
        }
    }

    static @Nullable Actor current() {
        return ON_BEHALF_OF.get();
    }
}
