package vn.khien.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/** The organisations whose trail the caller may read, for the filter of the audit page. */
@Repository
class AuditOrganizations {

    public record Option(long id, String code, String name) {}

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public AuditOrganizations(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public List<Option> readable() {
        ScopeFilter f = scope.holding("o.path", Capability.READ_AUDIT);
        return jdbc.sql("SELECT o.id, o.code, o.name_vi FROM organization o WHERE " + f.sql()
                        + " ORDER BY o.path LIMIT 1000")
                .params(f.params())
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
