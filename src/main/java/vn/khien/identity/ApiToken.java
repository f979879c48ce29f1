package vn.khien.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record ApiToken(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {
    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
