package vn.khien.systems;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * {@link #designated(long, String)} for many owners and roles in one query (a list of incidents, issue 15):
     * owner organisation → role → designated organisation; an owner or role without a designation is absent.
     */
    public Map<Long, Map<String, Long>> designated(Collection<Long> ownerOrganizationIds, Collection<String> roles) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (ownerOrganizationIds.isEmpty() || roles.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT ow.id, d.authority_role, d.organization_id
                FROM authority_designation d JOIN organization sc ON sc.id = d.scope_organization_id
                JOIN organization ow ON ow.path LIKE sc.path || '%'
                WHERE ow.id IN (:owners) AND d.authority_role IN (:roles)
                ORDER BY ow.id, d.authority_role, LENGTH(sc.path) DESC""")
                .param("owners", ownerOrganizationIds)
                .param("roles", roles)
                .query(rs -> {
                    // The nearest designation above the owner comes first for each owner and role.
                    out.computeIfAbsent(rs.getLong(1), o -> new HashMap<>())
                            .putIfAbsent(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /** {@link #ownerOf(long)} for many systems in one query: system → owner organisation; unknown systems absent. */
    public Map<Long, Long> ownersOf(Collection<Long> systemIds) {
        Map<Long, Long> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id, owner_organization_id FROM information_system WHERE id IN (:ids)")
                .param("ids", systemIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }
}
