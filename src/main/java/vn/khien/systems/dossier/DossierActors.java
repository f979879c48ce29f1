package vn.khien.systems.dossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemService;

/**
 * Who may take a step on a dossier, read from {@link DossierAction}: once for one dossier ({@link #denial}, the
 * service's check and the page's buttons) and once in SQL for many ({@link #mayTake}, the home page's lists). Both read
 * the same rule, so the list never offers a dossier the check would refuse.
 */
@Component
public class DossierActors {

    private final OrgScope scope;
    private final SystemService systems;

    public DossierActors(OrgScope scope, SystemService systems) {
        this.scope = scope;
        this.systems = systems;
    }

    /**
     * Why the signed-in person may not take this step now: a status problem (422) first, then a role problem (403).
     * Empty when the step is allowed.
     */
    public Optional<RuntimeException> denial(Dossier d, DossierAction action) {
        if (!action.allowedFrom(d.status())) {
            return Optional.of(new FieldProblemException("status", "systems.dossier.wrongStatus", d.status()));
        }
        if (!actsFor(d, action)) {
            return Optional.of(new ForbiddenActionException(action.actors().refusal()));
        }
        long me = CurrentPerson.idOrNobody();
        // Appraisal and approval are two people's judgements, as submission and approval are (issue 9).
        if (action.notByAppraiser() && d.appraisedBy() != null && d.appraisedBy() == me) {
            return Optional.of(new ForbiddenActionException("systems.dossier.ownAppraisal"));
        }
        if (action.notBySubmitter() && d.submittedBy() != null && d.submittedBy() == me) {
            return Optional.of(new ForbiddenActionException("systems.dossier.ownSubmission"));
        }
        return Optional.empty();
    }

    private boolean actsFor(Dossier d, DossierAction action) {
        List<Long> orgs = switch (action.actors()) {
            case OWNER -> {
                InformationSystem s = systems.record(d.systemId());
                yield List.of(s.ownerOrganizationId(), s.operatorOrganizationId());
            }
            case APPRAISER -> List.of(d.appraiserOrgId());
            case APPROVER -> List.of(d.approverOrgId());
        };
        for (long org : orgs) {
            for (Capability c : action.capabilities()) {
                if (scope.can(org, c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The same rule as {@link #denial} as an SQL predicate over {@code level_dossier d} joined to
     * {@code information_system s}: dossiers in a status the step is taken from, for whose acting organisation the
     * signed-in person holds one of the step's capabilities, and that the person is not excluded from.
     */
    public ScopeFilter mayTake(DossierAction action) {
        String statuses =
                action.from().stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));
        List<String> orgColumns = switch (action.actors()) {
            case OWNER -> List.of("s.owner_organization_id", "s.operator_organization_id");
            case APPRAISER -> List.of("d.appraiser_org_id");
            case APPROVER -> List.of("d.approver_org_id");
        };
        ScopeFilter holds =
                scope.holdingAny("actorOrg.path", "actor", action.capabilities().toArray(Capability[]::new));
        // one look-up by key per acting column: "id IN (a, b)" made PostgreSQL compare every dossier with every
        // organisation the person holds (20 M comparisons for the national leader, issue 15)
        String acting = orgColumns.stream()
                .map(c -> "EXISTS (SELECT 1 FROM organization actorOrg WHERE actorOrg.id = " + c + " AND " + holds.sql()
                        + ")")
                .collect(Collectors.joining(" OR "));
        StringBuilder sql = new StringBuilder("d.status IN (" + statuses + ")");
        sql.append(" AND (").append(acting).append(')');
        if (action.notBySubmitter()) {
            sql.append(" AND (d.submitted_by IS NULL OR d.submitted_by <> :actorMe)");
        }
        if (action.notByAppraiser()) {
            sql.append(" AND (d.appraised_by IS NULL OR d.appraised_by <> :actorMe)");
        }
        Map<String, Object> params = new LinkedHashMap<>(holds.params());
        params.put("actorMe", CurrentPerson.idOrNobody());
        return new ScopeFilter(sql.toString(), params);
    }
}
