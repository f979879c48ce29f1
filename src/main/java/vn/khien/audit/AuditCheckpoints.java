package vn.khien.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.tsp.TSPException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the audit chain's head (ADR 0013). No hash chain can see its own truncation: someone who can
 * write the database can delete the last records and rewind {@code audit_head}. A checkpoint is the head (last id and
 * hash) signed with an Ed25519 key the database does not hold (a key file named by {@code KHIEN_AUDIT_SIGNING_KEY};
 * generated on first use in development) and written as a file to the checkpoint directory
 * ({@code KHIEN_AUDIT_CHECKPOINT_DIR}, to be shipped off the host: backup, WORM storage, another team). Taken on a
 * schedule when the head moved, and on demand. Verification reads the FILES (not the table), checks each signature,
 * then that the chain still contains each checkpointed record with the same hash: a rewound head or rewritten tail is
 * found. With {@code khien.audit.tsa-url}, each checkpoint also carries an RFC 3161 time-stamp token over its signed
 * payload, checked by verification ({@link AuditTimeStamps}, ADR 0030).
 */
@Service
class AuditCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final String FORMAT = "khien-audit-checkpoint-v1";

    /** {@code timeStampedAt}: the time an RFC 3161 authority attests (ADR 0030), null when not time-stamped. */
    public record Checkpoint(
            long lastId,
            String lastHash,
            Instant createdAt,
            String keyId,
            String signature,
            String fileName,
            @Nullable Instant timeStampedAt) {}

    /** {@code timeStamped}: how many of the checked checkpoints carried a time-stamp token that verified. */
    public record Verification(
            boolean intact,
            int checkpointsChecked,
            @Nullable Long lastCheckpointedId,
            @Nullable String problem,
            @Nullable String file,
            int timeStamped) {

        Verification(
                boolean intact,
                int checked,
                @Nullable Long lastCheckpointedId,
                @Nullable String problem,
                @Nullable String file) {
            this(intact, checked, lastCheckpointedId, problem, file, 0);
        }
    }

    /** A required time-stamp could not be obtained: the checkpoint was not written. */
    public static final class TimeStampMissing extends IllegalStateException {
        TimeStampMissing(String message) {
            super(message);
        }
    }

    /** A time-stamp may be attested this much before the checkpoint's own time (clocks differ a little). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditChainVerifier chain;
    private final Path directory;
    private final @Nullable String keyFile;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AuditTimeStamps timeStamps;
    /** ADR 0030: with a TSA configured and required, no checkpoint is written or accepted without its token. */
    private final boolean timeStampRequired;

    private volatile @Nullable KeyPair keys;

    public AuditCheckpoints(
            JdbcClient jdbc,
            Clock clock,
            AuditChainVerifier chain,
            @Value("${khien.audit.checkpoint-dir:./data/audit-checkpoints}") String directory,
            @Value("${khien.audit.signing-key:}") String keyFile,
            @Value("${khien.audit.tsa-url:}") String tsaUrl,
            @Value("${khien.audit.tsa-certificate:}") String tsaCertificate,
            @Value("${khien.audit.tsa-trust-anchors:}") String tsaTrustAnchors,
            @Value("${khien.audit.tsa-crls:}") String tsaCrls,
            @Value("${khien.audit.tsa-required:false}") boolean tsaRequired) {
        this.timeStamps = new AuditTimeStamps(tsaUrl, tsaCertificate, tsaTrustAnchors, tsaCrls);
        this.timeStampRequired = tsaRequired && timeStamps.enabled();
        this.jdbc = jdbc;
        this.clock = clock;
        this.chain = chain;
        this.directory = Path.of(directory);
        this.keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.trim();
    }

    /** Signs and exports the current head. */
    @Transactional
    public Checkpoint create() {
        Map<String, Object> head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .query()
                .singleRow();
        long lastId = ((Number) Objects.requireNonNull(head.get("last_id"))).longValue();
        String lastHash = (String) Objects.requireNonNull(head.get("last_hash"));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        KeyPair k = keys();
        String signature = Base64.getEncoder().encodeToString(sign(k.getPrivate(), payload(lastId, lastHash, at)));
        String file = String.format("checkpoint-%012d-%d.json", lastId, at.toEpochMilli());
        byte[] token = timeStamp(payload(lastId, lastHash, at));
        if (token == null && timeStampRequired) {
            throw new TimeStampMissing("the time-stamping authority gave no token and khien.audit.tsa-required is"
                    + " set: no checkpoint is written (the next attempt follows on schedule or on demand)");
        }
        Instant stampedAt = token == null ? null : stampedAt(token, payload(lastId, lastHash, at));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", FORMAT);
        body.put("lastId", lastId);
        body.put("lastHash", lastHash);
        body.put("createdAt", at.toString());
        body.put("keyId", keyId(k.getPublic()));
        body.put("publicKey", Base64.getEncoder().encodeToString(k.getPublic().getEncoded()));
        body.put("signature", signature);
        if (token != null) {
            body.put("timeStampToken", Base64.getEncoder().encodeToString(token));
            body.put("timeStampedAt", String.valueOf(stampedAt));
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve(file),
                    json.writeValueAsString(body),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                INSERT INTO audit_checkpoint (created_at, last_id, last_hash, key_id, signature, file_name)
                VALUES (:at, :id, :hash, :key, :sig, :file)""")
                .param("at", Timestamp.from(at))
                .param("id", lastId)
                .param("hash", lastHash)
                .param("key", keyId(k.getPublic()))
                .param("sig", signature)
                .param("file", file)
                .update();
        return new Checkpoint(lastId, lastHash, at, keyId(k.getPublic()), signature, file, stampedAt);
    }

    /**
     * The RFC 3161 token over the payload's SHA-256 when a TSA is configured. A TSA that cannot be reached or answers
     * wrongly does not stop the checkpoint (the signed head still leaves the database): it is written without a
     * token and the failure is logged.
     */
    private byte @Nullable [] timeStamp(byte[] payload) {
        if (!timeStamps.enabled()) {
            return null;
        }
        try {
            return timeStamps.request(AuditTimeStamps.sha256(payload));
        } catch (IOException | TSPException | RuntimeException e) {
            LOG.warn("Audit checkpoint written without an RFC 3161 time-stamp: {}", e.toString());
            return null;
        }
    }

    private Instant stampedAt(byte[] token, byte[] payload) {
        try {
            return timeStamps.verify(token, AuditTimeStamps.sha256(payload));
        } catch (AuditTimeStamps.InvalidToken e) {
            throw new IllegalStateException(e.getMessage(), e); // request() verified it already
        }
    }

    /** On the schedule: a checkpoint whenever the head moved since the last one. */
    @Scheduled(
            fixedDelayString = "${khien.audit.checkpoint-every:PT1H}",
            initialDelayString = "${khien.audit.checkpoint-every:PT1H}")
    public void scheduled() {
        try {
            Long head = jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1")
                    .query(Long.class)
                    .single();
            Long last = jdbc.sql("SELECT MAX(last_id) FROM audit_checkpoint")
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (head > 0 && (last == null || head > last)) {
                Checkpoint c = create();
                LOG.info("Audit checkpoint {} written (head {})", c.fileName(), c.lastId());
            }
        } catch (RuntimeException e) {
            LOG.error("Audit checkpoint could not be written", e);
        }
    }

    /** The chain, then every checkpoint file against it. */
    @Transactional(readOnly = true)
    public Verification verify() {
        AuditChainVerifier.Result r = chain.verify();
        if (!r.intact()) {
            return new Verification(
                    false, 0, null, "chain broken at record " + r.firstBrokenId() + " (" + r.reason() + ")", null);
        }
        long headId = jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1")
                .query(Long.class)
                .single();
        PublicKey trusted = keys().getPublic();
        int checked = 0;
        int stamped = 0;
        Long lastCheckpointed = null;
        for (Path f : files()) {
            JsonNode c;
            try {
                c = json.readTree(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return new Verification(
                        false,
                        checked,
                        lastCheckpointed,
                        "unreadable checkpoint",
                        f.getFileName().toString());
            }
            long lastId = c.path("lastId").asLong(-1);
            String lastHash = c.path("lastHash").asString("");
            Instant at;
            try {
                at = Instant.parse(c.path("createdAt").asString(""));
            } catch (RuntimeException e) {
                return new Verification(
                        false,
                        checked,
                        lastCheckpointed,
                        "unreadable checkpoint",
                        f.getFileName().toString());
            }
            if (!keyId(trusted).equals(c.path("keyId").asString(""))
                    || !verifySignature(
                            trusted,
                            payload(lastId, lastHash, at),
                            c.path("signature").asString(""))) {
                return new Verification(
                        false,
                        checked,
                        lastCheckpointed,
                        "signature does not verify with the configured key",
                        f.getFileName().toString());
            }
            String token = c.path("timeStampToken").asString("");
            if (token.isEmpty() && timeStampRequired && stamped > 0) {
                // Earlier checkpoints (before a TSA was configured) may lack a token; after the first stamped one,
                // a missing token is what a forger holding only the signing key would leave.
                return new Verification(
                        false,
                        checked,
                        lastCheckpointed,
                        "the checkpoint carries no time-stamp although one is required after the first time-stamped"
                                + " checkpoint",
                        f.getFileName().toString(),
                        stamped);
            }
            if (!token.isEmpty()) {
                String problem = null;
                try {
                    Instant attested = timeStamps.verify(
                            Base64.getDecoder().decode(token), AuditTimeStamps.sha256(payload(lastId, lastHash, at)));
                    if (attested.isBefore(at.minus(CLOCK_TOLERANCE))) {
                        problem = "the time-stamp (" + attested + ") is before the checkpoint's own time (" + at + ")";
                    }
                } catch (AuditTimeStamps.InvalidToken | IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    return new Verification(
                            false,
                            checked,
                            lastCheckpointed,
                            problem,
                            f.getFileName().toString(),
                            stamped);
                }
                stamped++;
            }
            if (lastId > headId) {
                return new Verification(
                        false,
                        checked,
                        lastCheckpointed,
                        "truncated: the chain ends at " + headId + " but a checkpoint signed record " + lastId,
                        f.getFileName().toString());
            }
            if (lastId > 0) {
                Optional<String> stored = jdbc.sql("SELECT hash FROM audit_event WHERE id = :id")
                        .param("id", lastId)
                        .query(String.class)
                        .optional();
                if (stored.isEmpty() || !stored.get().equals(lastHash)) {
                    return new Verification(
                            false,
                            checked,
                            lastCheckpointed,
                            "record " + lastId + " differs from its signed checkpoint (the chain was rewritten)",
                            f.getFileName().toString());
                }
            }
            checked++;
            lastCheckpointed = lastCheckpointed == null ? lastId : Math.max(lastCheckpointed, lastId);
        }
        return new Verification(true, checked, lastCheckpointed, null, null, stamped);
    }

    List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+-\\d+\\.json"))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] payload(long lastId, String lastHash, Instant at) {
        return (FORMAT + "\n" + lastId + "\n" + lastHash + "\n" + at).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifySignature(PublicKey key, byte[] data, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String keyId(PublicKey key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signing key: the PKCS#8 PEM file {@code KHIEN_AUDIT_SIGNING_KEY} with its public key beside it
     * ({@code <file>.pub}, X.509 PEM). When no file is configured (development), a pair is generated once under the
     * checkpoint directory. The database never holds the private key.
     */
    KeyPair keys() {
        KeyPair k = keys;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (keys == null) {
                Path priv = keyFile != null ? Path.of(keyFile) : directory.resolve("signing-key.pem");
                Path pub = Path.of(priv + ".pub");
                try {
                    if (!Files.exists(priv)) {
                        if (keyFile != null) {
                            throw new IllegalStateException("KHIEN_AUDIT_SIGNING_KEY names a missing file: " + priv);
                        }
                        KeyPair generated =
                                KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                        Files.createDirectories(priv.toAbsolutePath().getParent());
                        Files.writeString(
                                priv, pem("PRIVATE KEY", generated.getPrivate().getEncoded()));
                        Files.writeString(
                                pub, pem("PUBLIC KEY", generated.getPublic().getEncoded()));
                        LOG.warn(
                                "Generated an audit checkpoint signing key at {}; in production set KHIEN_AUDIT_SIGNING_KEY",
                                priv);
                    }
                    KeyFactory f = KeyFactory.getInstance("Ed25519");
                    keys = new KeyPair(
                            f.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(pub)))),
                            f.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(priv)))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Unreadable audit signing key " + priv, e);
                }
            }
            return keys;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
