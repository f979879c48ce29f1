package vn.khien.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 *
 * <p>ADR 0077: a record is kept with its transaction and written into the chain just before that transaction
 * commits (a {@link TransactionSynchronization#beforeCommit}), so the head is locked only from the append to the
 * commit, not through the business work before it: a long audited transaction no longer holds every other audited
 * write behind it. The chain's order is the order of the commits.
 */
@Service
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    @Transactional
    public void record(AuditEntry entry) {
        PersonPrincipal actor = CurrentPerson.principal().orElse(null);
        if (actor != null) {
            enqueue(entry, actor.personId(), actor.username());
            return;
        }
        // A listener after the commit has no person on its thread: the one its event names (AuditActor), if any.
        Actor onBehalfOf = AuditActor.current();
        if (onBehalfOf != null) {
            enqueue(entry, onBehalfOf.personId(), onBehalfOf.username());
        } else {
            enqueue(entry, null, null);
        }
    }

    /**
     * For events with no signed-in actor yet (sign-in attempts). The sign-in listeners call it outside any
     * transaction, so it commits on its own without holding a second connection.
     */
    @Transactional
    public void recordStandalone(AuditEntry entry, @Nullable Long actorId, @Nullable String actorUsername) {
        enqueue(entry, actorId, actorUsername);
    }

    /**
     * Writes the records kept so far by this transaction into the chain now (locking the head until the commit).
     * For the rare caller that must read its own records back before committing; everyone else leaves it to the
     * commit.
     */
    @Transactional
    public void flush() {
        Pending pending = pending(false);
        if (pending != null) {
            pending.appendAll();
        }
    }

    /** What {@link #record} is given, with what only the recording thread knows (actor, address, request id). */
    private record Kept(
            AuditEntry entry,
            @Nullable Long actorId,
            @Nullable String actorUsername,
            @Nullable String sourceIp,
            @Nullable String requestId) {}

    private void enqueue(AuditEntry entry, @Nullable Long actorId, @Nullable String actorUsername) {
        Kept kept = new Kept(entry, actorId, actorUsername, sourceIp(), RequestLog.currentId());
        Pending pending = pending(true);
        if (pending == null || pending.committing) {
            // no synchronisation (cannot happen through the proxy), or recorded by a synchronisation that runs
            // after this transaction's append began: into the chain now, the head is locked until the commit anyway
            append(kept);
        } else {
            pending.records.add(kept);
        }
    }

    /** This transaction's kept records, registered with it on the first one if {@code create}. */
    private @Nullable Pending pending(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this && !p.closed) {
                return p;
            }
        }
        if (!create) {
            return null;
        }
        Pending p = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /**
     * The records of one transaction, appended to the chain in the order recorded when it is about to commit; last
     * among the synchronisations, so what others record in their own {@code beforeCommit} is appended too. Dropped
     * with a rollback.
     */
    private static final class Pending implements TransactionSynchronization {
        private final AuditTrail owner;
        private final List<Kept> records = new ArrayList<>();
        private boolean closed;
        private boolean committing;

        Pending(AuditTrail owner) {
            this.owner = owner;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
            appendAll();
        }

        @Override
        public void beforeCompletion() {
            closed = true;
            if (committing || records.isEmpty()) {
                return;
            }
            // Kept by another synchronisation's beforeCommit before this one was registered (so it missed the commit
            // step): appended here, still inside the transaction. Before a rollback this is called too, and nothing
            // of it survives the rollback (a failed transaction refuses it, which is then of no consequence).
            try {
                appendAll();
            } catch (RuntimeException e) {
                LOG.debug("Audit records of a transaction that does not commit not appended: {}", e.toString());
            }
        }

        void appendAll() {
            List<Kept> all = List.copyOf(records);
            records.clear();
            owner.append(all);
        }
    }

    private void append(Kept kept) {
        append(List.of(kept));
    }

    /**
     * Into the chain, in order: the head locked and read once, the records inserted in one batch, the head moved once
     * (so the lock is held for three round trips whatever the number of records).
     */
    private void append(List<Kept> kept) {
        if (kept.isEmpty()) {
            return;
        }
        Map<String, Object> head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query()
                .singleRow();
        long id = ((Number) Objects.requireNonNull(head.get("last_id"))).longValue();
        String prevHash = (String) Objects.requireNonNull(head.get("last_hash"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<MapSqlParameterSource> rows = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            AuditEntry entry = k.entry();
            id++;
            String details = entry.details() == null || entry.details().isEmpty()
                    ? null
                    : json.writeValueAsString(entry.details());
            AuditRecord r = new AuditRecord(
                    id,
                    now,
                    k.actorId(),
                    k.actorUsername(),
                    k.sourceIp(),
                    entry.action(),
                    entry.organizationId(),
                    entry.targetType(),
                    entry.targetId(),
                    details,
                    prevHash,
                    null,
                    AuditRecord.CURRENT_VERSION);
            String hash = ChainHash.of(r);
            rows.add(new MapSqlParameterSource()
                    .addValue("v", AuditRecord.CURRENT_VERSION)
                    .addValue("requestId", k.requestId())
                    .addValue("id", id)
                    .addValue("at", Timestamp.from(now))
                    .addValue("actor", k.actorId())
                    .addValue("actorName", k.actorUsername())
                    .addValue("ip", r.sourceIp())
                    .addValue("action", r.action())
                    .addValue("org", r.organizationId())
                    .addValue("tt", r.targetType())
                    .addValue("tid", r.targetId())
                    .addValue("details", details)
                    .addValue("prev", prevHash)
                    .addValue("hash", hash));
            prevHash = hash;
        }
        batch.batchUpdate("""
                INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, source_ip, action,
                    organization_id, target_type, target_id, details, prev_hash, hash, hash_version, request_id)
                VALUES (:id, :at, :actor, :actorName, :ip, :action, :org, :tt, :tid, :details, :prev, :hash, :v,
                    :requestId)""", rows.toArray(new MapSqlParameterSource[0]));
        jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", id)
                .param("hash", prevHash)
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
