package vn.khien.compliance.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.compliance.catalogue.EvidenceExpiry;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.systems.VisibleSystems;

/**
 * Plain SQL over plans, evidence, remediation tasks and security regulations. Reads for people AND in the register's
 * visibility predicate on the system, so a row of a system outside the caller's scope is never returned.
 */
@Repository
public class PlanRepository {

    /** Evidence whose last valid day is within this many days is flagged as expiring. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public PlanRepository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    // ---- revisions

    public Optional<PlanRevision> currentRevision(long systemId) {
        return jdbc.sql("SELECT * FROM security_plan WHERE system_id = :s AND superseded_at IS NULL")
                .param("s", systemId)
                .query(PlanRepository::revision)
                .optional();
    }

    public List<PlanRevision> revisions(long systemId) {
        return jdbc.sql("SELECT * FROM security_plan WHERE system_id = :s ORDER BY id DESC")
                .param("s", systemId)
                .query(PlanRepository::revision)
                .list();
    }

    public void supersede(long systemId, Instant now) {
        jdbc.sql("UPDATE security_plan SET superseded_at = :now WHERE system_id = :s AND superseded_at IS NULL")
                .param("s", systemId)
                .param("now", Timestamp.from(now))
                .update();
    }

    public long insertRevision(
            long systemId,
            int level,
            String regime,
            String catalogues,
            LocalDate approvedOn,
            Collection<String> added,
            Collection<String> removed,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO security_plan (system_id, level, regime, catalogue_versions, approved_on, newly_required,
                    no_longer_required, derived_at)
                VALUES (:s, :level, :regime, :cat, :on, :added, :removed, :now)""")
                .param("s", systemId)
                .param("level", level)
                .param("regime", regime)
                .param("cat", catalogues)
                .param("on", approvedOn)
                .param("added", String.join(",", added))
                .param("removed", String.join(",", removed))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Systems with a derived plan that a new catalogue version affects: every system of the regime for a base
     * catalogue, the systems owned in the organisation's subtree for an internal-policy layer. Read without a person:
     * the importer's right to change the catalogue is what authorises the re-derivation.
     */
    public List<Map<String, Object>> plannedSystems(String regimeName, Long organizationId) {
        String regimeFilter = regimeName == null ? "" : " AND sp.regime = :regime";
        String orgFilter =
                organizationId == null ? "" : " AND o.path LIKE (SELECT path FROM organization WHERE id = :org) || '%'";
        var spec = jdbc.sql("SELECT s.id, s.owner_organization_id, o.path, sp.level, sp.regime, sp.approved_on"
                + " FROM security_plan sp JOIN information_system s ON s.id = sp.system_id"
                + " JOIN organization o ON o.id = s.owner_organization_id WHERE sp.superseded_at IS NULL"
                + regimeFilter + orgFilter + " ORDER BY s.id");
        if (regimeName != null) {
            spec = spec.param("regime", regimeName);
        }
        if (organizationId != null) {
            spec = spec.param("org", organizationId);
        }
        return spec.query().listOfRows();
    }

    // ---- items

    /** Requirement ids currently required, whatever the caller (used by derivation, which has no person). */
    public List<String> requiredIds(long systemId) {
        return jdbc.sql("SELECT requirement_id FROM plan_item WHERE system_id = :s AND required = TRUE ORDER BY id")
                .param("s", systemId)
                .query(String.class)
                .list();
    }

