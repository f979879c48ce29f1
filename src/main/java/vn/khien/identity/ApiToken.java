package vn.khien.identity;

import java.time.Instant;

public record ApiToken(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {
    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
