package vn.khien.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.access.Actor;
import vn.khien.access.CurrentPerson;
import vn.khien.access.PersonPrincipal;
import vn.khien.platform.RequestLog;

/**
 * Appends to the hash-chained audit trail. Appends join the caller's transaction, so a change and
 * its audit record commit or roll back together; the row lock on audit_head orders appends from
 * every node into one chain.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(AuditEntry entry) {
        PersonPrincipal actor = CurrentPerson.principal().orElse(null);
        if (actor != null) {
            append(entry, actor.personId(), actor.username());
            return;
        }
        // A listener after the commit has no person on its thread: the one its event names (AuditActor), if any.
        Actor onBehalfOf = AuditActor.current();
        if (onBehalfOf != null) {
            append(entry, onBehalfOf.personId(), onBehalfOf.username());
        } else {
            append(entry, null, null);
        }
    }

    /**
     * For events with no signed-in actor yet (sign-in attempts). The sign-in listeners call it outside any
     * transaction, so it commits on its own without holding a second connection.
     */
    @Transactional
    public void recordStandalone(AuditEntry entry, @Nullable Long actorId, @Nullable String actorUsername) {
        append(entry, actorId, actorUsername);
    }

    private void append(AuditEntry entry, @Nullable Long actorId, @Nullable String actorUsername) {
        Map<String, Object> head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query()
                .singleRow();
        long id = ((Number) Objects.requireNonNull(head.get("last_id"))).longValue() + 1;
        String prevHash = (String) Objects.requireNonNull(head.get("last_hash"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String details =
                entry.details() == null || entry.details().isEmpty() ? null : json.writeValueAsString(entry.details());
        AuditRecord r = new AuditRecord(
                id,
                now,
                actorId,
                actorUsername,
                sourceIp(),
                entry.action(),
                entry.organizationId(),
                entry.targetType(),
                entry.targetId(),
                details,
                prevHash,
                null,
                AuditRecord.CURRENT_VERSION);
        String hash = ChainHash.of(r);
        jdbc.sql("""
                INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, source_ip, action,
                    organization_id, target_type, target_id, details, prev_hash, hash, hash_version, request_id)
                VALUES (:id, :at, :actor, :actorName, :ip, :action, :org, :tt, :tid, :details, :prev, :hash, :v,
                    :requestId)""")
                .param("v", AuditRecord.CURRENT_VERSION)
                .param("requestId", RequestLog.currentId())
                .param("id", id)
                .param("at", Timestamp.from(now))
                .param("actor", actorId)
                .param("actorName", actorUsername)
                .param("ip", r.sourceIp())
                .param("action", r.action())
                .param("org", r.organizationId())
                .param("tt", r.targetType())
                .param("tid", r.targetId())
                .param("details", details)
                .param("prev", prevHash)
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", id)
                .param("hash", hash)
                .update();
    }

    private static @Nullable String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
