package vn.khien.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person who can sign in. The password hash and TOTP secret never leave the repository. */
public record Person(
        long id,
        String username,
        String displayName,
        @Nullable String email,
        boolean enabled,
        boolean totpEnabled,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        boolean demo) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
