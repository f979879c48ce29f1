package vn.khien.compliance.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.systems.VisibleSystems;

/**
 * Plain SQL over plans, their items and security regulations. Reads for people AND in the register's
 * visibility predicate on the system, so a row of a system outside the caller's scope is never returned.
 */
@Repository
public class PlanRepository {

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
            @Nullable LocalDate approvedOn,
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
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    /**
     * Systems with a derived plan that a new catalogue version affects: every system of the regime for a base
     * catalogue, the systems owned in the organisation's subtree for an internal-policy layer. Read without a person:
     * the importer's right to change the catalogue is what authorises the re-derivation.
     */
    public List<Map<String, Object>> plannedSystems(@Nullable String regimeName, @Nullable Long organizationId) {
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
                .param("status", Objects.requireNonNull(u.getStatus(), "status").name())
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

    private static List<String> split(@Nullable String ids) {
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
}
