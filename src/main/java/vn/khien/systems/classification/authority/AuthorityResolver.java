package vn.khien.systems.classification.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns the role-based authority data into organisation ids for one dossier. */
public final class AuthorityResolver {

    private final AuthorityRuleCatalog catalog;

    public AuthorityResolver(AuthorityRuleCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @throws IllegalArgumentException if the rule data has no row for the regime and level
     * @throws UnresolvedRoleException  if {@code roles} cannot name an organisation for a required role
     */
    public AuthorityAssignment resolve(
            String regimeId, int proposedLevel, AuthorityContext context, OrganisationRoles roles) {
        int procedureLevel = proposedLevel;
        if (context.onNationalSecurityCriticalList()) {
            procedureLevel = catalog.escalationFor(regimeId, proposedLevel)
                    .map(ProcedureEscalation::followLevel)
                    .orElse(proposedLevel);
        }
        AuthorityRule rule = ruleFor(regimeId, procedureLevel);
        AuthorityRole appraiserRole = rule.appraiser();
        if (context.securityUnitOperatesSystem() && rule.appraiserWhenSecurityUnitOperates() != null) {
            appraiserRole = rule.appraiserWhenSecurityUnitOperates();
        }
        Lookup lookup = new Lookup(roles, regimeId, proposedLevel);
        List<AuthorityAssignment.ResolvedApproval> additional = new ArrayList<>();
        for (AdditionalApproval approval : rule.additionalApprovals()) {
            additional.add(new AuthorityAssignment.ResolvedApproval(approval, lookup.required(approval.role())));
        }
        return new AuthorityAssignment(
                proposedLevel,
                procedureLevel,
                lookup.required(rule.dossierPreparedBy()),
                lookup.optional(rule.expertOpinionBy()),
                lookup.required(rule.submittedForAppraisalBy()),
                lookup.required(appraiserRole),
                appraiserRole,
                lookup.required(rule.approver()),
                lookup.optional(rule.reportAfterApprovalTo()),
                additional,
                rule);
    }

    /** The data row for a regime and level, for callers that only need roles (e.g. to explain the workflow). */
    public AuthorityRule ruleFor(String regimeId, int level) {
        return catalog.ruleFor(regimeId, level)
                .orElseThrow(
                        () -> new IllegalArgumentException("no authority rule for " + regimeId + " level " + level));
    }

    private static final class Lookup {
        private final OrganisationRoles roles;
        private final String regimeId;
        private final int level;

        Lookup(OrganisationRoles roles, String regimeId, int level) {
            this.roles = roles;
            this.regimeId = regimeId;
            this.level = level;
        }

        String required(AuthorityRole role) {
            return roles.organisationFor(role).orElseThrow(() -> new UnresolvedRoleException(role, regimeId, level));
        }

        Optional<String> optional(@Nullable AuthorityRole role) {
            return role == null ? Optional.empty() : Optional.of(required(role));
        }
    }
}
