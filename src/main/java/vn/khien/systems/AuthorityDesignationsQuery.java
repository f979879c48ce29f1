package vn.khien.systems;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For other modules (incidents, issue 12): who plays a designated authority role for an organisation's systems, with
 * the same rule as the level dossiers (the nearest {@code authority_designation} above the owner wins), and a
 * system's owner. Roles are the names of {@code AuthorityRole} ("INCIDENT_RESPONSE_UNIT",
 * "NATIONAL_INCIDENT_COORDINATOR", "OWNER_SECURITY_UNIT", ...). Unscoped: callers check visibility themselves.
 */
@Component
public class AuthorityDesignationsQuery {

    private final JdbcClient jdbc;

    public AuthorityDesignationsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation designated for a role over systems owned by {@code ownerOrganizationId}, if any. */
    public Optional<Long> designated(long ownerOrganizationId, String role) {
        return jdbc.sql("""
                SELECT d.organization_id FROM authority_designation d JOIN organization sc ON sc.id = d.scope_organization_id
                JOIN organization ow ON ow.id = :owner
                WHERE d.authority_role = :role AND ow.path LIKE sc.path || '%'
                ORDER BY LENGTH(sc.path) DESC LIMIT 1""")
                .param("owner", ownerOrganizationId)
                .param("role", role)
                .query(Long.class)
                .optional();
    }

    /** The owner organisation of a system, if the system exists. */
    public Optional<Long> ownerOf(long systemId) {
        return jdbc.sql("SELECT owner_organization_id FROM information_system WHERE id = :id")
                .param("id", systemId)
                .query(Long.class)
                .optional();
    }
}
