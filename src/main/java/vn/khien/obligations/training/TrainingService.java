package vn.khien.obligations.training;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Training records per person (R25): course, provider, day, hours and the certificate file, stored with its SHA-256
 * so a copy handed out later can be checked; counted per organisation and year, with its children's counts.
 */
@Service
class TrainingService {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long MAX_CERTIFICATE = 10L * 1024 * 1024;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    TrainingService(JdbcClient jdbc, OrgScope scope, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    record Certificate(String name, String contentType, byte[] content) {}

    record Record(
            long id,
            long organizationId,
            String personName,
            String email,
            String course,
            String provider,
            LocalDate completedOn,
            BigDecimal hours,
            String certificateName,
            String certificateSha256,
            String certificateReference) {}

    record Count(long organizationId, String name, int people, int records, BigDecimal hours) {}

    record Year(long organizationId, int year, Count own, List<Record> records, List<Count> children) {}

    int thisYear() {
        return LocalDate.now(clock.withZone(ZONE)).getYear();
    }

    boolean canEdit(long organizationId) {
        return scope.can(organizationId, Capability.EDIT_SECURITY_DATA);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The problems of a record's fields, each naming its field (empty when the record may be kept). */
    static List<FieldProblemException.FieldProblem> validate(TrainingRequest r, LocalDate today) {
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (blank(r.personName()) || r.personName().length() > 200) {
            problems.add(new FieldProblemException.FieldProblem("personName", "training.error.personName"));
        }
        if (!blank(r.email())
                && (r.email().length() > 320
                        || !EMAIL.matcher(r.email().strip()).matches())) {
            problems.add(new FieldProblemException.FieldProblem("email", "training.error.email"));
        }
        if (blank(r.course()) || r.course().length() > 300) {
            problems.add(new FieldProblemException.FieldProblem("course", "training.error.course"));
        }
        if (r.provider() != null && r.provider().length() > 300) {
            problems.add(new FieldProblemException.FieldProblem("provider", "training.error.provider"));
        }
        if (r.completedOn() == null || r.completedOn().isAfter(today)) {
            problems.add(new FieldProblemException.FieldProblem("completedOn", "training.error.completedOn"));
        }
        if (r.hours() == null
                || r.hours().signum() <= 0
                || r.hours().compareTo(BigDecimal.valueOf(2000)) > 0
                || r.hours().stripTrailingZeros().scale() > 1) {
            problems.add(new FieldProblemException.FieldProblem("hours", "training.error.hours"));
        }
        return problems;
    }

    /** Changes a record's person, course, provider, day and hours, keeping its certificate; audited. */
    @Transactional
    Record update(long id, TrainingRequest r) {
        return update(id, r, null);
    }

    /**
     * Changes a record's person, course, provider, day and hours and, when a new file is given, replaces its
     * certificate (none given: the certificate stays). All or nothing: any wrong field or file changes nothing.
     * Audited with the changes, a replaced certificate by the SHA-256 of the old file and of the new one.
     */
    @Transactional
    Record update(long id, TrainingRequest r, @Nullable Certificate replacement) {
        Record before = get(id);
        if (!canEdit(before.organizationId())) {
            throw new ForbiddenActionException("training.error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>(validate(r, today()));
        problems.addAll(certificateProblems(replacement));
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        jdbc.sql("""
                UPDATE training_record SET person_name = :p, email = :e, course = :c, provider = :pr,
                    completed_on = :d, hours = :h WHERE id = :id""")
                .param("p", r.personName().strip())
                .param("e", blank(r.email()) ? null : r.email().strip())
                .param("c", r.course().strip())
                .param("pr", blank(r.provider()) ? null : r.provider().strip())
                .param("d", Date.valueOf(r.completedOn()))
                .param("h", r.hours())
                .param("id", id)
                .update();
        if (replacement != null) {
            jdbc.sql("""
                    UPDATE training_record SET certificate_name = :cn, certificate_type = :ct, certificate_sha256 = :cs,
                        certificate = :cb WHERE id = :id""")
                    .param("cn", replacement.name())
                    .param("ct", sniff(replacement.content()))
                    .param("cs", sha256(replacement.content()))
                    .param("cb", replacement.content())
                    .param("id", id)
                    .update();
        }
        Record after = get(id);
        Map<String, Object> changed = new LinkedHashMap<>();
        changeOf(changed, "person", before.personName(), after.personName());
        changeOf(changed, "email", before.email(), after.email());
        changeOf(changed, "course", before.course(), after.course());
        changeOf(changed, "provider", before.provider(), after.provider());
        changeOf(
                changed,
                "completedOn",
                before.completedOn().toString(),
                after.completedOn().toString());
        changeOf(
                changed,
                "hours",
                before.hours().stripTrailingZeros().toPlainString(),
                after.hours().stripTrailingZeros().toPlainString());
        if (replacement != null) {
            changed.put("certificateName", after.certificateName());
            changed.put("certificateSha256", after.certificateSha256());
            if (before.certificateName() != null) {
                changed.put("replacedCertificateName", before.certificateName());
            }
            if (before.certificateSha256() != null) {
                changed.put("replacedCertificateSha256", before.certificateSha256());
            }
            // the reference an import recorded is not the file: it stays as it was
            if (after.certificateReference() != null) {
                changed.put("keptCertificateReference", after.certificateReference());
            }
        }
        audit.record(AuditEntry.of("TRAINING_UPDATED", after.organizationId(), "training_record", id)
                .with(Map.of("changed", changed)));
        return after;
    }

    /** A certificate file's problem (too large, not a PDF, PNG or JPEG by its first bytes); none for no file. */
    static List<FieldProblemException.FieldProblem> certificateProblems(@Nullable Certificate certificate) {
        if (certificate == null) {
            return List.of();
        }
        if (certificate.content().length > MAX_CERTIFICATE) {
            return List.of(new FieldProblemException.FieldProblem("certificate", "training.error.certificateSize"));
        }
        if (sniff(certificate.content()) == null) {
            return List.of(new FieldProblemException.FieldProblem("certificate", "training.error.certificateType"));
        }
        return List.of();
    }

    private static void changeOf(Map<String, Object> changed, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.put(field, after == null ? "" : after);
        }
    }

    /** Removes a record (and its certificate); audited with what it said. */
    @Transactional
    void remove(long id) {
        Record r = get(id);
        if (!canEdit(r.organizationId())) {
            throw new ForbiddenActionException("training.error.forbidden");
        }
        jdbc.sql("DELETE FROM training_record WHERE id = :id").param("id", id).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", r.personName());
        details.put("course", r.course());
        details.put("completedOn", r.completedOn().toString());
        details.put("hours", r.hours().stripTrailingZeros().toPlainString());
        if (r.certificateSha256() != null) {
            details.put("certificateSha256", r.certificateSha256());
        }
        if (r.certificateReference() != null) {
            details.put("certificateReference", r.certificateReference());
        }
        audit.record(AuditEntry.of("TRAINING_REMOVED", r.organizationId(), "training_record", id)
                .with(details));
    }

    /**
     * Inserts a row of a checked import (the caller validated it); the certificate's reference, when given, is kept
     * in its own column (no file yet: a file attached later does not replace it). Audited like a record made by hand,
     * with the import's batch.
     */
    long insertImported(long organizationId, TrainingRequest r, String certificateReference, String batch) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_record (organization_id, person_name, email, course, provider, completed_on, hours,
                    certificate_reference, created_at, created_by)
                VALUES (:o, :p, :e, :c, NULL, :d, :h, :cr, :now, :by)""")
                .param("o", organizationId)
                .param("p", r.personName().strip())
                .param("e", blank(r.email()) ? null : r.email().strip())
                .param("c", r.course().strip())
                .param("d", Date.valueOf(r.completedOn()))
                .param("h", r.hours())
                .param("cr", blank(certificateReference) ? null : certificateReference.strip())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", r.personName().strip());
        details.put("course", r.course().strip());
        details.put("completedOn", r.completedOn().toString());
        details.put("hours", r.hours().toPlainString());
        details.put("importBatch", batch);
        if (!blank(certificateReference)) {
            details.put("certificateReference", certificateReference.strip());
        }
        audit.record(AuditEntry.of("TRAINING_RECORDED", organizationId, "training_record", id)
                .with(details));
        return id;
    }

    @Transactional
    long create(long organizationId, TrainingRequest r, Certificate certificate) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        if (!canEdit(organizationId)) {
            throw new ForbiddenActionException("training.error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>(validate(r, today()));
        problems.addAll(certificateProblems(certificate));
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        String sha = certificate == null ? null : sha256(certificate.content());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_record (organization_id, person_name, email, course, provider, completed_on, hours,
                    certificate_name, certificate_type, certificate_sha256, certificate, created_at, created_by)
                VALUES (:o, :p, :e, :c, :pr, :d, :h, :cn, :ct, :cs, :cb, :now, :by)""")
                .param("o", organizationId)
                .param("p", r.personName().strip())
                .param("e", blank(r.email()) ? null : r.email().strip())
                .param("c", r.course().strip())
                .param("pr", blank(r.provider()) ? null : r.provider().strip())
                .param("d", Date.valueOf(r.completedOn()))
                .param("h", r.hours())
                .param("cn", certificate == null ? null : certificate.name())
                .param("ct", certificate == null ? null : sniff(certificate.content()))
                .param("cs", sha)
                .param("cb", certificate == null ? null : certificate.content())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentPerson.idOrNobody())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", r.personName().strip());
        details.put("course", r.course().strip());
        details.put("completedOn", r.completedOn().toString());
        details.put("hours", r.hours().toPlainString());
        if (sha != null) {
            details.put("certificateSha256", sha);
        }
        audit.record(AuditEntry.of("TRAINING_RECORDED", organizationId, "training_record", id)
                .with(details));
        return id;
    }

