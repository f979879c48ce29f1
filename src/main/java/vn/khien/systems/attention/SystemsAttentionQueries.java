package vn.khien.systems.attention;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.register.SystemRepository;

/**
 * The register's attention queries for the signed-in person: each one statement, scoped through
 * {@link SystemRepository#visibleSystems}, limited, no query per system.
 */
@Repository
public class SystemsAttentionQueries {

    static final int LIMIT = 20;

    private static final String DOSSIER = """
            SELECT d.id, s.code, s.name, d.step_due_on FROM level_dossier d
            JOIN information_system s ON s.id = d.system_id
            """;

    private final JdbcClient jdbc;
    private final SystemRepository systems;
    private final OrgScope scope;

    public SystemsAttentionQueries(JdbcClient jdbc, SystemRepository systems, OrgScope scope) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.scope = scope;
    }

    public record DossierRow(long id, String code, String name, LocalDate dueOn) { }

    public record SystemRow(long id, String code, String name) { }

    /**
     * Submitted dossiers this person may return or appraise: the rule of {@code DossierService} — a role with
     * EDIT_SECURITY_DATA or APPROVE on the appraiser's subtree, and not a dossier this person submitted.
     */
    public List<DossierRow> toAppraise() {
        ScopeFilter acts = scope.holdingAny("ap.path", "actor", Capability.EDIT_SECURITY_DATA, Capability.APPROVE);
        return waitingFor("SUBMITTED", "d.appraiser_org_id", acts);
    }

    /** Appraised dossiers this person may approve: APPROVE on the approver's subtree, not their own submission. */
    public List<DossierRow> toApprove() {
        ScopeFilter acts = scope.holdingAny("ap.path", "actor", Capability.APPROVE);
        // Nor a dossier this person appraised: appraisal and approval are two people's judgements.
        return waitingFor("APPRAISED", "d.approver_org_id", acts,
                " AND (d.appraised_by IS NULL OR d.appraised_by <> :me)");
    }

    /**
     * Dossiers returned for revision that this person can revise: the author, or anyone who may edit the owner's
     * security data (the rule of {@code SystemService.canEdit}).
     */
    public List<DossierRow> returned() {
        ScopeFilter edits = scope.holdingAny("own.path", "editor", Capability.EDIT_SECURITY_DATA);
        ScopeFilter visible = systems.visibleSystems("d.system_id");
        return jdbc.sql(DOSSIER + " JOIN organization own ON own.id = s.owner_organization_id"
                        + " WHERE d.status = 'RETURNED' AND (d.submitted_by = :me OR " + edits.sql() + ")"
                        + " AND " + visible.sql() + " ORDER BY d.updated_at DESC, d.id LIMIT " + LIMIT)
                .params(edits.params()).params(visible.params()).param("me", CurrentPerson.idOrNobody())
                .query(SystemsAttentionQueries::dossier).list();
    }

    private List<DossierRow> waitingFor(String status, String authorityColumn, ScopeFilter acts) {
        return waitingFor(status, authorityColumn, acts, "");
    }

    private List<DossierRow> waitingFor(String status, String authorityColumn, ScopeFilter acts, String extra) {
        ScopeFilter visible = systems.visibleSystems("d.system_id");
        return jdbc.sql(DOSSIER + " JOIN organization ap ON ap.id = " + authorityColumn
                        + " WHERE d.status = :status AND (d.submitted_by IS NULL OR d.submitted_by <> :me)" + extra
                        + " AND " + acts.sql() + " AND " + visible.sql()
                        + " ORDER BY d.step_due_on, d.id LIMIT " + LIMIT)
                .params(acts.params()).params(visible.params()).param("status", status)
                .param("me", CurrentPerson.idOrNobody()).query(SystemsAttentionQueries::dossier).list();
    }

    /** Open dossiers past the legal limit of their current step (or of the validity check that runs beside it). */
    public List<DossierRow> late(LocalDate today) {
        ScopeFilter visible = systems.visibleSystems("d.system_id");
        return jdbc.sql(DOSSIER + " WHERE d.status IN ('SUBMITTED', 'APPRAISED')"
                        + " AND (d.step_due_on < :today OR d.validity_due_on < :today) AND " + visible.sql()
                        + " ORDER BY d.step_due_on, d.id LIMIT " + LIMIT)
                .params(visible.params()).param("today", today).query(SystemsAttentionQueries::dossier).list();
    }

    /** How many visible systems are operating without a level in force. */
    public long operatingWithoutLevel() {
        ScopeFilter visible = systems.visibleSystems("s.id");
        return jdbc.sql("SELECT COUNT(*) FROM information_system s WHERE s.lifecycle_status = 'OPERATING'"
                        + " AND s.approved_level IS NULL AND " + visible.sql())
                .params(visible.params()).query(Long.class).single();
    }

    /** Visible systems whose level must be determined again after a material change. */
    public List<SystemRow> redetermination() {
        ScopeFilter visible = systems.visibleSystems("s.id");
        return jdbc.sql("SELECT s.id, s.code, s.name FROM information_system s WHERE s.redetermination_required = TRUE"
                        + " AND s.lifecycle_status <> 'RETIRED' AND " + visible.sql() + " ORDER BY s.code LIMIT " + LIMIT)
                .params(visible.params())
                .query((rs, n) -> new SystemRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static DossierRow dossier(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DossierRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
    }
}
