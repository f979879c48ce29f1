package vn.khien.compliance.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.compliance.catalogue.EvidenceExpiry;
import vn.khien.systems.VisibleSystems;

/**
 * Plain SQL over the evidence of plan items ({@code plan_evidence}). Reads AND the register's visibility predicate on
 * the system, so evidence of a system outside the caller's scope is never returned.
 */
@Repository
public class EvidenceRepository {

    /** Evidence whose last valid day is within this many days is flagged as expiring. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    EvidenceRepository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /**
     * Per visible system owned in the subtree: how many evidence items of required plan items are expired or expire
     * within the warning window, so a leader sees where proof is running out.
     */
    public Map<Long, Long> flaggedEvidenceInSubtree(String orgPath, LocalDate today) {
        ScopeFilter f = systems.visibleSystems("e.system_id");
        Map<Long, Long> result = new HashMap<>();
        jdbc.sql("SELECT e.system_id, COUNT(*) FROM plan_evidence e"
                        + " JOIN plan_item p ON p.system_id = e.system_id AND p.requirement_id = e.requirement_id"
                        + " AND p.required = TRUE"
                        + " WHERE e.valid_until IS NOT NULL AND e.valid_until <= :limit AND "
                        + systems.concernsSubtree("e.system_id")
                        + " AND e.superseded_at IS NULL AND e.deleted_at IS NULL"
                        + " AND " + f.sql() + " GROUP BY e.system_id")
                .params(f.params())
                .param("limit", today.plusDays(EXPIRY_WARNING_DAYS))
                .param("subtreePath", orgPath)
                .query((ResultSet rs) -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                });
        return result;
    }

    public long insertEvidence(
            long systemId,
            String requirementId,
            String title,
            @Nullable String url,
            @Nullable String fileName,
            @Nullable String contentType,
            byte @Nullable [] content,
            @Nullable LocalDate validUntil,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_evidence (system_id, requirement_id, title, url, file_name, content_type, content,
                    valid_until, created_at)
                VALUES (:s, :r, :title, :url, :fn, :ct, :content, :until, :now)""")
                .param("s", systemId)
                .param("r", requirementId)
                .param("title", title)
                .param("url", url)
                .param("fn", fileName)
                .param("ct", contentType)
                .param("content", content)
                .param("until", validUntil)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    public List<Evidence> evidence(long systemId, LocalDate today) {
        ScopeFilter f = systems.visibleSystems("p.system_id");
        return jdbc.sql("""
                SELECT p.id, p.system_id, p.requirement_id, p.title, p.url, p.file_name, p.valid_until, p.created_at,
                    p.superseded_at, p.deleted_at, p.withdrawal_reason
                FROM plan_evidence p WHERE p.system_id = :s AND """ + " " + f.sql() + " ORDER BY p.id")
                .params(f.params())
                .param("s", systemId)
                .query((rs, n) -> evidence(rs, today))
                .list();
    }

    public Optional<EvidenceFile> evidenceFile(long systemId, long evidenceId) {
        ScopeFilter f = systems.visibleSystems("p.system_id");
        return jdbc.sql("SELECT p.file_name, p.content_type, p.content FROM plan_evidence p WHERE p.id = :id"
                        + " AND p.system_id = :s AND p.content IS NOT NULL AND " + f.sql())
                .params(f.params())
                .param("s", systemId)
                .param("id", evidenceId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    public void supersedeEvidence(long systemId, long evidenceId, @Nullable String reason, Instant now) {
        jdbc.sql("UPDATE plan_evidence SET superseded_at = :now, withdrawal_reason = :reason"
                        + " WHERE system_id = :s AND id = :id AND superseded_at IS NULL AND deleted_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("s", systemId)
                .param("id", evidenceId)
                .update();
    }

    /** Keeps the row (title, dates, reason) for the history; erases the file, which was withdrawn as wrong. */
    public void deleteEvidence(long systemId, long evidenceId, String reason, Instant now) {
        jdbc.sql("UPDATE plan_evidence SET deleted_at = :now, withdrawal_reason = :reason, content = NULL"
                        + " WHERE system_id = :s AND id = :id AND deleted_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("s", systemId)
                .param("id", evidenceId)
                .update();
    }

    private static Evidence evidence(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate until = rs.getObject("valid_until", LocalDate.class);
        Timestamp superseded = rs.getTimestamp("superseded_at");
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Evidence(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("requirement_id"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("file_name"),
                until,
                rs.getTimestamp("created_at").toInstant(),
                EvidenceExpiry.check(until, today, EXPIRY_WARNING_DAYS),
                deleted != null
                        ? EvidenceState.DELETED
                        : superseded != null ? EvidenceState.SUPERSEDED : EvidenceState.ACTIVE,
                deleted != null ? deleted.toInstant() : superseded != null ? superseded.toInstant() : null,
                rs.getString("withdrawal_reason"));
    }
}
