package vn.khien.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/** Reads the trail, always within the subtree where the caller may read audit records. */
@Repository
class AuditRecords {

    public record Query(
            @Nullable String actor,
            @Nullable Long organizationId,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            int page,
            int size) {}

    public record Page(List<AuditRecord> items, long total) {}

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public AuditRecords(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public Page search(Query q) {
        ScopeFilter f = scope.holding("o.path", Capability.READ_AUDIT);
        // Records tied to no organisation (e.g. a failed sign-in with an unknown name) are platform-wide.
        StringBuilder where = new StringBuilder(
                        " FROM audit_event a LEFT JOIN organization o ON o.id = a.organization_id WHERE (")
                .append(f.sql())
                .append(" OR (a.organization_id IS NULL AND :platformAdmin = TRUE))");
        Map<String, Object> params = new HashMap<>(f.params());
        params.put("platformAdmin", scope.isPlatformAdmin());
        if (q.actor() != null && !q.actor().isBlank()) {
            where.append(" AND LOWER(a.actor_username) LIKE :actor");
            params.put("actor", "%" + q.actor().toLowerCase() + "%");
        }
        if (q.organizationId() != null) {
            // The chosen organisation and everything below it.
            where.append(" AND o.path LIKE (SELECT p.path FROM organization p WHERE p.id = :orgId) || '%'");
            params.put("orgId", q.organizationId());
        }
        if (q.action() != null && !q.action().isBlank()) {
            where.append(" AND a.action = :action");
            params.put("action", q.action());
        }
        if (q.from() != null) {
            where.append(" AND a.occurred_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND a.occurred_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditRecord> items = jdbc.sql("SELECT a.*" + where + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", q.size())
                .param("offset", (long) q.page() * q.size())
                .query(AuditRecords::map)
                .list();
        return new Page(items, total);
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action")
                .query(String.class)
                .list();
    }

    /** Unscoped, in chain order: for verification only. */
    void streamAll(Consumer<AuditRecord> consumer) {
        List<AuditRecord> batch;
        long after = 0;
        do {
            batch = new ArrayList<>(jdbc.sql("SELECT * FROM audit_event WHERE id > :after ORDER BY id LIMIT 5000")
                    .param("after", after)
                    .query(AuditRecords::map)
                    .list());
            batch.forEach(consumer);
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).id();
            }
        } while (batch.size() == 5000);
    }

    static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_user_id", Long.class),
                rs.getString("actor_username"),
                rs.getString("source_ip"),
                rs.getString("action"),
                rs.getObject("organization_id", Long.class),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"),
                rs.getInt("hash_version"));
    }
}
