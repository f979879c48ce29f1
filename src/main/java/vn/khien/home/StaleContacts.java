package vn.khien.home;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/**
 * Visible organisations whose contact point was never confirmed or not since the cut-off, first {@link #LIMIT} in tree
 * order: selected and cut in SQL, not by reading every visible organisation (20,000 for the national leader).
 */
@Repository
class StaleContacts {

    static final int LIMIT = 20;

    record Stale(long id, String nameVi) {}

    private final JdbcClient jdbc;
    private final OrgScope scope;

    StaleContacts(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    List<Stale> confirmedBefore(LocalDate cutoff) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o"
                        + " WHERE (o.contact_confirmed_on IS NULL OR o.contact_confirmed_on < :cutoff) AND " + f.sql()
                        + " ORDER BY o.path LIMIT " + LIMIT)
                .params(f.params())
                .param("cutoff", cutoff)
                .query((rs, n) -> new Stale(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