    private static final String COLUMNS = """
            SELECT t.id, t.organization_id, t.person_name, t.email, t.course, t.provider, t.completed_on, t.hours,
                t.certificate_name, t.certificate_sha256, t.certificate_reference FROM training_record t""";

    private static Record record(ResultSet rs, int n) throws SQLException {
        return new Record(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getDate(7).toLocalDate(),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11));
    }

    /** The organisation's records of a year and the yearly count of it and of each child organisation. */
    @Transactional(readOnly = true)
    Year year(long organizationId, int year) {
        ScopeFilter f = scope.visible("o.path");
        String path = jdbc.sql("SELECT o.path FROM organization o WHERE o.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", organizationId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("organization"));
        Date from = Date.valueOf(LocalDate.of(year, 1, 1));
        Date to = Date.valueOf(LocalDate.of(year + 1, 1, 1));
        List<Record> records = jdbc.sql(COLUMNS
                        + " WHERE t.organization_id = :o AND t.completed_on >= :from AND t.completed_on < :to"
                        + " ORDER BY t.completed_on DESC, t.id DESC")
                .param("o", organizationId)
                .param("from", from)
                .param("to", to)
                .query(TrainingService::record)
                .list();
        // one grouped query: each child's subtree (itself and below) and the organisation's own rows
        List<Count> children = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.name_vi, COUNT(DISTINCT LOWER(t.person_name)), COUNT(t.id), COALESCE(SUM(t.hours), 0)
                FROM organization c
                LEFT JOIN organization s ON s.path LIKE c.path || '%'
                LEFT JOIN training_record t ON t.organization_id = s.id AND t.completed_on >= :from
                    AND t.completed_on < :to
                WHERE c.parent_id = :o
                GROUP BY c.id, c.name_vi ORDER BY c.name_vi""")
                .param("o", organizationId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> children.add(
                        new Count(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5))))
                .list();
        Count own = jdbc.sql("""
                SELECT COUNT(DISTINCT LOWER(t.person_name)), COUNT(t.id), COALESCE(SUM(t.hours), 0)
                FROM training_record t JOIN organization s ON s.id = t.organization_id
                WHERE s.path LIKE :p AND t.completed_on >= :from AND t.completed_on < :to""")
                .param("p", path + "%")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Count(organizationId, "", rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3)))
                .single();
        return new Year(organizationId, year, own, records, children);
    }

    @Transactional(readOnly = true)
    Record get(long id) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql(COLUMNS + " JOIN organization o ON o.id = t.organization_id WHERE t.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(TrainingService::record)
                .optional()
                .orElseThrow(() -> new NotFoundException("training"));
    }

    @Transactional
    Certificate certificate(long id) {
        Record r = get(id);
        if (r.certificateSha256() == null) {
            throw new NotFoundException("certificate");
        }
        Certificate c = jdbc.sql(
                        "SELECT certificate_name, certificate_type, certificate FROM training_record WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Certificate(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .single();
        audit.record(AuditEntry.of("TRAINING_CERTIFICATE_READ", r.organizationId(), "training_record", id));
        return c;
    }

    /** The certificate's type by its first bytes (what the browser says is not trusted): PDF, PNG or JPEG. */
    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
