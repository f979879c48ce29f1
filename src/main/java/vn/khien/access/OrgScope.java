package vn.khien.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place where organisation-tree authorisation is decided. Every query over data that
 * belongs to an organisation ANDs in {@link #visible} or {@link #holding}; the predicate names the subtrees of the
 * caller's role grants (read when it is made) as constant path prefixes, so a missing or anonymous caller matches
 * nothing (ADR 0060).
 */
@Component
public class OrgScope {

    private static final String MEMO = OrgScope.class.getName() + ".grantedPaths";

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
        return new ScopeFilter(subtrees(pathExpr, grantedPaths(CurrentPerson.idOrNobody(), roles)), Map.of());
    }

    /**
     * The paths of the organisations on which the person holds one of these roles, read when the filter is made (the
     * person is fixed then too).
     */
    private List<String> grantedPaths(long person, Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> memo = readOnlyRequestMemo();
        if (memo == null) {
            return readGrantedPaths(person, roles);
        }
        return memo.computeIfAbsent(person + ":" + roles, k -> readGrantedPaths(person, roles));
    }

    private List<String> readGrantedPaths(long person, Set<Role> roles) {
        return jdbc.sql("""
                SELECT DISTINCT so.path FROM role_grant sg JOIN organization so ON so.id = sg.organization_id
                WHERE sg.user_id = :person AND sg.role IN (:roles) AND so.path IS NOT NULL""")
                .param("person", person)
                .param("roles", names(roles))
                .query(String.class)
                .list();
    }

    /**
     * The caller's grants read once per GET (or HEAD) request: such a request changes no grant and moves no
     * organisation, and a page ANDs a scope into a dozen queries. Other requests, jobs and tests outside a request
     * read them for every filter.
     */
    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, List<String>> readOnlyRequestMemo() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return null;
        }
        String method = request.getRequest().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        Object memo = request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<String, List<String>>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, List<String>>) memo;
    }

    /**
     * The predicate "{@code pathExpr} lies in one of these subtrees" with each subtree's path written into the SQL as
     * a constant prefix ({@code pathExpr LIKE '/1/1259/%'}), so that the planner estimates how many rows it keeps (the
     * whole country for the national body, a thirtieth of it for a province) instead of guessing a few hundred from a
     * join it cannot see through (ADR 0060). Same rows as {@code pathExpr LIKE so.path || '%'} over the grants: a
     * subtree inside another one granted is left out, no grant matches nothing.
     */
    static String subtrees(String pathExpr, Collection<String> paths) {
        List<String> kept = new ArrayList<>();
        paths.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length))
                .forEach(p -> {
                    boolean inside = kept.stream().anyMatch(k -> !hasWildcard(k) && p.startsWith(k));
                    if (!inside) {
                        kept.add(p);
                    }
                });
        if (kept.isEmpty()) {
            return "(1 = 0)"; // parenthesised like the other forms: callers append the next clause without a space
        }
        Collections.sort(kept);
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        kept.forEach(p -> any.add(pathExpr + " LIKE '" + p.replace("'", "''") + "%'"));
        return any.toString();
    }

    /** A path that LIKE would read as a pattern is never taken to contain another subtree (it is kept as written). */
    private static boolean hasWildcard(String path) {
        return path.indexOf('%') >= 0 || path.indexOf('_') >= 0 || path.indexOf('\\') >= 0;
    }

    public boolean canSee(long organizationId) {
        return can(organizationId, Capability.READ);
    }

    /** Whether the caller holds {@code capability} on this organisation; false for an unknown id. */
    public boolean can(long organizationId, Capability capability) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM organization o WHERE o.id = :orgId AND EXISTS (SELECT 1 FROM role_grant sg
                            JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = :person
                            AND sg.role IN (:roles) AND o.path LIKE so.path || '%')""")
                        .param("person", CurrentPerson.idOrNobody())
                        .param("roles", names(Role.holding(capability)))
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
