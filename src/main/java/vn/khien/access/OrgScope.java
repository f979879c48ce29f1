package vn.khien.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where organisation-tree authorisation is decided. Every query over data that
 * belongs to an organisation ANDs in {@link #visible} or {@link #holding}; the predicate is an
 * EXISTS over the caller's role grants, so a missing or anonymous caller matches nothing.
 */
@Component
public class OrgScope {

    private final JdbcClient jdbc;

    public OrgScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows whose organisation path (SQL expression {@code pathExpr}) lies in a subtree the caller holds any role on. */
    public ScopeFilter visible(String pathExpr) {
        return holding(pathExpr, Capability.READ);
    }

    /** Rows whose organisation lies in a subtree where the caller holds a role with this capability. */
    public ScopeFilter holding(String pathExpr, Capability capability) {
        return filter(pathExpr, Role.holding(capability));
    }

    /**
     * Rows whose organisation lies in a subtree where the caller holds a role with any of these capabilities. The
     * {@code name} keeps its parameters apart from a {@link #visible} filter ANDed into the same query (e.g. "may act
     * as the appraiser" and "may see the system").
     */
    public ScopeFilter holdingAny(String pathExpr, String name, Capability... capabilities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Capability c : capabilities) {
            roles.addAll(Role.holding(c));
        }
        return filter(pathExpr, roles, name);
    }

    private ScopeFilter filter(String pathExpr, Set<Role> roles) {
        return filter(pathExpr, roles, "scope");
    }

    private ScopeFilter filter(String pathExpr, Set<Role> roles, String name) {
        if (!name.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("parameter name " + name);
        }
        String alias = name.equals("scope") ? "" : name;
        String sql = "EXISTS (SELECT 1 FROM role_grant sg" + alias + " JOIN organization so" + alias + " ON so" + alias
                + ".id = sg" + alias + ".organization_id WHERE sg" + alias + ".user_id = :" + name + "Person AND sg"
                + alias + ".role IN (:" + name + "Roles) AND " + pathExpr + " LIKE so" + alias + ".path || '%')";
        return new ScopeFilter(sql, Map.of(name + "Person", CurrentPerson.idOrNobody(), name + "Roles", names(roles)));
    }

    public boolean canSee(long organizationId) {
        return can(organizationId, Capability.READ);
    }

    /** Whether the caller holds {@code capability} on this organisation; false for an unknown id. */
    public boolean can(long organizationId, Capability capability) {
        ScopeFilter f = holding("o.path", capability);
        return jdbc.sql("SELECT COUNT(*) FROM organization o WHERE o.id = :orgId AND " + f.sql())
                        .params(f.params())
                        .param("orgId", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Roles the caller holds on this organisation or any ancestor of it. */
    public Set<Role> rolesOn(long organizationId) {
        List<String> names = jdbc.sql("""
                SELECT DISTINCT sg.role FROM role_grant sg JOIN organization so ON so.id = sg.organization_id
                JOIN organization o ON o.path LIKE so.path || '%'
                WHERE sg.user_id = :person AND o.id = :orgId""")
                .param("person", CurrentPerson.idOrNobody())
                .param("orgId", organizationId)
                .query(String.class)
                .list();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    /**
     * Whether the caller reaches this organisation through an administrator role granted on another
     * organisation above it: such reads of another organisation's data are recorded in the audit trail.
     */
    public boolean administersFromAbove(long organizationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM role_grant sg JOIN organization so ON so.id = sg.organization_id
                JOIN organization o ON o.path LIKE so.path || '%'
                WHERE sg.user_id = :person AND sg.role IN ('PLATFORM_ADMIN', 'ORG_ADMIN')
                  AND o.id = :orgId AND so.id <> o.id""")
                        .param("person", CurrentPerson.idOrNobody())
                        .param("orgId", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean isPlatformAdmin() {
        return jdbc.sql("SELECT COUNT(*) FROM role_grant WHERE user_id = :person AND role = 'PLATFORM_ADMIN'")
                        .param("person", CurrentPerson.idOrNobody())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static List<String> names(Collection<Role> roles) {
        return roles.stream().map(Enum::name).toList();
    }
}
