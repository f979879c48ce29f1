package vn.khien.systems.dossier;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.khien.platform.FieldProblemException;
import vn.khien.systems.classification.authority.AuthorityRole;

/**
 * A dossier needs an authority role no organisation has been designated for above the system's owner (422). The
 * message names the role and the page where organisation administrators designate it.
 */
class MissingDesignationException extends FieldProblemException {

    private final AuthorityRole role;
    private final long ownerOrganizationId;

    public MissingDesignationException(AuthorityRole role, long ownerOrganizationId, String ownerName) {
        super(
                "authority",
                "systems.dossier.unresolvedRole",
                new DefaultMessageSourceResolvable(new String[] {"authorityRole." + role.name()}, role.name()),
                ownerName,
                pagePath(ownerOrganizationId),
                role.name());
        this.role = role;
        this.ownerOrganizationId = ownerOrganizationId;
    }

    public static String pagePath(long organizationId) {
        return "/authority-designations?organizationId=" + organizationId;
    }

    public AuthorityRole role() {
        return role;
    }

    public long ownerOrganizationId() {
        return ownerOrganizationId;
    }

    public String pagePath() {
        return pagePath(ownerOrganizationId);
    }
}
