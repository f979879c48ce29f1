package vn.khien.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.NotFoundException;

/** Personal API tokens: shown once, stored as SHA-256 (they carry 256 bits of entropy), always expiring. */
@Service
public class ApiTokenService {

    public static final String PREFIX = "khn_";
    public static final int MAX_DAYS = 365;

    public record Created(ApiToken token, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonRepository people;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiTokenService(JdbcClient jdbc, PersonRepository people, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Created create(long personId, String name, int days) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new FieldProblemException("name", "validation.required");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new FieldProblemException("expiresInDays", "token.days.range", MAX_DAYS);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return register(personId, name.trim(), secret, clock.instant().plus(Duration.ofDays(days)));
    }

    /** Registers a secret chosen outside (the bootstrap token for automation). */
    @Transactional
    public Created register(long personId, String name, String secret, Instant expiresAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, prefix, created_at, expires_at)
                VALUES (:u, :n, :h, :p, :now, :exp)""")
                .param("u", personId)
                .param("n", name)
                .param("h", MfaService.sha256(secret))
                .param("p", secret.substring(0, Math.min(8, secret.length())))
                .param("now", Timestamp.from(now))
                .param("exp", Timestamp.from(expiresAt))
                .update();
        ApiToken token = list(personId).get(0);
        audit.record(new AuditEntry(
                "TOKEN_CREATED",
                people.homeOrganization(personId),
                "person",
                String.valueOf(personId),
                Map.of("tokenId", token.id(), "name", name, "expiresAt", expiresAt.toString())));
        return new Created(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(long personId) {
        return jdbc.sql("SELECT * FROM api_token WHERE user_id = :u ORDER BY id DESC")
                .param("u", personId)
                .query((rs, n) -> new ApiToken(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    @Transactional
    public void revoke(long personId, long tokenId) {
        int n = jdbc.sql(
                        "UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", tokenId)
                .param("u", personId)
                .update();
        if (n == 0) {
            throw new NotFoundException("token");
        }
        audit.record(new AuditEntry(
                "TOKEN_REVOKED",
                people.homeOrganization(personId),
                "person",
                String.valueOf(personId),
                Map.of("tokenId", tokenId)));
    }

    /** The person a presented token belongs to, if it is known, unrevoked, unexpired and its owner enabled. */
    @Transactional
    public Optional<KhienUserDetails> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Long> owner = jdbc.sql("""
                SELECT user_id FROM api_token WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now""")
                .param("h", MfaService.sha256(secret))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE token_hash = :h")
                .param("now", Timestamp.from(now))
                .param("h", MfaService.sha256(secret))
                .update();
        return people.find(owner.get())
                .filter(p -> p.enabled() && !p.lockedAt(now))
                .map(p -> new KhienUserDetails(p.id(), p.username(), p.displayName(), null, true, false));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
