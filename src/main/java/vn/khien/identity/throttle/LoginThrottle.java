package vn.khien.identity.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.platform.SafeText;

/**
 * Sign-in throttling (ADR 0017). Every failed sign-in counts against three keys: the source address, the typed
 * account name, and the pair of both. Past a number of free failures each key is blocked for a delay that doubles
 * with every further failure, up to a ceiling; attempts while a key is blocked are refused without checking the
 * password and do not lengthen the block. The state is rows of {@code login_throttle}, so every node of a cluster
 * sees the same counts. The typed name counts whether or not such an account exists: the answers never tell.
 */
@Component
public class LoginThrottle {

    /** Request attribute: how long the source must wait after the failure just recorded ({@link Duration}). */
    public static final String RETRY_AFTER = LoginThrottle.class.getName() + ".retryAfter";

    /** What a key is made of. */
    public enum Kind {
        SOURCE,
        ACCOUNT,
        PAIR
    }

    /** Free failures, then a delay of {@code base × 2^(n − free − 1)} up to {@code max}. */
    record Policy(int free, Duration base, Duration max) {
        Duration delayAfter(int failures) {
            if (failures <= free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free - 1, 30);
            Duration d = base.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 ? max : d;
        }

        static Policy parse(String text) {
            String[] parts = text.trim().split("\\s*,\\s*");
            return new Policy(Integer.parseInt(parts[0]), Duration.parse(parts[1]), Duration.parse(parts[2]));
        }
    }

    /** A key that a failure has just blocked (for the audit trail). */
    public record Block(Kind kind, String label, Instant until, int failures) {}

    /** The outcome of recording one failure. */
    public record Outcome(List<Block> newlyBlocked, Optional<Duration> retryAfter) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Policy source;
    private final Policy account;
    private final Policy pair;
    private final Duration window;
    private final Set<String> exemptSources;

