package vn.khien.incidents.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * How many public incident reports one address may send in a sliding hour, counted in the database so that every
 * node of a cluster shares one count. The page stores no address: only an HMAC-SHA-256 of it under a key generated
 * once per installation (table {@code public_report_key}), with the time of the attempt; rows older than the window
 * are deleted as attempts come in.
 *
 * <p>Each attempt is inserted first (committed on its own, outside any transaction of the caller) and then counted
 * among the attempts of the same address in the window whose id is not greater than its own: of two simultaneous
 * attempts at the limit on two nodes, exactly the later one is refused, and a refused attempt is deleted again
 * (not counted).
 */
@Component
public class PublicReportLimiter {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Clock clock;
    private final JdbcClient jdbc;
    private volatile byte[] key;

    public PublicReportLimiter(
            @Value("${khien.incidents.public.max-per-hour:5}") int perHour, Clock clock, JdbcClient jdbc) {
        this.perHour = perHour;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Counts an attempt from the address; false when it is over the limit (the attempt is then not counted). */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        String hash = hash(address == null ? "?" : address);
        jdbc.sql("DELETE FROM public_report_attempt WHERE attempted_at < :since")
                .param("since", Timestamp.from(since))
                .update();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO public_report_attempt (address_hash, attempted_at) VALUES (:h, :at)")
                .param("h", hash)
                .param("at", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        long count = jdbc.sql("SELECT COUNT(*) FROM public_report_attempt WHERE address_hash = :h"
                        + " AND attempted_at >= :since AND id <= :id")
                .param("h", hash)
                .param("since", Timestamp.from(since))
                .param("id", id)
                .query(Long.class)
                .single();
        if (count > perHour) {
            jdbc.sql("DELETE FROM public_report_attempt WHERE id = :id")
                    .param("id", id)
                    .update();
            return false;
        }
        return true;
    }

    String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String stored = jdbc.sql("SELECT hmac_key FROM public_report_key WHERE id = 1")
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (stored == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    jdbc.sql("INSERT INTO public_report_key (id, hmac_key) VALUES (1, :k)")
                            .param("k", HexFormat.of().formatHex(fresh))
                            .update();
                } catch (DataIntegrityViolationException another) {
                    // Another node generated it first: use theirs.
                }
                stored = jdbc.sql("SELECT hmac_key FROM public_report_key WHERE id = 1")
                        .query(String.class)
                        .single();
            }
            k = HexFormat.of().parseHex(stored);
            key = k;
        }
        return k;
    }
}
