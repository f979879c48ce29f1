package vn.khien.systems;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For other modules (warnings, issue 11): the organisations designated ({@code authority_designation}) for any of
 * some authority roles, whatever the subtree of the designation. Roles are names of {@code AuthorityRole}. Unscoped:
 * callers intersect with what the caller may see or do.
 */
@Component
public class DesignatedOrganizationsQuery {

    private final JdbcClient jdbc;

    public DesignatedOrganizationsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of the organisations designated for one of these roles (empty for no roles). */
    public List<Long> designatedFor(Collection<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT organization_id FROM authority_designation WHERE authority_role IN (:roles)")
                .param("roles", List.copyOf(roles))
                .query(Long.class)
                .list();
    }
}