    public LoginThrottle(
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${khien.login.throttle.source:20,PT1M,PT1H}") String source,
            @Value("${khien.login.throttle.account:10,PT30S,PT5M}") String account,
            @Value("${khien.login.throttle.pair:4,PT30S,PT15M}") String pair,
            @Value("${khien.login.throttle.window:PT1H}") Duration window,
            @Value("${khien.login.throttle.exempt-sources:}") Set<String> exemptSources) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.source = Policy.parse(source);
        this.account = Policy.parse(account);
        this.pair = Policy.parse(pair);
        this.window = window;
        this.exemptSources = exemptSources.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How long this source must still wait before trying this name; counts the refused attempt. */
    public Optional<Duration> retryAfter(@Nullable String sourceAddress, @Nullable String typedName) {
        Instant now = clock.instant();
        List<String> keys = keys(sourceAddress, typedName).stream().map(Key::id).toList();
        List<Timestamp> until = jdbc.sql("SELECT blocked_until FROM login_throttle WHERE throttle_key IN (:keys)"
                        + " AND blocked_until > :now")
                .param("keys", keys)
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .list();
        Optional<Instant> latest = until.stream().map(Timestamp::toInstant).max(Instant::compareTo);
        if (latest.isPresent()) {
            ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE login_throttle SET refused = refused + 1"
                            + " WHERE throttle_key IN (:keys) AND blocked_until > :now")
                    .param("keys", keys)
                    .param("now", Timestamp.from(now))
                    .update());
        }
        return latest.map(l -> roundUp(Duration.between(now, l)));
    }

    /** Counts a failed sign-in against every key, in its own transaction. */
    public Outcome failed(@Nullable String sourceAddress, @Nullable String typedName, @Nullable Long organizationId) {
        Instant now = clock.instant();
        List<Block> blocked = new ArrayList<>();
        Instant latest = null;
        for (Key key : keys(sourceAddress, typedName)) {
            Policy policy = switch (key.kind()) {
                case SOURCE -> source;
                case ACCOUNT -> account;
                case PAIR -> pair;
            };
            Long org = key.kind() == Kind.SOURCE ? null : organizationId;
            Optional<Block> counted = ownTransaction.execute(s -> count(key, org, policy, now));
            if (counted != null && counted.isPresent()) {
                Block b = counted.get();
                blocked.add(b);
                latest = latest == null || b.until().isAfter(latest) ? b.until() : latest;
            }
        }
        Instant until = latest;
        return new Outcome(
                blocked, until == null ? Optional.empty() : Optional.of(roundUp(Duration.between(now, until))));
    }

    /** The owner got in: the name's own keys start afresh (the source's count stays). */
    public void succeeded(@Nullable String sourceAddress, @Nullable String typedName) {
        List<String> keys = keys(sourceAddress, typedName).stream()
                .filter(k -> k.kind() != Kind.SOURCE)
                .map(Key::id)
                .toList();
        ownTransaction.executeWithoutResult(s -> jdbc.sql("DELETE FROM login_throttle WHERE throttle_key IN (:keys)")
                .param("keys", keys)
                .update());
    }

    /** Rows whose window has passed and whose block is over say nothing any more. */
    @Scheduled(fixedDelayString = "${khien.login.throttle.cleanup:PT10M}", initialDelayString = "PT1M")
    public void forgetOldFailures() {
        Instant now = clock.instant();
        jdbc.sql(
                        "DELETE FROM login_throttle WHERE last_failure_at < :old AND (blocked_until IS NULL OR blocked_until < :now)")
                .param("old", Timestamp.from(now.minus(window)))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The block the key is under after this failure, if any. */
    private Optional<Block> count(Key key, @Nullable Long org, Policy policy, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(window));
        int updated = increment(key, org, at, windowStart);
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO login_throttle (throttle_key, kind, label, organization_id, failures, refused,
                            first_failure_at, last_failure_at)
                        VALUES (:key, :kind, :label, :org, 1, 0, :at, :at)""")
                        .param("key", key.id())
                        .param("kind", key.kind().name())
                        .param("label", key.label())
                        .param("org", org)
                        .param("at", at)
                        .update();
            } catch (DuplicateKeyException raced) {
                // Another node inserted the row first: this transaction is spoilt on PostgreSQL, so count again in a
                // fresh one.
                return Objects.requireNonNull(ownTransaction.execute(s -> {
                    increment(key, org, at, windowStart);
                    return block(key, policy, now);
                }));
            }
        }
        return block(key, policy, now);
    }

    private int increment(Key key, @Nullable Long org, Timestamp at, Timestamp windowStart) {
        return jdbc.sql("""
                UPDATE login_throttle SET
                    failures = CASE WHEN last_failure_at < :windowStart THEN 1 ELSE failures + 1 END,
                    first_failure_at = CASE WHEN last_failure_at < :windowStart THEN :at ELSE first_failure_at END,
                    organization_id = COALESCE(:org, organization_id),
                    last_failure_at = :at
                WHERE throttle_key = :key""")
                .param("windowStart", windowStart)
                .param("at", at)
                .param("org", org)
                .param("key", key.id())
                .update();
    }

    private Optional<Block> block(Key key, Policy policy, Instant now) {
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = :key")
                .param("key", key.id())
                .query(Integer.class)
                .single();
        Duration delay = policy.delayAfter(failures);
        if (delay.isZero()) {
            return Optional.empty();
        }
        Instant until = now.plus(delay);
        jdbc.sql("UPDATE login_throttle SET blocked_until = :until WHERE throttle_key = :key")
                .param("until", Timestamp.from(until))
                .param("key", key.id())
                .update();
        return Optional.of(new Block(key.kind(), key.label(), until, failures));
    }

    record Key(Kind kind, String id, String label) {}

    List<Key> keys(@Nullable String sourceAddress, @Nullable String typedName) {
        String address = sourceAddress == null ? "-" : SafeText.forStorage(sourceAddress, 64);
        String name = normalise(typedName);
        String shownName = SafeText.forStorage(typedName == null ? "" : typedName.trim(), 100);
        List<Key> keys = new ArrayList<>(3);
        if (!exemptSources.contains(address)) {
            keys.add(new Key(Kind.SOURCE, "S:" + sha256(address), address));
        }
        keys.add(new Key(Kind.ACCOUNT, "A:" + sha256(name), shownName));
        keys.add(new Key(
                Kind.PAIR,
                "P:" + sha256(name + "\n" + address),
                SafeText.forStorage(shownName + " @ " + address, 150)));
        return keys;
    }

    /** The name as sign-in compares it; an overlong name is hashed whole, so it is one key like any other. */
    static String normalise(@Nullable String typedName) {
        return typedName == null ? "" : typedName.trim().toLowerCase(Locale.ROOT);
    }

    private static Duration roundUp(Duration d) {
        long seconds = (d.toMillis() + 999) / 1000;
        return Duration.ofSeconds(Math.max(seconds, 1));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
