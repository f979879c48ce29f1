package vn.khien.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Role;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.KhienProperties;

/** TOTP enrolment, verification and single-use recovery codes. */
@Service
public class MfaService {

    public record Enrolment(String secret, String otpauthUri, String qrDataUri) {}

    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final PersonRepository people;
    private final OrganizationRepository organizations;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final KhienProperties properties;
    private final Clock clock;

    public MfaService(
            PersonRepository people,
            OrganizationRepository organizations,
            JdbcClient jdbc,
            AuditTrail audit,
            KhienProperties properties,
            Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Enrolled people always use it; policy may also demand it of people not yet enrolled. */
    @Transactional(readOnly = true)
    public boolean required(long personId) {
        Person p = people.find(personId).orElseThrow();
        if (p.totpEnabled() || organizations.mfaRequiredForAnyOf(personId)) {
            return true;
        }
        return properties.production()
                && people.grantsOf(personId).stream()
                        .anyMatch(g -> g.role() == Role.PLATFORM_ADMIN || g.role() == Role.ORG_ADMIN);
    }

    @Transactional(readOnly = true)
    public boolean enrolled(long personId) {
        return people.find(personId).map(Person::totpEnabled).orElse(false);
    }

    @Transactional
    public Enrolment startEnrolment(long personId) {
        Person p = people.find(personId).orElseThrow();
        if (p.totpEnabled()) {
            throw new IllegalStateException("already enrolled"); // re-enrolment would silently disable MFA
        }
        String secret = Totp.newSecret();
        people.setTotp(personId, secret, false);
        String uri = Totp.otpauthUri("Khiên", p.username(), secret);
        return new Enrolment(secret, uri, QrCode.pngDataUri(uri));
    }

    /** Turns MFA on if the code matches the pending secret; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirmEnrolment(long personId, String code) {
        String secret = people.totpSecret(personId).orElse(null);
        if (secret == null || !Totp.verify(secret, code, clock.instant().getEpochSecond())) {
            return List.of();
        }
        people.setTotp(personId, secret, true);
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :u")
                .param("u", personId)
                .update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = randomCode();
            codes.add(c);
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (:u, :h)")
                    .param("u", personId)
                    .param("h", sha256(c))
                    .update();
        }
        audit.record(AuditEntry.of("MFA_ENROLLED", people.homeOrganization(personId), "person", personId));
        return codes;
    }

    /** Accepts a current TOTP code or an unused recovery code (which is then spent). */
    @Transactional
    public boolean verify(long personId, String code) {
        String secret = people.totpSecret(personId).orElse(null);
        boolean ok = secret != null
                && enrolled(personId)
                && Totp.verify(secret, code, clock.instant().getEpochSecond());
        if (!ok && code != null) {
            ok = jdbc.sql(
                                    "UPDATE recovery_code SET used_at = :now WHERE user_id = :u AND code_hash = :h AND used_at IS NULL")
                            .param("now", Timestamp.from(clock.instant()))
                            .param("u", personId)
                            .param("h", sha256(normalise(code)))
                            .update()
                    == 1;
            if (ok) {
                audit.record(
                        AuditEntry.of("MFA_RECOVERY_CODE_USED", people.homeOrganization(personId), "person", personId));
            }
        }
        if (!ok) {
            people.recordFailedAttempt(
                    personId,
                    properties.login().maxFailedAttempts(),
                    clock.instant().plus(properties.login().lockDuration()));
        }
        return ok;
    }

    private static String randomCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String normalise(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
