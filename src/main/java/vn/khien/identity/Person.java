package vn.khien.identity;

import java.time.Instant;

/** A person who can sign in. The password hash and TOTP secret never leave the repository. */
public record Person(
        long id,
        String username,
        String displayName,
        String email,
        boolean enabled,
        boolean totpEnabled,
        int failedAttempts,
        Instant lockedUntil,
        boolean demo) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