    public void require(long systemId, String requirementId, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE plan_item SET required = TRUE, updated_at = :now WHERE system_id = :s AND requirement_id = :r")
                .param("s", systemId)
                .param("r", requirementId)
                .param("now", Timestamp.from(now))
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO plan_item (system_id, requirement_id, required, status, updated_at) VALUES (:s, :r, TRUE, 'NOT_STARTED', :now)")
                    .param("s", systemId)
                    .param("r", requirementId)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    public void release(long systemId, String requirementId, Instant now) {
        jdbc.sql(
                        "UPDATE plan_item SET required = FALSE, updated_at = :now WHERE system_id = :s AND requirement_id = :r")
                .param("s", systemId)
                .param("r", requirementId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The plan's items: the bodies appraising a dossier of the system read them too (ADR 0012). */
    public List<PlanItem> items(long systemId, boolean requiredOnly) {
        ScopeFilter f = systems.planVisible("p.system_id");
        return jdbc.sql("SELECT p.* FROM plan_item p WHERE p.system_id = :s AND " + f.sql()
                        + (requiredOnly ? " AND p.required = TRUE" : "") + " ORDER BY p.id")
                .params(f.params())
                .param("s", systemId)
                .query(PlanRepository::item)
                .list();
    }

    public Optional<PlanItem> item(long systemId, String requirementId) {
        ScopeFilter f = systems.visibleSystems("p.system_id");
        return jdbc.sql("SELECT p.* FROM plan_item p WHERE p.system_id = :s AND p.requirement_id = :r AND " + f.sql())
                .params(f.params())
                .param("s", systemId)
                .param("r", requirementId)
                .query(PlanRepository::item)
                .optional();
    }

    public void updateItem(long systemId, String requirementId, PlanItemUpdate u, Instant now) {
        jdbc.sql("""
                UPDATE plan_item SET status = :status, how_met = :how, owner_name = :owner, target_date = :target,
                    justification = :just, deployed_products = :products, updated_at = :now, version = version + 1
                WHERE system_id = :s AND requirement_id = :r""")
                .param("status", u.getStatus().name())
                .param("how", u.getHowMet())
                .param("owner", u.getOwner())
                .param("target", u.getTargetDate())
                .param("just", u.getJustification())
                .param("products", u.getDeployedProducts())
                .param("now", Timestamp.from(now))
                .param("s", systemId)
                .param("r", requirementId)
                .update();
    }

    /** Statuses of the required items of every visible system of the subtree of {@code orgPath} (owned or appraised there). */
    public Map<Long, Map<String, RequirementStatus>> statusesInSubtree(String orgPath) {
        ScopeFilter f = systems.visibleSystems("p.system_id");
        Map<Long, Map<String, RequirementStatus>> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.system_id, p.requirement_id, p.status FROM plan_item p
                WHERE p.required = TRUE AND """ + " " + systems.concernsSubtree("p.system_id") + " AND " + f.sql() + " ORDER BY p.system_id, p.id")
                .params(f.params())
                .param("subtreePath", orgPath)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), RequirementStatus.valueOf(rs.getString(3)));
                });
        return result;
    }

    // ---- evidence

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
            String url,
            String fileName,
            String contentType,
            byte[] content,
            LocalDate validUntil,
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
        return keys.getKey().longValue();
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

    // ---- remediation

    public long insertTask(
            long systemId,
            String requirementId,
            Long assessmentId,
            String title,
            String owner,
            LocalDate dueOn,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO remediation_task (system_id, requirement_id, assessment_id, title, owner_name, due_on, done, created_at)
                VALUES (:s, :r, :a, :title, :owner, :due, FALSE, :now)""")
                .param("s", systemId)
                .param("r", requirementId)
                .param("a", assessmentId)
                .param("title", title)
                .param("owner", owner)
                .param("due", dueOn)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<RemediationTask> tasks(long systemId) {
        ScopeFilter f = systems.visibleSystems("t.system_id");
        return jdbc.sql("SELECT t.* FROM remediation_task t WHERE t.system_id = :s AND " + f.sql()
                        + " ORDER BY t.done, t.due_on, t.id")
                .params(f.params())
                .param("s", systemId)
                .query((rs, n) -> new RemediationTask(
                        rs.getLong("id"),
                        rs.getLong("system_id"),
                        rs.getString("requirement_id"),
                        (Long) rs.getObject("assessment_id", Long.class),
                        rs.getString("title"),
                        rs.getString("owner_name"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getBoolean("done"),
                        TaskStatus.valueOf(rs.getString("status"))))
                .list();
    }

    public Optional<RemediationTask> task(long systemId, long taskId) {
        return tasks(systemId).stream().filter(t -> t.id() == taskId).findFirst();
    }

    public void updateTask(long systemId, long taskId, TaskUpdate u) {
        jdbc.sql("UPDATE remediation_task SET title = :title, owner_name = :owner, due_on = :due, status = :status,"
                        + " done = :done WHERE system_id = :s AND id = :id")
                .param("title", u.title().trim())
                .param("owner", u.owner())
                .param("due", u.dueOn())
                .param("status", u.status().name())
                .param("done", u.status() == TaskStatus.DONE)
                .param("s", systemId)
                .param("id", taskId)
                .update();
    }

    public void deleteTask(long systemId, long taskId) {
        jdbc.sql("DELETE FROM remediation_task WHERE system_id = :s AND id = :id")
                .param("s", systemId)
                .param("id", taskId)
                .update();
    }

    public void supersedeEvidence(long systemId, long evidenceId, String reason, Instant now) {
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

    public int completeTask(long systemId, long taskId) {
        return jdbc.sql("UPDATE remediation_task SET done = TRUE, status = 'DONE' WHERE system_id = :s AND id = :id")
                .param("s", systemId)
                .param("id", taskId)
                .update();
    }

    // ---- security regulation

    /** The security regulation, part of the plan the appraising bodies read (ADR 0012). */
    public Optional<SecurityRegulation> regulation(long systemId) {
        ScopeFilter f = systems.planVisible("r.system_id");
        return jdbc.sql("SELECT r.* FROM security_regulation r WHERE r.system_id = :s AND " + f.sql())
                .params(f.params())
                .param("s", systemId)
                .query((rs, n) -> new SecurityRegulation(
                        rs.getLong("system_id"),
                        rs.getString("title"),
                        rs.getString("decision_number"),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getString("issued_by")))
                .optional();
    }

    /** Whether a regulation exists, without a person (the approval event has none). */
    public boolean hasRegulation(long systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM security_regulation WHERE system_id = :s")
                        .param("s", systemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void saveRegulation(SecurityRegulation r, Instant now) {
        int updated = jdbc.sql("""
                UPDATE security_regulation SET title = :t, decision_number = :d, issued_on = :on, issued_by = :by,
                    updated_at = :now WHERE system_id = :s""")
                .param("t", r.title())
                .param("d", r.decisionNumber())
                .param("on", r.issuedOn())
                .param("by", r.issuedBy())
                .param("now", Timestamp.from(now))
                .param("s", r.systemId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO security_regulation (system_id, title, decision_number, issued_on, issued_by, updated_at)
                    VALUES (:s, :t, :d, :on, :by, :now)""")
                    .param("t", r.title())
                    .param("d", r.decisionNumber())
                    .param("on", r.issuedOn())
                    .param("by", r.issuedBy())
                    .param("now", Timestamp.from(now))
                    .param("s", r.systemId())
                    .update();
        }
    }

    // ---- mapping

    private static PlanRevision revision(ResultSet rs, int n) throws SQLException {
        Timestamp superseded = rs.getTimestamp("superseded_at");
        return new PlanRevision(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getInt("level"),
                rs.getString("regime"),
                rs.getString("catalogue_versions"),
                rs.getObject("approved_on", LocalDate.class),
                split(rs.getString("newly_required")),
                split(rs.getString("no_longer_required")),
                rs.getTimestamp("derived_at").toInstant(),
                superseded == null ? null : superseded.toInstant());
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
    }

    private static PlanItem item(ResultSet rs, int n) throws SQLException {
        return new PlanItem(
                rs.getLong("system_id"),
                rs.getString("requirement_id"),
                rs.getBoolean("required"),
                RequirementStatus.valueOf(rs.getString("status")),
                rs.getString("how_met"),
                rs.getString("owner_name"),
                rs.getObject("target_date", LocalDate.class),
                rs.getString("justification"),
                rs.getString("deployed_products"),
                rs.getTimestamp("updated_at").toInstant());
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
