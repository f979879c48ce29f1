package vn.khien.systems.attention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.dossier.DossierAction;
import vn.khien.systems.dossier.DossierActors;
import vn.khien.systems.dossier.DossierRepository;
import vn.khien.systems.register.SystemRepository;

/**
 * The register's attention queries for the signed-in person: each one statement, limited, no query per system, scoped
 * as {@link SystemRepository#visibleSystems} (dossiers as {@link DossierRepository#visibleDossiers}) but with the
 * person's subtrees written into the statement ({@link SubtreeBounds}), so that PostgreSQL plans for their real size
 * (issue 15: a national leader's "visible" systems estimated at ~400 of 100,000).
 */
@Repository
class SystemsAttentionQueries {

    static final int LIMIT = 20;

    private static final String DOSSIER = """
            SELECT d.id, s.code, s.name, d.step_due_on FROM level_dossier d
            JOIN information_system s ON s.id = d.system_id
            """;

    private final JdbcClient jdbc;
    private final DossierActors actors;
    private final SubtreeBounds bounds;

    public SystemsAttentionQueries(JdbcClient jdbc, DossierActors actors, SubtreeBounds bounds) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.bounds = bounds;
    }

    /** The person's reading subtrees, read once for all the queries of one page. */
    public SubtreeBounds.Scope scope() {
        return bounds.forCaller();
    }

    public record DossierRow(long id, String code, String name, LocalDate dueOn) {}

    public record SystemRow(long id, String code, String name) {}

    /** Submitted dossiers this person may appraise: the rule of {@link DossierAction#APPRAISE}. */
    public List<DossierRow> toAppraise(SubtreeBounds.Scope scope) {
        return mayTake(scope, DossierAction.APPRAISE, "", "d.step_due_on, d.id");
    }

    /** Appraised dossiers this person may approve: the rule of {@link DossierAction#APPROVE}. */
    public List<DossierRow> toApprove(SubtreeBounds.Scope scope) {
        return mayTake(scope, DossierAction.APPROVE, "", "d.step_due_on, d.id");
    }

    /** Dossiers returned for revision that this person may resubmit: the rule of {@link DossierAction#SUBMIT}. */
    public List<DossierRow> returned(SubtreeBounds.Scope scope) {
        return mayTake(scope, DossierAction.SUBMIT, " AND d.status = 'RETURNED'", "d.updated_at DESC, d.id");
    }

    /** The dossiers the person may take this step on, by {@link DossierActors#mayTake}: the service's own rule. */
    private List<DossierRow> mayTake(SubtreeBounds.Scope scope, DossierAction action, String extra, String order) {
        ScopeFilter acts = actors.mayTake(action);
        return jdbc.sql(DOSSIER + " WHERE " + acts.sql() + extra + " AND " + scope.dossierVisible("d") + " ORDER BY "
                        + order + " LIMIT " + LIMIT)
                .params(acts.params())
                .query(SystemsAttentionQueries::dossier)
                .list();
    }

    /** Open dossiers past the legal limit of their current step (or of the validity check that runs beside it). */
    public List<DossierRow> late(SubtreeBounds.Scope scope, LocalDate today) {
        return jdbc.sql(DOSSIER + " WHERE d.status IN ('SUBMITTED', 'APPRAISED')"
                        + " AND (d.step_due_on < :today OR d.validity_due_on < :today) AND "
                        + scope.dossierVisible("d") + " ORDER BY d.step_due_on, d.id LIMIT " + LIMIT)
                .param("today", today)
                .query(SystemsAttentionQueries::dossier)
                .list();
    }

    /** How many visible systems are operating without a level in force. */
    public long operatingWithoutLevel(SubtreeBounds.Scope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM information_system s WHERE s.lifecycle_status = 'OPERATING'"
                        + " AND s.approved_level IS NULL AND " + scope.systemVisible("s.id"))
                .query(Long.class)
                .single();
    }

    /** Visible systems whose level must be determined again after a material change. */
    public List<SystemRow> redetermination(SubtreeBounds.Scope scope) {
        return jdbc.sql("SELECT s.id, s.code, s.name FROM information_system s WHERE s.redetermination_required = TRUE"
                        + " AND s.lifecycle_status <> 'RETIRED' AND " + scope.systemVisible("s.id")
                        + " ORDER BY s.code LIMIT " + LIMIT)
                .query((rs, n) -> new SystemRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static DossierRow dossier(ResultSet rs, int n) throws SQLException {
        return new DossierRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
    }
}
