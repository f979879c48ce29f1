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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
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

    /**
     * Above this many organisations a subtree is large (the national body's 20,098 at scale 1.0; a province or ministry
     * holds about 300): the {@code *Sized} predicates then write its path as a constant, else they keep the form whose
     * subtree the planner cannot see, which probes row by row (ADR 0064).
     */
    public static final int LARGE_SUBTREE = 2_000;

    /** Subtree sizes are kept this long: a size only chooses a plan, never which rows match. */
    private static final long SIZE_KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final JdbcClient jdbc;
    private final int largeSubtree;
    private final Map<String, Size> sizes = new ConcurrentHashMap<>();

    @Autowired
    public OrgScope(JdbcClient jdbc) {
        this(jdbc, LARGE_SUBTREE);
    }

    /** For tests: subtrees above {@code largeSubtree} organisations count as large (0: all, MAX_VALUE: none). */
    public OrgScope(JdbcClient jdbc, int largeSubtree) {
        this.jdbc = jdbc;
        this.largeSubtree = largeSubtree;
    }

    private record Size(long organisations, long readAt) {}

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

    /**
     * {@link #visible} in the form that suits the size of the caller's subtrees, for a query that tests many rows' system
     * parties (the dossier lists and counts, ADR 0064): constant prefixes when they hold more than
     * {@link #LARGE_SUBTREE} organisations, so that PostgreSQL sees it keeps nearly everything and hashes once; otherwise
     * the EXISTS over the caller's grants of before ADR 0060, which PostgreSQL evaluates row by row through the
     * indexes (a parallel scan of every system party, the prefix form's plan for a province, is slower there). Same rows
     * either way. {@code name} keeps the parameters apart from another such filter in the same query.
     */
    public ScopeFilter visibleSized(String pathExpr, String name) {
        return holdingAnySized(pathExpr, name, Capability.READ);
    }

    /** {@link #holdingAny} in the form that suits the size of the caller's subtrees ({@link #visibleSized}). */
    public ScopeFilter holdingAnySized(String pathExpr, String name, Capability... capabilities) {
        if (!name.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("parameter name " + name);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Capability c : capabilities) {
            roles.addAll(Role.holding(c));
        }
        long person = CurrentPerson.idOrNobody();
        List<String> paths = grantedPaths(person, roles);
        if (paths.isEmpty() || organisationsUnder(paths) > largeSubtree) {
            return new ScopeFilter(subtrees(pathExpr, paths), Map.of());
        }
        String g = "sg" + name;
        String o = "so" + name;
        return new ScopeFilter(
                "EXISTS (SELECT 1 FROM role_grant " + g + " JOIN organization " + o + " ON " + o + ".id = " + g
                        + ".organization_id WHERE " + g + ".user_id = :" + name + "Person AND " + g + ".role IN (:"
                        + name + "Roles) AND " + pathExpr + " LIKE " + o + ".path || '%')",
                Map.of(name + "Person", person, name + "Roles", names(roles)));
    }

    /**
     * The predicate "{@code pathExpr} lies in the subtree at {@code subtreePath}" (the organisation a page or report is
     * about, not a grant): the path as a constant when the subtree is large, so that the plan stays the one for nearly
     * every row even once the driver prepares the statement on the server (a generic plan guesses a few rows: 4.3 s
     * instead of 1.6 s for the national dossiers by status); otherwise bound as {@code :subtreePath}, whose generic
     * plan probes row by row and is the faster one there (ADR 0064).
     */
    public ScopeFilter inSubtree(String pathExpr, String subtreePath) {
        if (organisationsUnder(List.of(subtreePath)) > largeSubtree) {
            return new ScopeFilter(subtrees(pathExpr, List.of(subtreePath)), Map.of());
        }
        return new ScopeFilter("(" + pathExpr + " LIKE :subtreePath || '%')", Map.of("subtreePath", subtreePath));
    }

    /**
     * How many organisations lie in these subtrees, as read in the last ten minutes: the count only chooses the form of
     * a predicate, and both forms match the same rows, so a count a little out of date costs at most a slower plan.
     */
    private long organisationsUnder(List<String> paths) {
        if (largeSubtree == 0 || largeSubtree == Integer.MAX_VALUE) {
            return largeSubtree == 0 ? 1 : 0;
        }
        String key = String.join(" ", paths);
        long now = System.nanoTime();
        Size known = sizes.get(key);
        if (known != null && now - known.readAt() < SIZE_KEPT_NANOS) {
            return known.organisations();
        }
        if (sizes.size() > 10_000) {
            sizes.clear();
        }
        long n = jdbc.sql("SELECT COUNT(*) FROM organization o WHERE " + subtrees("o.path", paths))
                .query(Long.class)
                .single();
        sizes.put(key, new Size(n, now));
        return n;
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
