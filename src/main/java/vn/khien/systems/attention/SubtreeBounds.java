package vn.khien.systems.attention;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.Role;

/**
 * The query-local form of the register's visibility for the home page (issue 15): the organisation paths where the
 * signed-in person holds a role that reads, read once, then written into each statement as {@code path LIKE
 * '/1/5/%'} literals. The predicate is that of {@code SystemRepository.visibleSystems} and {@code dossierVisible}
 * ({@code OrgScope.visible}: the person's grants joined in every row), but PostgreSQL estimates a literal prefix from
 * its statistics, where the joined one was estimated at ~100 organisations whatever the subtree — and it planned
 * 100,000 systems of the national leader as a few hundred.
 */
@Component
class SubtreeBounds {

    /** An organisation path as the organisations module writes it: ids between slashes. */
    private static final Pattern PATH = Pattern.compile("/([0-9]+/)*");

    /** The parties that appraise, approve or give an opinion: not "the system's" (ADR 0012). */
    private static final String PROCEDURE_BODIES = "'APPRAISER', 'APPROVER', 'EXPERT'";

    private final JdbcClient jdbc;

    SubtreeBounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed-in person's reading subtrees (none for an anonymous caller: every predicate is then false). */
    Scope forCaller() {
        List<String> paths = jdbc.sql("""
                SELECT DISTINCT so.path FROM role_grant sg JOIN organization so ON so.id = sg.organization_id
                WHERE sg.user_id = :person AND sg.role IN (:roles) ORDER BY so.path""")
                .param("person", CurrentPerson.idOrNobody())
                .param(
                        "roles",
                        Role.holding(Capability.READ).stream().map(Enum::name).toList())
                .query(String.class)
                .list();
        return new Scope(paths);
    }

    /** The person's subtrees, as SQL predicates. */
    record Scope(List<String> paths) {

        Scope {
            paths.forEach(p -> {
                if (!PATH.matcher(p).matches()) {
                    throw new IllegalStateException("organisation path " + p);
                }
            });
            paths = List.copyOf(paths);
        }

        /** {@code pathExpr} lies in one of the subtrees. */
        String within(String pathExpr) {
            if (paths.isEmpty()) {
                return "1 = 0";
            }
            return paths.stream()
                    .map(p -> pathExpr + " LIKE '" + p + "%'")
                    .collect(Collectors.joining(" OR ", "(", ")"));
        }

        /** As {@code SystemRepository.visibleSystems}: the owner's or operator's side lies in a subtree. */
        String systemVisible(String systemIdExpr) {
            return "EXISTS (SELECT 1 FROM system_party sp JOIN organization po ON po.id = sp.organization_id"
                    + " WHERE sp.system_id = " + systemIdExpr + " AND sp.party_role NOT IN (" + PROCEDURE_BODIES
                    + ") AND " + within("po.path") + ")";
        }

        /**
         * As {@code SystemRepository.dossierVisible}: the system is visible, or the dossier was submitted to a body
         * (appraiser, approver, expert) in a subtree.
         */
        String dossierVisible(String d) {
            return "(" + systemVisible(d + ".system_id") + " OR (" + d + ".submitted_at IS NOT NULL"
                    + " AND EXISTS (SELECT 1 FROM organization bo WHERE bo.id IN (" + d + ".appraiser_org_id, " + d
                    + ".approver_org_id, " + d + ".expert_org_id) AND " + within("bo.path") + ")))";
        }
    }
}
