package vn.khien.warnings.alerts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.Role;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.NotFoundException;
import vn.khien.warnings.matching.Component;

/**
 * Warnings, their targets and matches. Every read ANDs {@link #VISIBLE}: the TLP 2.0 rule in SQL. The publisher's
 * people (and, except for RED, those above the publisher) see a warning; below it, CLEAR/GREEN/AMBER reach the
 * subtree in scope and the parents of chosen recipients; AMBER+STRICT and RED reach only the named recipient
 * organisations themselves.
 */
@Repository
class WarningRepository {

    static final String VISIBLE = """
            EXISTS (SELECT 1 FROM role_grant vg JOIN organization vo ON vo.id = vg.organization_id
              WHERE vg.user_id = :tlpPerson AND (
                vo.id = w.organization_id
                OR (w.tlp <> 'RED' AND wp.path LIKE vo.path || '%')
                OR (w.tlp IN ('CLEAR', 'GREEN', 'AMBER') AND w.scope_kind = 'SUBTREE' AND vo.path LIKE wp.path || '%')
                OR (w.tlp IN ('CLEAR', 'GREEN', 'AMBER') AND w.scope_kind = 'CHOSEN' AND EXISTS (
                     SELECT 1 FROM warning_recipient vr JOIN organization vro ON vro.id = vr.organization_id
                     WHERE vr.warning_id = w.id AND (vo.path LIKE vro.path || '%' OR vro.path LIKE vo.path || '%')))
                OR (w.tlp IN ('AMBER+STRICT', 'RED') AND EXISTS (
                     SELECT 1 FROM warning_recipient vr WHERE vr.warning_id = w.id AND vr.organization_id = vo.id))))""";

    /** Systems (alias s, owner organisation so) within a warning's scope (alias w, publisher wp). */
    static final String IN_SCOPE = """
            ((w.scope_kind = 'SUBTREE' AND so.path LIKE wp.path || '%')
             OR (w.scope_kind = 'CHOSEN' AND w.tlp IN ('CLEAR', 'GREEN', 'AMBER') AND EXISTS (
                  SELECT 1 FROM warning_recipient r JOIN organization ro ON ro.id = r.organization_id
                  WHERE r.warning_id = w.id AND so.path LIKE ro.path || '%'))
             OR (w.scope_kind = 'CHOSEN' AND w.tlp IN ('AMBER+STRICT', 'RED') AND EXISTS (
                  SELECT 1 FROM warning_recipient r WHERE r.warning_id = w.id AND r.organization_id = so.id)))""";

