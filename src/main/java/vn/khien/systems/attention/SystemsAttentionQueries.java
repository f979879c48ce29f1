package vn.khien.systems.attention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.ScopeFilter;
import vn.khien.access.WholeTree;
import vn.khien.systems.dossier.DossierAction;
import vn.khien.systems.dossier.DossierActors;
import vn.khien.systems.dossier.DossierRepository;
import vn.khien.systems.register.SystemRepository;

/**
 * The register's attention queries for the signed-in person: each one statement, scoped through
 * {@link SystemRepository#visibleSystems} (dossiers through {@link DossierRepository#visibleDossiers}), limited, no query per system.
 */
@Repository
class SystemsAttentionQueries {

    static final int LIMIT = 20;

    private static final String DOSSIER = """
            SELECT d.id, s.code, s.name, d.step_due_on FROM level_dossier d
            JOIN information_system s ON s.id = d.system_id
            """;

    private final JdbcClient jdbc;
    private final SystemRepository systems;
    private final DossierActors actors;
    private final DossierRepository dossiers;
    private final WholeTree wholeTree;

    public SystemsAttentionQueries(
            JdbcClient jdbc,
            SystemRepository systems,
            DossierActors actors,
            DossierRepository dossiers,
            WholeTree wholeTree) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.actors = actors;
        this.dossiers = dossiers;
        this.wholeTree = wholeTree;
    }

    /** The register's visibility, left out for a person who sees the whole tree (ADR 0063). */
    private ScopeFilter visible(String systemIdExpr) {
        return wholeTree.or(Capability.READ, () -> systems.visibleSystems(systemIdExpr));
    }

    public record DossierRow(long id, String code, String name, LocalDate dueOn) {}

    public record SystemRow(long id, String code, String name) {}

    /** Submitted dossiers this person may appraise: the rule of {@link DossierAction#APPRAISE}. */
    public List<DossierRow> toAppraise() {
        return mayTake(DossierAction.APPRAISE, "", "d.step_due_on, d.id");
    }

    /** Appraised dossiers this person may approve: the rule of {@link DossierAction#APPROVE}. */
    public List<DossierRow> toApprove() {
        return mayTake(DossierAction.APPROVE, "", "d.step_due_on, d.id");
    }

    /** Dossiers returned for revision that this person may resubmit: the rule of {@link DossierAction#SUBMIT}. */
    public List<DossierRow> returned() {
        return mayTake(DossierAction.SUBMIT, " AND d.status = 'RETURNED'", "d.updated_at DESC, d.id");
    }

    /** The dossiers the person may take this step on, by {@link DossierActors#mayTake}: the service's own rule. */
    private List<DossierRow> mayTake(DossierAction action, String extra, String order) {
        ScopeFilter acts = actors.mayTake(action);
        ScopeFilter visible = wholeTree.or(Capability.READ, dossiers::visibleDossiers);
        return jdbc.sql(DOSSIER + " WHERE " + acts.sql() + extra + " AND " + visible.sql() + " ORDER BY " + order
                        + " LIMIT " + LIMIT)
                .params(acts.params())
                .params(visible.params())
                .query(SystemsAttentionQueries::dossier)
                .list();
    }

    /** Open dossiers past the legal limit of their current step (or of the validity check that runs beside it). */
    public List<DossierRow> late(LocalDate today) {
        ScopeFilter visible = wholeTree.or(Capability.READ, dossiers::visibleDossiers);
        return jdbc.sql(DOSSIER + " WHERE d.status IN ('SUBMITTED', 'APPRAISED')"
                        + " AND (d.step_due_on < :today OR d.validity_due_on < :today) AND " + visible.sql()
                        + " ORDER BY d.step_due_on, d.id LIMIT " + LIMIT)
                .params(visible.params())
                .param("today", today)
                .query(SystemsAttentionQueries::dossier)
                .list();
    }

    /** How many visible systems are operating without a level in force. */
    public long operatingWithoutLevel() {
        ScopeFilter visible = visible("s.id");
        return jdbc.sql("SELECT COUNT(*) FROM information_system s WHERE s.lifecycle_status = 'OPERATING'"
                        + " AND s.approved_level IS NULL AND " + visible.sql())
                .params(visible.params())
                .query(Long.class)
                .single();
    }

    /** Visible systems whose level must be determined again after a material change. */
    public List<SystemRow> redetermination() {
        ScopeFilter visible = visible("s.id");
        return jdbc.sql("SELECT s.id, s.code, s.name FROM information_system s WHERE s.redetermination_required = TRUE"
                        + " AND s.lifecycle_status <> 'RETIRED' AND " + visible.sql() + " ORDER BY s.code LIMIT "
                        + LIMIT)
                .params(visible.params())
                .query((rs, n) -> new SystemRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static DossierRow dossier(ResultSet rs, int n) throws SQLException {
        return new DossierRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
    }
}
