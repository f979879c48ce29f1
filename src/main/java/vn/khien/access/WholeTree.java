package vn.khien.access;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether the caller's grants of a capability hold every root organisation, i.e. the whole tree (the national body, a
 * platform administrator). The home page's attention lines then leave the visibility predicate out instead of checking
 * it for each of 100,000 systems: every organisation lies in the caller's subtrees, so every row the predicate would
 * keep is kept (ADR 0063). Anyone else, however large their subtree, gets the usual predicate.
 */
@Component
public class WholeTree {

    /** A predicate that keeps every row, parenthesised like {@link OrgScope}'s so callers may append to it. */
    public static final ScopeFilter EVERYTHING = new ScopeFilter("(1 = 1)", Map.of());

    private static final String MEMO = WholeTree.class.getName() + ".holds";

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public WholeTree(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * Whether the caller holds {@code capability} on every root organisation (and there is at least one). Answered
     * once per GET (or HEAD) request, as {@link OrgScope} reads the grants: such a request changes no grant and moves
     * no organisation. Other requests, jobs and the home page's background lines read it every time.
     */
    public boolean holds(Capability capability) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && ("GET".equals(request.getRequest().getMethod())
                        || "HEAD".equals(request.getRequest().getMethod()))) {
            String key = MEMO + ":" + CurrentPerson.idOrNobody() + ":" + capability;
            if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
                return known;
            }
            boolean answer = read(capability);
            request.setAttribute(key, answer, RequestAttributes.SCOPE_REQUEST);
            return answer;
        }
        return read(capability);
    }

    /** {@link #EVERYTHING} when the caller {@link #holds} the capability on the whole tree, else {@code narrower}. */
    public ScopeFilter or(Capability capability, Supplier<ScopeFilter> narrower) {
        return holds(capability) ? EVERYTHING : narrower.get();
    }

    private boolean read(Capability capability) {
        ScopeFilter granted = scope.holding("o.path", capability);
        // A few root rows (ix_organization_parent): how many there are and how many lie in the caller's subtrees.
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN " + granted.sql()
                        + " THEN 1 ELSE 0 END), 0) FROM organization o WHERE o.parent_id IS NULL")
                .params(granted.params())
                .query((rs, n) -> rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2))
                .single();
    }
}
