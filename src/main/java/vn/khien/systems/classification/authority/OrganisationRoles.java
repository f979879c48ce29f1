package vn.khien.systems.classification.authority;

import java.util.Optional;

/**
 * Maps a role to the id of the organisation that plays it for one system; supplied by the database layer,
 * which knows the organisation tree and the system's owner and operator.
 */
@FunctionalInterface
public interface OrganisationRoles {

    Optional<String> organisationFor(AuthorityRole role);
}
