package vn.khien.incidents.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.FieldProblemException;

/**
 * Incidents in SQL. Every read ANDs the visibility predicate: the caller sees an incident when they hold a role in
 * the subtree of the reporting organisation, or in the subtree of an organisation it was shared with (the parent, the
 * response unit, the target of a coordination order) — and nothing else.
 */
@Repository
class IncidentRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public IncidentRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    static final String COLUMNS = """
            i.id, i.organization_id, i.system_id, i.title, i.description, i.category, i.severity, i.status, i.source,
            i.detected_at, i.detected_offset, i.regime, i.beyond_capacity, i.serious, i.national_security_signs,
            i.response_ended_at, i.external_ref, i.reporter_name, i.reporter_contact, i.created_at, io.name_vi, io.path""";

    /** The visibility predicate over {@code i} (incident) and {@code io} (its organisation) with its parameters. */
    ScopeFilter visibility() {
        return visibility(Capability.READ);
    }

    ScopeFilter visibility(Capability capability) {
        ScopeFilter own = scope.holding("io.path", capability);
        ScopeFilter shared = scope.holdingAny("sho.path", "shared", capability);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(shared.params());
        return new ScopeFilter(
                "(" + own.sql() + " OR EXISTS (SELECT 1 FROM incident_share sh JOIN organization sho"
                        + " ON sho.id = sh.organization_id WHERE sh.incident_id = i.id AND " + shared.sql() + "))",
                params);
    }

    public Optional<Incident> find(long id) {
        ScopeFilter f = visibility();
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident i JOIN organization io ON io.id = i.organization_id"
                        + " WHERE i.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(IncidentRepository::map)
                .optional();
    }

    /** Whether the caller holds a capability on the reporting organisation or on an organisation it was shared with. */
    public boolean can(long id, Capability capability) {
        ScopeFilter f = visibility(capability);
        return jdbc.sql("SELECT COUNT(*) FROM incident i JOIN organization io ON io.id = i.organization_id"
                                + " WHERE i.id = :id AND " + f.sql())
                        .params(f.params())
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public record ListQuery(Long organizationId, IncidentStatus status, boolean openOnly, int limit) {}

    public List<Incident> list(ListQuery q) {
        ScopeFilter f = visibility();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM incident i JOIN organization io ON io.id = i.organization_id WHERE " + f.sql());
        Map<String, Object> params = new HashMap<>(f.params());
        if (q.organizationId() != null) {
            sql.append(" AND io.path LIKE (SELECT path FROM organization WHERE id = :org) || '%'");
            params.put("org", q.organizationId());
        }
        if (q.status() != null) {
            sql.append(" AND i.status = :status");
            params.put("status", q.status().name());
        }
        if (q.openOnly()) {
            sql.append(" AND i.status NOT IN ('CLOSED', 'REJECTED')");
        }
        sql.append(" ORDER BY i.detected_at DESC, i.id DESC LIMIT ").append(Math.max(1, Math.min(q.limit(), 500)));
        return jdbc.sql(sql.toString())
                .params(params)
                .query(IncidentRepository::map)
                .list();
    }

    /**
     * The incidents the caller may see that link to this finding ({@code column} finding_id) or warning (warning_id),
     * most recently detected first.
     */
    List<Incident> linkedTo(String column, long targetId) {
        if (!column.equals("finding_id") && !column.equals("warning_id")) {
            throw new IllegalArgumentException(column);
        }
        ScopeFilter f = visibility();
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident i JOIN organization io ON io.id = i.organization_id"
                        + " WHERE EXISTS (SELECT 1 FROM incident_link l WHERE l.incident_id = i.id AND l." + column
                        + " = :target) AND " + f.sql() + " ORDER BY i.detected_at DESC, i.id DESC LIMIT 50")
                .params(f.params())
                .param("target", targetId)
                .query(IncidentRepository::map)
                .list();
    }

    /**
     * Unscoped, for the duty evidence of systems the caller already reached through its scope: the open incidents of
     * those systems (not closed, not rejected as false).
     */
    List<Incident> openOfSystems(Collection<Long> systemIds) {
        if (systemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident i JOIN organization io ON io.id = i.organization_id"
                        + " WHERE i.system_id IN (:ids) AND i.status NOT IN ('CLOSED', 'REJECTED')")
                .param("ids", List.copyOf(systemIds))
                .query(IncidentRepository::map)
                .list();
    }

    /** The kinds of report already submitted per incident, for the incidents given (one query). */
    Map<Long, Set<String>> submittedKinds(Collection<Long> incidentIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT DISTINCT incident_id, kind FROM incident_report WHERE incident_id IN (:ids)")
                .param("ids", List.copyOf(incidentIds))
                .query((rs, n) ->
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return out;
    }

    /** The last submission of any of the kinds per system, for the systems given (one query). */
    Map<Long, Instant> lastSubmissionOfSystems(Collection<Long> systemIds, Collection<String> kinds) {
        Map<Long, Instant> out = new HashMap<>();
        if (systemIds.isEmpty() || kinds.isEmpty()) {
            return out;
        }
        jdbc.sql(
                        "SELECT i.system_id, MAX(r.submitted_at) FROM incident_report r JOIN incident i ON i.id = r.incident_id"
                                + " WHERE i.system_id IN (:ids) AND r.kind IN (:kinds) GROUP BY i.system_id")
                .param("ids", List.copyOf(systemIds))
                .param("kinds", List.copyOf(kinds))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        return out;
    }

    /** The last verification (or rejection as false) and the oldest unverified incident per system (one query). */
    Map<Long, Instant[]> acknowledgementsOfSystems(Collection<Long> systemIds) {
        Map<Long, Instant[]> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT i.system_id,
                  MAX(CASE WHEN e.kind IN ('STATUS_VERIFIED', 'STATUS_REJECTED') THEN e.at END),
                  MIN(CASE WHEN i.status = 'NEW' THEN i.created_at END)
                FROM incident i LEFT JOIN incident_event e ON e.incident_id = i.id
                WHERE i.system_id IN (:ids) GROUP BY i.system_id""")
                .param("ids", List.copyOf(systemIds))
                .query((rs, n) -> out.put(
                        rs.getLong(1), new Instant[] {instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))}))
                .list();
        return out;
    }

    /** Unscoped: the incident an organisation already holds under an external reference (API idempotency). */
    public Optional<Long> byExternalRef(long organizationId, String externalRef) {
        return jdbc.sql("SELECT id FROM incident WHERE organization_id = :o AND external_ref = :r")
                .param("o", organizationId)
                .param("r", externalRef)
                .query(Long.class)
                .optional();
    }

    public long insert(NewIncident n, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (organization_id, system_id, title, description, category, severity, status, source,
                  detected_at, detected_offset, regime, beyond_capacity, serious, national_security_signs, external_ref,
                  reporter_name, reporter_contact, created_by, created_at, updated_at)
                VALUES (:org, :system, :title, :description, :category, :severity, 'NEW', :source, :detectedAt, :offset,
                  :regime, :beyond, :serious, :ns, :ref, :reporterName, :reporterContact, :by, :now, :now)""")
                .param("org", n.organizationId())
                .param("system", n.systemId())
                .param("title", n.title())
                .param("description", n.description())
                .param("category", n.category())
                .param("severity", n.severity().name())
                .param("source", n.source().name())
                .param("detectedAt", Timestamp.from(n.detectedAt().toInstant()))
                .param(
                        "offset",
                        n.detectedAt().getOffset().getId().equals("Z")
                                ? "+00:00"
                                : n.detectedAt().getOffset().getId())
                .param("regime", n.regime())
                .param("beyond", n.beyondCapacity())
                .param("serious", n.serious())
                .param("ns", n.nationalSecuritySigns())
                .param("ref", n.externalRef())
                .param("reporterName", n.reporterName())
                .param("reporterContact", n.reporterContact())
                .param("by", n.createdBy())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public record NewIncident(
            long organizationId,
            Long systemId,
            String title,
            String description,
            String category,
            Severity severity,
            IncidentSource source,
            OffsetDateTime detectedAt,
            String regime,
            boolean beyondCapacity,
            Boolean serious,
            boolean nationalSecuritySigns,
            String externalRef,
            String reporterName,
            String reporterContact,
            Long createdBy) {}

    // ---- one method per workflow step

    public void markVerified(Incident i, Instant now) {
        status(i, IncidentStatus.NEW, now);
    }

    public void markRejected(Incident i, IncidentStatus from, Instant now) {
        status(i, from, now);
    }

    public void markContained(Incident i, Instant now) {
        status(i, IncidentStatus.VERIFIED, now);
    }

    public void markEradicated(Incident i, Instant now) {
        status(i, IncidentStatus.CONTAINED, now);
    }

    public void markRecovered(Incident i, IncidentStatus from, Instant now) {
        int n = jdbc.sql("UPDATE incident SET status = 'RECOVERED', response_ended_at = :ended, updated_at = :now"
                        + " WHERE id = :id AND status = :from")
                .param("ended", Timestamp.from(i.responseEndedAt()))
                .param("now", Timestamp.from(now))
                .param("id", i.id())
                .param("from", from.name())
                .update();
        requireOne(n);
    }

    public void markClosed(Incident i, Instant now) {
        status(i, IncidentStatus.RECOVERED, now);
    }

    private void status(Incident next, IncidentStatus from, Instant now) {
        int n = jdbc.sql("UPDATE incident SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
                .param("to", next.status().name())
                .param("now", Timestamp.from(now))
                .param("id", next.id())
                .param("from", from.name())
                .update();
        requireOne(n);
    }

    private static void requireOne(int n) {
        if (n != 1) {
            // Someone else moved the case meanwhile.
            throw new FieldProblemException("status", "incidents.error.concurrent");
        }
    }

    public void setSeverity(long id, Severity severity, Instant now) {
        jdbc.sql("UPDATE incident SET severity = :s, updated_at = :now WHERE id = :id")
                .param("s", severity.name())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    // ---- timeline

    public record TimelineEvent(Instant at, String kind, String detail, String actorName) {}

    public void event(long incidentId, Instant at, String kind, String detail, String actorName) {
        jdbc.sql("INSERT INTO incident_event (incident_id, at, kind, detail, actor_name) VALUES (:i, :at, :k, :d, :a)")
                .param("i", incidentId)
                .param("at", Timestamp.from(at))
                .param("k", kind)
                .param("d", detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail)
                .param("a", actorName)
                .update();
    }

    public List<TimelineEvent> timeline(long incidentId) {
        return jdbc.sql(
                        "SELECT at, kind, detail, actor_name FROM incident_event WHERE incident_id = :i ORDER BY at, id")
                .param("i", incidentId)
                .query((rs, n) -> new TimelineEvent(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // ---- sharing

    public record Share(long organizationId, String organizationName, Instant sharedAt) {}

    public boolean share(long incidentId, long organizationId, Long by, Instant now) {
        long exists = jdbc.sql("SELECT COUNT(*) FROM incident_share WHERE incident_id = :i AND organization_id = :o")
                .param("i", incidentId)
                .param("o", organizationId)
                .query(Long.class)
                .single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql(
                        "INSERT INTO incident_share (incident_id, organization_id, shared_at, shared_by) VALUES (:i, :o, :now, :by)")
                .param("i", incidentId)
                .param("o", organizationId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
        return true;
    }

    public List<Share> shares(long incidentId) {
        return jdbc.sql("SELECT s.organization_id, o.name_vi, s.shared_at FROM incident_share s JOIN organization o"
                        + " ON o.id = s.organization_id WHERE s.incident_id = :i ORDER BY s.shared_at")
                .param("i", incidentId)
                .query((rs, n) -> new Share(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    // ---- report submissions

    public record Submission(
            long id,
            String kind,
            String ruleId,
            Instant dueAt,
            Instant submittedAt,
            String submitterName,
            String recipients,
            String emailSubject) {
        public Boolean onTime() {
            return dueAt == null ? null : !submittedAt.isAfter(dueAt);
        }
    }

    public long insertReport(
            long incidentId,
            String kind,
            String ruleId,
            Instant dueAt,
            Instant at,
            Long by,
            String byName,
            String recipients,
            String subject,
            byte[] document) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_report (incident_id, kind, rule_id, due_at, submitted_at, submitted_by, submitter_name,
                  recipients, email_subject, document)
                VALUES (:i, :k, :r, :due, :at, :by, :byName, :rec, :subj, :doc)""")
                .param("i", incidentId)
                .param("k", kind)
                .param("r", ruleId)
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("byName", byName)
                .param("rec", recipients)
                .param("subj", subject)
                .param("doc", document)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String SUBMISSIONS =
            "SELECT id, kind, rule_id, due_at, submitted_at, submitter_name, recipients, email_subject, incident_id"
                    + " FROM incident_report";

    public List<Submission> reports(long incidentId) {
        return jdbc.sql(SUBMISSIONS + " WHERE incident_id = :i ORDER BY submitted_at, id")
                .param("i", incidentId)
                .query((rs, n) -> submission(rs))
                .list();
    }

    /** {@link #reports(long)} of many incidents in one query (the home page's list, issue 15): incident → reports. */
    public Map<Long, List<Submission>> reportsOf(Collection<Long> incidentIds) {
        Map<Long, List<Submission>> out = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        jdbc.sql(SUBMISSIONS + " WHERE incident_id IN (:i) ORDER BY submitted_at, id")
                .param("i", incidentIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(9), k -> new ArrayList<>()).add(submission(rs));
                });
        return out;
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                instant(rs.getTimestamp(4)),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    public Optional<byte[]> reportDocument(long incidentId, long reportId) {
        return jdbc.sql("SELECT document FROM incident_report WHERE incident_id = :i AND id = :r")
                .param("i", incidentId)
                .param("r", reportId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    // ---- coordination orders (Biểu mẫu 06)

    public record Order(
            long id,
            long incidentId,
            long issuerOrgId,
            String issuerName,
            long targetOrgId,
            String targetName,
            String instruction,
            Instant dueAt,
            String status,
            String answer,
            Instant answeredAt,
            Instant issuedAt) {
        public boolean overdue(Instant now) {
            return "OPEN".equals(status) && now.isAfter(dueAt);
        }
    }

    public long insertOrder(
            long incidentId, long issuer, long target, String instruction, Instant dueAt, Long by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_order (incident_id, issuer_org_id, target_org_id, instruction, due_at, status,
                  issued_by, issued_at)
                VALUES (:i, :issuer, :target, :ins, :due, 'OPEN', :by, :now)""")
                .param("i", incidentId)
                .param("issuer", issuer)
                .param("target", target)
                .param("ins", instruction)
                .param("due", Timestamp.from(dueAt))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String ORDER_SELECT = """
            SELECT r.id, r.incident_id, r.issuer_org_id, oi.name_vi, r.target_org_id, ot.name_vi, r.instruction, r.due_at,
              r.status, r.answer, r.answered_at, r.issued_at
            FROM incident_order r JOIN organization oi ON oi.id = r.issuer_org_id
            JOIN organization ot ON ot.id = r.target_org_id""";

    public List<Order> orders(long incidentId) {
        return jdbc.sql(ORDER_SELECT + " WHERE r.incident_id = :i ORDER BY r.issued_at, r.id")
                .param("i", incidentId)
                .query(IncidentRepository::order)
                .list();
    }

    public Optional<Order> order(long incidentId, long orderId) {
        return jdbc.sql(ORDER_SELECT + " WHERE r.incident_id = :i AND r.id = :o")
                .param("i", incidentId)
                .param("o", orderId)
                .query(IncidentRepository::order)
                .optional();
    }

    public int answerOrder(long orderId, String answer, Long by, Instant now) {
        return jdbc.sql(
                        "UPDATE incident_order SET status = 'ANSWERED', answer = :a, answered_by = :by, answered_at = :now"
                                + " WHERE id = :id AND status = 'OPEN'")
                .param("a", answer)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("id", orderId)
                .update();
    }

    /** Open orders addressed to organisations where the caller may respond, for "what needs my attention". */
    public List<Order> openOrdersForCaller() {
        ScopeFilter f =
                scope.holdingAny("ot.path", "target", Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA);
        return jdbc.sql(ORDER_SELECT + " WHERE r.status = 'OPEN' AND " + f.sql() + " ORDER BY r.due_at LIMIT 50")
                .params(f.params())
                .query(IncidentRepository::order)
                .list();
    }

    /** Incident id → the organisations that issued an order on it, for these incidents. */
    public Map<Long, Set<Long>> orderIssuers(Collection<Long> incidentIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT DISTINCT incident_id, issuer_org_id FROM incident_order WHERE incident_id IN (:ids)")
                .param("ids", List.copyOf(incidentIds))
                .query((rs, n) ->
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
                .list();
        return out;
    }

    /** Open orders issued by organisations where the caller may coordinate (responds or edits security data). */
    public List<Order> openOrdersIssuedByCaller() {
        ScopeFilter f =
                scope.holdingAny("oi.path", "issuer", Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA);
        return jdbc.sql(ORDER_SELECT + " WHERE r.status = 'OPEN' AND " + f.sql() + " ORDER BY r.due_at LIMIT 50")
                .params(f.params())
                .query(IncidentRepository::order)
                .list();
    }

    private static Order order(ResultSet rs, int n) throws SQLException {
        return new Order(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getString(10),
                instant(rs.getTimestamp(11)),
                rs.getTimestamp(12).toInstant());
    }

    // ---- tasks

    public record Task(long id, String title, String ownerName, LocalDate dueOn, boolean done) {}

    public long insertTask(long incidentId, String title, String owner, LocalDate dueOn, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO incident_task (incident_id, title, owner_name, due_on, created_at) VALUES (:i, :t, :o, :d, :now)")
                .param("i", incidentId)
                .param("t", title)
                .param("o", owner)
                .param("d", dueOn)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public int completeTask(long incidentId, long taskId) {
        return jdbc.sql("UPDATE incident_task SET done = TRUE WHERE incident_id = :i AND id = :t AND done = FALSE")
                .param("i", incidentId)
                .param("t", taskId)
                .update();
    }

    public List<Task> tasks(long incidentId) {
        return jdbc.sql(
                        "SELECT id, title, owner_name, due_on, done FROM incident_task WHERE incident_id = :i ORDER BY id")
                .param("i", incidentId)
                .query((rs, n) -> new Task(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        rs.getBoolean(5)))
                .list();
    }

    // ---- indicators

    public record Indicator(long id, String kind, String value) {}

    public boolean insertIndicator(long incidentId, String kind, String value, Instant now) {
        long exists = jdbc.sql(
                        "SELECT COUNT(*) FROM incident_indicator WHERE incident_id = :i AND kind = :k AND ioc_value = :v")
                .param("i", incidentId)
                .param("k", kind)
                .param("v", value)
                .query(Long.class)
                .single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO incident_indicator (incident_id, kind, ioc_value, created_at) VALUES (:i, :k, :v, :now)")
                .param("i", incidentId)
                .param("k", kind)
                .param("v", value)
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }

    public List<Indicator> indicators(long incidentId) {
        return jdbc.sql("SELECT id, kind, ioc_value FROM incident_indicator WHERE incident_id = :i ORDER BY id")
                .param("i", incidentId)
                .query((rs, n) -> new Indicator(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    // ---- evidence and chain of custody

    public record EvidenceItem(long id, String fileName, String sha256, long sizeBytes, Instant createdAt) {}

    public record Custody(long evidenceId, Instant at, String action, String personName) {}

    public long insertEvidence(long incidentId, String fileName, String sha256, byte[] content, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident_evidence (incident_id, file_name, sha256, size_bytes, content, created_at)"
                        + " VALUES (:i, :f, :h, :s, :c, :now)")
                .param("i", incidentId)
                .param("f", fileName)
                .param("h", sha256)
                .param("s", (long) content.length)
                .param("c", content)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void custody(long evidenceId, String action, Long personId, String personName, Instant now) {
        jdbc.sql(
                        "INSERT INTO incident_custody (evidence_id, at, action, person_id, person_name) VALUES (:e, :at, :a, :p, :n)")
                .param("e", evidenceId)
                .param("at", Timestamp.from(now))
                .param("a", action)
                .param("p", personId)
                .param("n", personName)
                .update();
    }

    public List<EvidenceItem> evidence(long incidentId) {
        return jdbc.sql(
                        "SELECT id, file_name, sha256, size_bytes, created_at FROM incident_evidence WHERE incident_id = :i ORDER BY id")
                .param("i", incidentId)
                .query((rs, n) -> new EvidenceItem(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public List<Custody> custodyOf(long incidentId) {
        return jdbc.sql(
                        "SELECT c.evidence_id, c.at, c.action, c.person_name FROM incident_custody c JOIN incident_evidence e"
                                + " ON e.id = c.evidence_id WHERE e.incident_id = :i ORDER BY c.at, c.id")
                .param("i", incidentId)
                .query((rs, n) ->
                        new Custody(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<byte[]> evidenceContent(long incidentId, long evidenceId) {
        return jdbc.sql("SELECT content FROM incident_evidence WHERE incident_id = :i AND id = :e")
                .param("i", incidentId)
                .param("e", evidenceId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    // ---- lookups for the pages

    public record Option(long id, String name) {}

    /** Organisations where the caller may report incidents (responds to incidents or edits security data). */
    public List<Option> reportableOrganizations() {
        ScopeFilter f = scope.holdingAny("o.path", "rep", Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA);
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE " + f.sql() + " ORDER BY o.path LIMIT 500")
                .params(f.params())
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * The systems an incident of this organisation may be about: owned or operated by it or an organisation of its
     * subtree (the rule {@link #systemInSubtree} applies to what is sent), and none when the caller may not report for
     * the organisation. The new-incident form lists these for the organisation chosen, never the systems of every
     * organisation the caller reaches.
     */
    public List<Option> reportableSystems(long organizationId) {
        ScopeFilter f = scope.holdingAny("o.path", "rep", Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA);
        return jdbc.sql("SELECT s.id, s.name FROM information_system s JOIN organization o ON o.id = :org"
                        + " JOIN organization so ON so.id = s.owner_organization_id"
                        + " JOIN organization op ON op.id = s.operator_organization_id"
                        + " WHERE (so.path LIKE o.path || '%' OR op.path LIKE o.path || '%') AND " + f.sql()
                        + " ORDER BY s.name, s.id LIMIT 500")
                .params(f.params())
                .param("org", organizationId)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Names of organisations by id, for the ids a page shows. */
    public Map<Long, String> organizationNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, name_vi FROM organization WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }

    /**
     * Units an order may name: the reporting organisation's parent and children, and the organisations {@code named}
     * (the reporting organisation itself, the system's owner and operator, the response unit: resolved by the service).
     */
    public List<Option> orderTargets(long organizationId, Collection<Long> named) {
        return jdbc.sql("""
                SELECT o.id, o.name_vi FROM organization o JOIN organization io ON io.id = :org
                WHERE o.id IN (:named) OR o.id = io.parent_id OR o.parent_id = io.id ORDER BY o.path LIMIT 200""")
                .param("org", organizationId)
                .param("named", List.copyOf(named))
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    public Optional<Long> operatorOf(long systemId) {
        return jdbc.sql("SELECT operator_organization_id FROM information_system WHERE id = :id")
                .param("id", systemId)
                .query(Long.class)
                .optional();
    }

    /** The name of an organisation that publishes its contact point, for the public report page. */
    public Optional<String> publishedOrganization(long organizationId) {
        return jdbc.sql("SELECT name_vi FROM organization WHERE id = :id AND contact_public = TRUE")
                .param("id", organizationId)
                .query(String.class)
                .optional();
    }

    // ---- statistics

    public record StatRow(Instant detectedAt, String category, String severity) {}

    /**
     * Incidents of an organisation's subtree (every visible one when {@code organizationId} is null) detected in
     * [from, to), as far as the caller sees them.
     */
    public List<StatRow> statistics(Long organizationId, Instant from, Instant to) {
        ScopeFilter f = visibility();
        return jdbc.sql("SELECT i.detected_at, i.category, i.severity FROM incident i JOIN organization io"
                        + " ON io.id = i.organization_id WHERE " + f.sql()
                        + (organizationId == null
                                ? ""
                                : " AND io.path LIKE (SELECT path FROM organization WHERE id = :org) || '%'")
                        + " AND i.detected_at >= :from AND i.detected_at < :to AND i.status <> 'REJECTED' LIMIT 100000")
                .params(f.params())
                .params(organizationId == null ? Map.of() : Map.of("org", organizationId))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new StatRow(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Organisations the caller sees (any role in their subtree), for the statistics page's choice of subtree. */
    public List<Option> visibleOrganizations() {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE " + f.sql() + " ORDER BY o.path LIMIT 500")
                .params(f.params())
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    // ---- helpers for other parts of the module

    public Optional<String> organizationName(long organizationId) {
        return jdbc.sql("SELECT name_vi FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query(String.class)
                .optional();
    }

    public Optional<Long> parentOf(long organizationId) {
        return jdbc.sql("SELECT parent_id FROM organization WHERE id = :id AND parent_id IS NOT NULL")
                .param("id", organizationId)
                .query(Long.class)
                .optional();
    }

    /** The system's name when it belongs to the organisation's subtree (owner or operator), else empty. */
    public Optional<String> systemInSubtree(long systemId, long organizationId) {
        return jdbc.sql("""
                SELECT s.name FROM information_system s JOIN organization o ON o.id = :org
                JOIN organization so ON so.id = s.owner_organization_id JOIN organization op ON op.id = s.operator_organization_id
                WHERE s.id = :sys AND (so.path LIKE o.path || '%' OR op.path LIKE o.path || '%')""")
                .param("org", organizationId)
                .param("sys", systemId)
                .query(String.class)
                .optional();
    }

    public record SystemInfo(String name, Integer level) {}

    public Optional<SystemInfo> systemInfo(long systemId) {
        return jdbc.sql("SELECT name, approved_level FROM information_system WHERE id = :id")
                .param("id", systemId)
                .query((rs, n) -> new SystemInfo(rs.getString(1), (Integer) rs.getObject(2)))
                .optional();
    }

    /** An affected system as the incident's reports name it: its name, approved level and owner. */
    public record AffectedSystemInfo(String name, Integer level, String ownerName) {}

    /**
     * The affected systems of an incident the caller already reached through {@link #find}, in the order they were
     * added (for the report documents, which go to the incident's recipients whatever the reader's own view).
     */
    public List<AffectedSystemInfo> affectedSystemInfo(long incidentId) {
        return jdbc.sql("""
                SELECT s.name, s.approved_level, o.name_vi FROM incident_affected_system a
                  JOIN information_system s ON s.id = a.system_id
                  JOIN organization o ON o.id = s.owner_organization_id
                WHERE a.incident_id = :i ORDER BY a.added_at, s.id""")
                .param("i", incidentId)
                .query((rs, n) -> new AffectedSystemInfo(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Incident map(ResultSet rs, int n) throws SQLException {
        return new Incident(
                rs.getLong(1),
                rs.getLong(2),
                (Long) rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Severity.valueOf(rs.getString(7)),
                IncidentStatus.valueOf(rs.getString(8)),
                IncidentSource.valueOf(rs.getString(9)),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11),
                rs.getString(12),
                rs.getBoolean(13),
                (Boolean) rs.getObject(14, Boolean.class),
                rs.getBoolean(15),
                instant(rs.getTimestamp(16)),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19),
                rs.getTimestamp(20).toInstant(),
                rs.getString(21),
                rs.getString(22));
    }
}