    private static final String WARNING_COLUMNS = """
            w.id, w.organization_id, wp.name_vi AS publisher_name, w.title, w.description, w.severity,
            w.recommended_action, w.legal_basis, w.cves, w.affected, w.acknowledge_by, w.fix_by, w.tlp, w.scope_kind,
            w.advisory_id, w.published_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final OrgScope scope;

    WarningRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, OrgScope scope) {
        this.jdbc = jdbc;
        this.named = named;
        this.scope = scope;
    }

    record Warning(
            long id,
            long organizationId,
            String publisherName,
            String title,
            String description,
            String severity,
            String recommendedAction,
            String legalBasis,
            List<String> cves,
            String affected,
            LocalDate acknowledgeBy,
            LocalDate fixBy,
            String tlp,
            String scopeKind,
            Long advisoryId,
            Instant publishedAt) {}

    record NewWarning(
            long organizationId,
            String title,
            String description,
            String severity,
            String recommendedAction,
            String legalBasis,
            List<String> cves,
            String affected,
            LocalDate acknowledgeBy,
            LocalDate fixBy,
            Tlp tlp,
            boolean chosen,
            Long advisoryId,
            Long publishedBy) {}

    long insert(NewWarning w, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO warning (organization_id, title, description, severity, recommended_action, legal_basis,
                    cves, affected, acknowledge_by, fix_by, tlp, scope_kind, advisory_id, published_by, published_at)
                VALUES (:org, :title, :description, :severity, :action, :basis, :cves, :affected, :ack, :fix, :tlp,
                    :scope, :advisory, :by, :now)""")
                .param("org", w.organizationId())
                .param("title", w.title())
                .param("description", w.description())
                .param("severity", w.severity())
                .param("action", w.recommendedAction())
                .param("basis", w.legalBasis())
                .param("cves", w.cves().isEmpty() ? null : "," + String.join(",", w.cves()) + ",")
                .param("affected", w.affected())
                .param("ack", Date.valueOf(w.acknowledgeBy()))
                .param("fix", Date.valueOf(w.fixBy()))
                .param("tlp", w.tlp().code)
                .param("scope", w.chosen() ? "CHOSEN" : "SUBTREE")
                .param("advisory", w.advisoryId())
                .param("by", w.publishedBy())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void addRecipient(long warningId, long organizationId) {
        long n = jdbc.sql("SELECT COUNT(*) FROM warning_recipient WHERE warning_id = :w AND organization_id = :o")
                .param("w", warningId)
                .param("o", organizationId)
                .query(Long.class)
                .single();
        if (n == 0) {
            jdbc.sql("INSERT INTO warning_recipient (warning_id, organization_id) VALUES (:w, :o)")
                    .param("w", warningId)
                    .param("o", organizationId)
                    .update();
        }
    }

    List<Long> recipients(long warningId) {
        return jdbc.sql("SELECT organization_id FROM warning_recipient WHERE warning_id = :w ORDER BY organization_id")
                .param("w", warningId)
                .query(Long.class)
                .list();
    }

    Optional<Warning> findVisible(long id) {
        return jdbc.sql("SELECT " + WARNING_COLUMNS
                        + " FROM warning w JOIN organization wp ON wp.id = w.organization_id " + "WHERE w.id = :id AND "
                        + VISIBLE)
                .param("id", id)
                .param("tlpPerson", CurrentPerson.idOrNobody())
                .query(WarningRepository::warning)
                .optional();
    }

    Warning get(long id) {
        return findVisible(id).orElseThrow(() -> new NotFoundException("warning " + id));
    }

    /** Without the caller's scope: for matching triggered by events (the caller's own system changed). */
    Warning getUnscoped(long id) {
        return jdbc.sql("SELECT " + WARNING_COLUMNS
                        + " FROM warning w JOIN organization wp ON wp.id = w.organization_id " + "WHERE w.id = :id")
                .param("id", id)
                .query(WarningRepository::warning)
                .single();
    }

    /**
     * What narrows the list: {@code q} a piece of the title or a CVE id (any case); {@code needsAnswer} only the
     * warnings where a system the caller may answer for has no verdict yet (reached, acknowledged or reopened).
     */
    record ListFilter(@Nullable String q, boolean needsAnswer) {

        static final ListFilter NONE = new ListFilter(null, false);

        @Nullable
        String like() {
            return q == null || q.isBlank() ? null : "%" + q.strip() + "%";
        }
    }

    /** Statuses with no verdict yet: reached, acknowledged, or reopened by a later scan. */
    static final List<String> UNANSWERED = List.of("REACHED", "ACKNOWLEDGED", "REOPENED");

    /** The WHERE of the list (alias w, publisher wp) and its parameters. */
    private ScopeFilter listWhere(ListFilter filter) {
        StringBuilder sql = new StringBuilder(VISIBLE);
        Map<String, Object> params = new HashMap<>();
        params.put("tlpPerson", CurrentPerson.idOrNobody());
        String like = filter.like();
        if (like != null) {
            // UPPER on both sides: the database's own case folding, whatever its locale
            sql.append(" AND (UPPER(w.title) LIKE UPPER(:q) OR UPPER(w.cves) LIKE UPPER(:q))");
            params.put("q", like);
        }
        if (filter.needsAnswer()) {
            ScopeFilter mine = scope.holding("nao.path", Capability.EDIT_SECURITY_DATA);
            sql.append(
                            " AND EXISTS (SELECT 1 FROM warning_target na JOIN organization nao ON nao.id = na.organization_id"
                                    + " WHERE na.warning_id = w.id AND na.status IN (:unanswered) AND ")
                    .append(mine.sql())
                    .append(')');
            params.putAll(mine.params());
            params.put("unanswered", UNANSWERED);
        }
        return new ScopeFilter(sql.toString(), params);
    }

    /** Visible warnings (narrowed by the filter), newest first, at most {@code limit}. */
    List<Warning> visible(int limit, ListFilter filter) {
        ScopeFilter where = listWhere(filter);
        return jdbc.sql("SELECT " + WARNING_COLUMNS
                        + " FROM warning w JOIN organization wp ON wp.id = w.organization_id WHERE " + where.sql()
                        + " ORDER BY w.published_at DESC, w.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(where.params())
                .query(WarningRepository::warning)
                .list();
    }

    /** How many visible warnings the filter holds (the list shows at most its limit of them). */
    long countVisible(ListFilter filter) {
        ScopeFilter where = listWhere(filter);
        return jdbc.sql("SELECT COUNT(*) FROM warning w JOIN organization wp ON wp.id = w.organization_id WHERE "
                        + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /**
     * Where a warning stands for the caller's own units (the systems in the caller's subtree): how many systems it
     * reached, acknowledged (any answer), fixed, fixing, not affected, without a verdict, and overdue (not
     * acknowledged by the acknowledge-by day, or not settled by the fix-by day).
     */
    record MyStatus(
            long systems, long acknowledged, long fixed, long fixing, long notAffected, long unanswered, long overdue) {

        static final MyStatus NONE = new MyStatus(0, 0, 0, 0, 0, 0, 0);
    }

    /** {@link MyStatus} of each of these warnings, in one grouped query (warnings without a system: absent). */
    Map<Long, MyStatus> myStatus(Collection<Long> warningIds, LocalDate today) {
        Map<Long, MyStatus> out = new HashMap<>();
        if (warningIds.isEmpty()) {
            return out;
        }
        ScopeFilter f = scope.visible("tgo.path");
        jdbc.sql("""
                SELECT t.warning_id, COUNT(*) AS systems,
                  SUM(CASE WHEN t.status <> 'REACHED' THEN 1 ELSE 0 END) AS acknowledged,
                  SUM(CASE WHEN t.status = 'FIXED' THEN 1 ELSE 0 END) AS fixed,
                  SUM(CASE WHEN t.status = 'FIXING' THEN 1 ELSE 0 END) AS fixing,
                  SUM(CASE WHEN t.status = 'NOT_AFFECTED' THEN 1 ELSE 0 END) AS not_affected,
                  SUM(CASE WHEN t.status IN ('REACHED', 'ACKNOWLEDGED', 'REOPENED') THEN 1 ELSE 0 END) AS unanswered,
                  SUM(CASE WHEN (t.status = 'REACHED' AND w.acknowledge_by < :today)
                        OR (t.status NOT IN ('NOT_AFFECTED', 'FIXED') AND w.fix_by < :today) THEN 1 ELSE 0 END) AS overdue
                FROM warning_target t JOIN warning w ON w.id = t.warning_id
                  JOIN organization tgo ON tgo.id = t.organization_id
                WHERE t.warning_id IN (:ids) AND\s""" + f.sql() + " GROUP BY t.warning_id")
                .params(f.params())
                .param("ids", List.copyOf(warningIds))
                .param("today", Date.valueOf(today))
                .query(rs -> {
                    out.put(
                            rs.getLong("warning_id"),
                            new MyStatus(
                                    rs.getLong("systems"),
                                    rs.getLong("acknowledged"),
                                    rs.getLong("fixed"),
                                    rs.getLong("fixing"),
                                    rs.getLong("not_affected"),
                                    rs.getLong("unanswered"),
                                    rs.getLong("overdue")));
                });
        return out;
    }

    /**
     * The caller's own systems not yet reached by this warning that the caller may declare affected: those of the
     * organisations the caller holds a role with {@code EDIT_SECURITY_DATA} on itself (not the units below), still in
     * service.
     */
    List<Declarable> declarable(long warningId) {
        ScopeFilter f = scope.holding("so.path", Capability.EDIT_SECURITY_DATA);
        return jdbc.sql("""
                SELECT s.id, s.code, s.name, so.name_vi FROM information_system s
                  JOIN organization so ON so.id = s.owner_organization_id
                WHERE s.lifecycle_status <> 'RETIRED'
                  AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = :me AND g.organization_id = so.id
                    AND g.role IN (:roles))
                  AND NOT EXISTS (SELECT 1 FROM warning_target t WHERE t.warning_id = :w AND t.system_id = s.id)
                  AND\s""" + f.sql() + " ORDER BY so.name_vi, s.name")
                .params(f.params())
                .param("me", CurrentPerson.idOrNobody())
                .param(
                        "roles",
                        Role.holding(Capability.EDIT_SECURITY_DATA).stream()
                                .map(Enum::name)
                                .toList())
                .param("w", warningId)
                .query((rs, n) -> new Declarable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A system the caller may declare affected (see {@link #declarable}). */
    record Declarable(long systemId, String code, String name, String organizationName) {}

    /** Warnings whose scope holds this system (for re-matching it). */
    List<Warning> inScopeOf(long systemId) {
        return jdbc.sql("SELECT " + WARNING_COLUMNS + """
                         FROM warning w JOIN organization wp ON wp.id = w.organization_id,
                         information_system s JOIN organization so ON so.id = s.owner_organization_id
                        WHERE s.id = :sys AND\s""" + IN_SCOPE)
                .param("sys", systemId)
                .query(WarningRepository::warning)
                .list();
    }

    /** System id → owner organisation id of every system in the warning's scope. */
    /**
     * Of these candidate systems, the non-retired ones the warning's scope holds, with their owner: the scope
     * predicate runs in SQL over the candidates only (in chunks), never over the whole scope.
     */
    Map<Long, Long> systemsInScope(long warningId, Collection<Long> candidates) {
        Map<Long, Long> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(candidates);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("""
                    SELECT s.id, s.owner_organization_id FROM warning w JOIN organization wp ON wp.id = w.organization_id,
                      information_system s JOIN organization so ON so.id = s.owner_organization_id
                    WHERE w.id = :w AND s.id IN (:ids) AND s.lifecycle_status <> 'RETIRED' AND\s""" + IN_SCOPE)
                    .param("w", warningId)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return out;
    }

    // ---- targets

    private static final String TARGET_COLUMNS = """
            t.id, t.warning_id, t.system_id, t.organization_id, t.status, t.justification, t.note, t.planned_fix_on,
            t.evidence, t.acknowledged_by, t.acknowledged_at, t.fix_confirmed_scan_id, t.version""";

    Optional<WarningTarget> target(long warningId, long systemId) {
        return jdbc.sql("SELECT " + TARGET_COLUMNS
                        + " FROM warning_target t WHERE t.warning_id = :w AND t.system_id = :s")
                .param("w", warningId)
                .param("s", systemId)
                .query(WarningRepository::target)
                .optional();
    }

    List<WarningTarget> targetsOfSystem(long systemId) {
        return jdbc.sql("SELECT " + TARGET_COLUMNS + " FROM warning_target t WHERE t.system_id = :s")
                .param("s", systemId)
                .query(WarningRepository::target)
                .list();
    }

    long insertTarget(long warningId, long systemId, long organizationId, TargetStatus status, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO warning_target (warning_id, system_id, organization_id, status, reached_at, status_changed_at)
                VALUES (:w, :s, :o, :status, :now, :now)""")
                .param("w", warningId)
                .param("s", systemId)
                .param("o", organizationId)
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Adds a reason unless the same one is recorded; true when added. */
    boolean addMatch(long targetId, String matchedBy, Long componentId, Long findingId, String reason, Instant now) {
        long n = jdbc.sql("""
                SELECT COUNT(*) FROM warning_match WHERE target_id = :t AND matched_by = :by
                  AND COALESCE(component_id, -1) = :c AND COALESCE(finding_id, -1) = :f""")
                .param("t", targetId)
                .param("by", matchedBy)
                .param("c", componentId == null ? -1 : componentId)
                .param("f", findingId == null ? -1 : findingId)
                .query(Long.class)
                .single();
        if (n > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO warning_match (target_id, matched_by, component_id, finding_id, reason, matched_at)
                VALUES (:t, :by, :c, :f, :reason, :now)""")
                .param("t", targetId)
                .param("by", matchedBy)
                .param("c", componentId)
                .param("f", findingId)
                .param("reason", reason(reason))
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }

    /** Why a system is reached, before it is written: one row of {@link #reachAll}. */
    record Reach(long systemId, long ownerId, String matchedBy, Long componentId, Long findingId, String reason) {}

    /**
     * Writes the targets and reasons of one warning set-based: one read of the warning's existing targets, one
     * batched insert of the new targets and one batched insert of the reasons, each guarded by {@code NOT EXISTS}
     * in the same statement (no per-row duplicate check). Returns the systems newly reached.
     */
    Set<Long> reachAll(long warningId, List<Reach> reaches, Instant now) {
        if (reaches.isEmpty()) {
            return Set.of();
        }
        Timestamp at = Timestamp.from(now);
        Set<Long> before = new HashSet<>(jdbc.sql("SELECT system_id FROM warning_target WHERE warning_id = :w")
                .param("w", warningId)
                .query(Long.class)
                .list());
        Map<Long, Long> fresh = new LinkedHashMap<>();
        for (Reach r : reaches) {
            if (!before.contains(r.systemId())) {
                fresh.putIfAbsent(r.systemId(), r.ownerId());
            }
        }
        if (!fresh.isEmpty()) {
            named.batchUpdate(
                    """
                    INSERT INTO warning_target (warning_id, system_id, organization_id, status, reached_at,
                        status_changed_at)
                    SELECT CAST(:w AS BIGINT), CAST(:s AS BIGINT), CAST(:o AS BIGINT), :status, :now, :now
                    WHERE NOT EXISTS (SELECT 1 FROM warning_target x WHERE x.warning_id = :w AND x.system_id = :s)""",
                    fresh.entrySet().stream()
                            .map(e -> new MapSqlParameterSource()
                                    .addValue("w", warningId)
                                    .addValue("s", e.getKey())
                                    .addValue("o", e.getValue())
                                    .addValue("status", TargetStatus.REACHED.name())
                                    .addValue("now", at))
                            .toArray(SqlParameterSource[]::new));
        }
        Set<Long> systems = new HashSet<>();
        reaches.forEach(r -> systems.add(r.systemId()));
        Map<Long, Long> targetIds = new HashMap<>();
        jdbc.sql("SELECT id, system_id FROM warning_target WHERE warning_id = :w")
                .param("w", warningId)
                .query(rs -> {
                    if (systems.contains(rs.getLong(2))) {
                        targetIds.put(rs.getLong(2), rs.getLong(1));
                    }
                });
        named.batchUpdate(
                """
                INSERT INTO warning_match (target_id, matched_by, component_id, finding_id, reason, matched_at)
                SELECT CAST(:t AS BIGINT), :by, CAST(:c AS BIGINT), CAST(:f AS BIGINT), :reason, :now
                WHERE NOT EXISTS (SELECT 1 FROM warning_match x WHERE x.target_id = :t AND x.matched_by = :by
                  AND COALESCE(x.component_id, -1) = :cKey AND COALESCE(x.finding_id, -1) = :fKey)""",
                reaches.stream()
                        .distinct()
                        .map(r -> new MapSqlParameterSource()
                                .addValue("t", targetIds.get(r.systemId()))
                                .addValue("by", r.matchedBy())
                                .addValue("c", r.componentId(), Types.BIGINT)
                                .addValue("f", r.findingId(), Types.BIGINT)
                                .addValue("cKey", r.componentId() == null ? -1L : r.componentId())
                                .addValue("fKey", r.findingId() == null ? -1L : r.findingId())
                                .addValue("reason", reason(r.reason()), Types.VARCHAR)
                                .addValue("now", at))
                        .toArray(SqlParameterSource[]::new));
        return fresh.keySet();
    }

    /** Adds recipients that are not recorded yet, in one batched statement. */
    void addRecipients(long warningId, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return;
        }
        named.batchUpdate(
                """
                INSERT INTO warning_recipient (warning_id, organization_id)
                SELECT CAST(:w AS BIGINT), CAST(:o AS BIGINT) WHERE NOT EXISTS
                  (SELECT 1 FROM warning_recipient x WHERE x.warning_id = :w AND x.organization_id = :o)""",
                new LinkedHashSet<>(organizationIds)
                        .stream()
                                .map(o -> new MapSqlParameterSource()
                                        .addValue("w", warningId)
                                        .addValue("o", o))
                                .toArray(SqlParameterSource[]::new));
    }

    /** The organisations owning the given targets of a warning (by system), read in chunks of 1,000. */
    Set<Long> targetOrganizations(long warningId, Collection<Long> systemIds) {
        Set<Long> out = new LinkedHashSet<>();
        List<Long> ids = new ArrayList<>(systemIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(jdbc.sql("SELECT DISTINCT organization_id FROM warning_target WHERE warning_id = :w "
                            + "AND system_id IN (:ids) ORDER BY organization_id")
                    .param("w", warningId)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(Long.class)
                    .list());
        }
        return out;
    }

    private static String reason(String reason) {
        return reason == null ? null : reason.length() > 2000 ? reason.substring(0, 1999) : reason;
    }

    /** Stores a step's result; fails when someone else changed the target meanwhile. */
    void update(
            WarningTarget before,
            WarningTarget after,
            String note,
            Long scanId,
            Long byId,
            String byName,
            Instant now) {
        int n = jdbc.sql("""
                UPDATE warning_target SET status = :status, justification = :j, note = :note, planned_fix_on = :plan,
                  evidence = :ev, acknowledged_by = :ackBy, acknowledged_at = :ackAt, fix_confirmed_scan_id = :scan,
                  status_changed_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", after.status().name())
                .param("j", after.justification() == null ? null : after.justification().csaf)
                .param("note", after.note())
                .param("plan", after.plannedFixOn() == null ? null : Date.valueOf(after.plannedFixOn()))
                .param("ev", after.evidence())
                .param("ackBy", after.acknowledgedBy())
                .param("ackAt", after.acknowledgedAt() == null ? null : Timestamp.from(after.acknowledgedAt()))
                .param("scan", after.fixConfirmedScanId())
                .param("now", Timestamp.from(now))
                .param("id", before.id())
                .param("version", before.version())
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("warning target " + before.id());
        }
        jdbc.sql("""
                INSERT INTO warning_response (target_id, from_status, to_status, justification, note, planned_fix_on,
                  scan_id, by_user_id, by_username, at)
                VALUES (:t, :from, :to, :j, :note, :plan, :scan, :by, :byName, :now)""")
                .param("t", before.id())
                .param("from", before.status().name())
                .param("to", after.status().name())
                .param("j", after.justification() == null ? null : after.justification().csaf)
                .param("note", note)
                .param("plan", after.plannedFixOn() == null ? null : Date.valueOf(after.plannedFixOn()))
                .param("scan", scanId)
                .param("by", byId)
                .param("byName", byName)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** One API row of /affected: a match with its target's status, scoped to the caller's subtree. */
    record AffectedRow(
            long systemId,
            String systemName,
            Long componentId,
            Long findingId,
            long organizationId,
            String organizationName,
            String matchedBy,
            String reason,
            String status,
            String justification,
            LocalDate plannedFixOn,
            boolean fixConfirmed) {}

    List<AffectedRow> affected(long warningId) {
        ScopeFilter f = scope.visible("tgo.path");
        return jdbc.sql("""
                SELECT t.system_id, s.name AS system_name, m.component_id, m.finding_id, t.organization_id,
                       tgo.name_vi AS org_name, m.matched_by, m.reason, t.status, t.justification, t.planned_fix_on,
                       t.fix_confirmed_scan_id
                FROM warning_target t JOIN warning_match m ON m.target_id = t.id
                  JOIN information_system s ON s.id = t.system_id
                  JOIN organization tgo ON tgo.id = t.organization_id
                WHERE t.warning_id = :w AND\s""" + f.sql() + " ORDER BY tgo.name_vi, s.name, m.id")
                .params(f.params())
                .param("w", warningId)
                .query((rs, n) -> new AffectedRow(
                        rs.getLong("system_id"),
                        rs.getString("system_name"),
                        (Long) rs.getObject("component_id", Long.class),
                        (Long) rs.getObject("finding_id", Long.class),
                        rs.getLong("organization_id"),
                        rs.getString("org_name"),
                        rs.getString("matched_by"),
                        rs.getString("reason"),
                        rs.getString("status"),
                        rs.getString("justification"),
                        rs.getDate("planned_fix_on") == null
                                ? null
                                : rs.getDate("planned_fix_on").toLocalDate(),
                        rs.getObject("fix_confirmed_scan_id") != null))
                .list();
    }

    /** Counts per status of the targets under an organisation's subtree (scoped). */
    Map<String, Long> counts(long warningId, String subtreePath) {
        ScopeFilter f = scope.visible("tgo.path");
        Map<String, Long> out = new LinkedHashMap<>();
        for (TargetStatus s : TargetStatus.values()) {
            out.put(s.name(), 0L);
        }
        jdbc.sql("SELECT t.status, COUNT(*) FROM warning_target t JOIN organization tgo ON tgo.id = t.organization_id "
                        + "WHERE t.warning_id = :w AND tgo.path LIKE :p AND " + f.sql() + " GROUP BY t.status")
                .params(f.params())
                .param("w", warningId)
                .param("p", subtreePath + "%")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    record Overdue(
            long organizationId,
            String organizationName,
            String contactPerson,
            String contactPhone,
            String contactEmail,
            long systemId,
            String systemName,
            String status,
            String late) {}

    /** Targets past the acknowledge-by date still REACHED, or past fix-by and not settled. */
    List<Overdue> overdue(long warningId, String subtreePath, LocalDate today) {
        ScopeFilter f = scope.visible("tgo.path");
        return jdbc.sql("""
                SELECT t.organization_id, tgo.name_vi, tgo.contact_person, tgo.contact_phone, tgo.contact_email,
                       t.system_id, s.name, t.status,
                       CASE WHEN t.status = 'REACHED' AND w.acknowledge_by < :today THEN 'ACKNOWLEDGE' ELSE 'FIX' END AS late
                FROM warning_target t JOIN warning w ON w.id = t.warning_id
                  JOIN organization tgo ON tgo.id = t.organization_id JOIN information_system s ON s.id = t.system_id
                WHERE t.warning_id = :w AND tgo.path LIKE :p AND (
                  (t.status = 'REACHED' AND w.acknowledge_by < :today)
                  OR (t.status NOT IN ('NOT_AFFECTED', 'FIXED') AND w.fix_by < :today)) AND\s""" + f.sql() + " ORDER BY tgo.name_vi, s.name")
                .params(f.params())
                .param("w", warningId)
                .param("p", subtreePath + "%")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Overdue(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    String pathOf(long organizationId) {
        return jdbc.sql("SELECT path FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("organization"));
    }

    /** Matches a candidate component: rows of system_component whose cpe or purl starts with one of the keys. */
    List<Component> componentsByKeys(Collection<String> keys) {
        List<Component> out = new ArrayList<>();
        for (String key : keys) {
            String column = key.startsWith("pkg:") ? "purl" : "cpe";
            out.addAll(jdbc.sql("SELECT id, system_id, cpe, purl, product_version FROM system_component WHERE " + column
                            + " LIKE :k")
                    .param("k", key.replace("%", "\\%").replace("_", "\\_") + "%")
                    .query(WarningRepository::component)
                    .list());
        }
        return out;
    }

    List<Component> componentsOf(Collection<Long> systemIds) {
        List<Component> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>(systemIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(jdbc.sql("SELECT id, system_id, cpe, purl, product_version FROM system_component "
                            + "WHERE system_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(WarningRepository::component)
                    .list());
        }
        return out;
    }

    private static Component component(ResultSet rs, int n) throws SQLException {
        return new Component(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("cpe"),
                rs.getString("purl"),
                rs.getString("product_version"));
    }

    private static Warning warning(ResultSet rs, int n) throws SQLException {
        String cves = rs.getString("cves");
        return new Warning(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("publisher_name"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("severity"),
                rs.getString("recommended_action"),
                rs.getString("legal_basis"),
                cves == null
                        ? List.of()
                        : Arrays.stream(cves.split(","))
                                .filter(s -> !s.isEmpty())
                                .toList(),
                rs.getString("affected"),
                rs.getDate("acknowledge_by").toLocalDate(),
                rs.getDate("fix_by").toLocalDate(),
                rs.getString("tlp"),
                rs.getString("scope_kind"),
                (Long) rs.getObject("advisory_id", Long.class),
                rs.getTimestamp("published_at").toInstant());
    }

    private static WarningTarget target(ResultSet rs, int n) throws SQLException {
        Date plan = rs.getDate("planned_fix_on");
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        return new WarningTarget(
                rs.getLong("id"),
                rs.getLong("warning_id"),
                rs.getLong("system_id"),
                rs.getLong("organization_id"),
                TargetStatus.valueOf(rs.getString("status")),
                Justification.of(rs.getString("justification")).orElse(null),
                rs.getString("note"),
                plan == null ? null : plan.toLocalDate(),
                rs.getString("evidence"),
                (Long) rs.getObject("acknowledged_by", Long.class),
                ack == null ? null : ack.toInstant(),
                (Long) rs.getObject("fix_confirmed_scan_id", Long.class),
                rs.getInt("version"));
    }
}
