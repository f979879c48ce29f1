package vn.khien.reports.periodic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;

/**
 * Who may take a sign-off step on a report, read from {@link ReportAction}: {@link #denial} is the service's check
 * before each step and {@link #allowed} the page's buttons, so the page, the API and the service follow one rule
 * (ADR 0066). Who may draft (open a report, or revise a returned one) is decided here too.
 */
@Component
class ReportActors {

    private final ReportRepository reports;
    private final OrgScope scope;
    private final ReportKinds kinds;

    ReportActors(ReportRepository reports, OrgScope scope, ReportKinds kinds) {
        this.reports = reports;
        this.scope = scope;
        this.kinds = kinds;
    }

    /**
     * Why the signed-in person may not take this step on the report now: a role problem (403) first, then the status
     * or what the step itself excludes (422 naming {@code action}). Empty when the step is allowed.
     */
    Optional<RuntimeException> denial(PeriodicReport r, ReportAction action) {
        if (!action.postable()) {
            return Optional.of(new FieldProblemException("action", "reports.error.action"));
        }
        if (!actsFor(r, action)) {
            return Optional.of(new ForbiddenActionException(action.refusal()));
        }
        if (!action.allowedFrom(r.status())) {
            return Optional.of(new FieldProblemException(
                    "action", "reports.error.status", r.status().label()));
        }
        if (action.notByChecker() && r.checkedBy() != null && r.checkedBy() == CurrentPerson.idOrNobody()) {
            return Optional.of(new FieldProblemException("action", "reports.error.sameChecker"));
        }
        if (action.upward() && r.parentOrganizationId() == null) {
            return Optional.of(new FieldProblemException("action", "reports.error.noParent"));
        }
        if (action == ReportAction.REVISE) {
            PeriodicReport latest =
                    reports.latest(r.organizationId(), r.kind(), r.period()).orElse(r);
            if (latest.id() != r.id()) {
                return Optional.of(
                        new FieldProblemException("action", "reports.error.notLatest", String.valueOf(latest.id())));
            }
        }
        return Optional.empty();
    }

    /** The steps the signed-in person may take on the report now: those {@link #denial} would not refuse. */
    List<ReportAction> allowed(PeriodicReport r) {
        List<ReportAction> out = new ArrayList<>();
        for (ReportAction a : ReportAction.values()) {
            if (a.postable() && a.allowedFrom(r.status()) && denial(r, a).isEmpty()) {
                out.add(a);
            }
        }
        return out;
    }

    private boolean actsFor(PeriodicReport r, ReportAction action) {
        long me = CurrentPerson.idOrNobody();
        return switch (action.actors()) {
            case REPORTING -> reports.holdsRoleOn(me, r.organizationId(), action.roles(), false);
            case REPORTING_OR_SECURITY_UNIT -> reports.holdsRoleOn(me, r.organizationId(), action.roles(), true);
            case PARENT -> {
                Long parent = r.parentOrganizationId();
                yield parent != null && reports.holdsRoleOn(me, parent, action.roles(), false);
            }
            case DRAFTERS -> mayDraft(r.organizationId(), r.kind());
        };
    }

    /**
     * Whether the caller may open (draft) a report of the organisation: an officer (a role editing security data)
     * granted on the organisation itself or on its designated security unit ({@link ReportAction#CREATE}); a body above
     * does not draft its units' reports, it accepts or returns them.
     */
    boolean mayDraft(long organizationId) {
        return reports.holdsRoleOn(CurrentPerson.idOrNobody(), organizationId, ReportAction.CREATE.roles(), true);
    }

    /**
     * Whether the caller may open (draft) a report of this kind for the organisation: its own officers, or for a kind
     * with a designated drafter, a person of the designated unit (ADR 0044).
     */
    boolean mayDraft(long organizationId, ReportKind kind) {
        return mayDraft(organizationId) || designatedDrafter(organizationId, kind);
    }

    /** {@link #mayDraft(long, ReportKind)} by the kind's id; false for an unknown kind. */
    boolean mayDraft(long organizationId, String kindId) {
        return kinds.find(kindId).map(k -> mayDraft(organizationId, k)).orElse(false);
    }

    /** Whether the caller drafts the organisation's reports of this kind as a person of its designated unit. */
    boolean designatedDrafter(long organizationId, ReportKind kind) {
        if (kind.designatedDrafter() == null) {
            return false;
        }
        ScopeFilter f = designated(List.of(kind), null);
        return reports.countOrganizations(organizationId, f) > 0;
    }

    /**
     * Rows of organisation {@code o} whose designated security unit (OWNER_SECURITY_UNIT scoped to {@code o}) the caller
     * holds a role on that drafts there ({@link ReportAction#CREATE}): the security unit prepares and checks the
     * organisation's report, so it sees it, even when it lies below the organisation or elsewhere in the tree.
     */
    ScopeFilter securityUnitOf() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("suPerson", CurrentPerson.idOrNobody());
        params.put(
                "suRoles",
                ReportAction.CREATE.roles().stream().map(Enum::name).sorted().toList());
        return new ScopeFilter(
                "EXISTS (SELECT 1 FROM authority_designation dsu JOIN role_grant gsu"
                        + " ON gsu.organization_id = dsu.organization_id WHERE dsu.scope_organization_id = o.id"
                        + " AND dsu.authority_role = 'OWNER_SECURITY_UNIT' AND gsu.user_id = :suPerson"
                        + " AND gsu.role IN (:suRoles))",
                params);
    }

    /**
     * Rows of organisation {@code o} (and, with {@code kindExpr}, of those kinds only) that the caller reaches as a
     * person holding the kind's capability in the unit designated for {@code o} in the kind's authority role, that
     * unit lying within {@code o}'s subtree. Matches nothing when no kind has a designated drafter.
     */
    ScopeFilter designated(List<ReportKind> of, String kindExpr) {
        StringBuilder sql = new StringBuilder("(1 = 0");
        Map<String, Object> params = new LinkedHashMap<>();
        char n = 'A';
        for (ReportKind k : of) {
            ReportKind.DesignatedDrafter d = k.designatedDrafter();
            if (d == null) {
                continue;
            }
            String name = "designee" + n++;
            ScopeFilter unit = scope.holdingAny("du" + name + ".path", name, Capability.valueOf(d.capability()));
            sql.append(" OR (");
            if (kindExpr != null) {
                sql.append(kindExpr).append(" = :").append(name).append("Kind AND ");
                params.put(name + "Kind", k.id());
            }
            sql.append("EXISTS (SELECT 1 FROM authority_designation dd")
                    .append(name)
                    .append(" JOIN organization du")
                    .append(name)
                    .append(" ON du")
                    .append(name)
                    .append(".id = dd")
                    .append(name)
                    .append(".organization_id WHERE dd")
                    .append(name)
                    .append(".scope_organization_id = o.id AND dd")
                    .append(name)
                    .append(".authority_role = :")
                    .append(name)
                    .append("Role AND du")
                    .append(name)
                    .append(".path LIKE o.path || '%' AND ")
                    .append(unit.sql())
                    .append("))");
            params.put(name + "Role", d.authorityRole());
            params.putAll(unit.params());
        }
        return new ScopeFilter(sql.append(")").toString(), params);
    }
}
