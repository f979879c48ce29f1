package vn.khien.incidents.cases;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.SystemHubLinks;

/** The system page's entries for incidents (only those the caller may see) and drills of that system. */
@Component
class IncidentsHubLinks implements SystemHubLinks {

    private final JdbcClient jdbc;
    private final IncidentRepository incidents;

    IncidentsHubLinks(JdbcClient jdbc, IncidentRepository incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        ScopeFilter f = incidents.visibility();
        long open = jdbc.sql("SELECT COUNT(*) FROM incident i JOIN organization io ON io.id = i.organization_id"
                        + " WHERE i.system_id = :s AND i.status NOT IN ('CLOSED', 'REJECTED') AND " + f.sql())
                .params(f.params())
                .param("s", systemId)
                .query(Long.class)
                .single();
        long drills = jdbc.sql("SELECT COUNT(*) FROM system_drill WHERE system_id = :s")
                .param("s", systemId)
                .query(Long.class)
                .single();
        return List.of(
                new Link(50, "incidents.hub.open", "/incidents", open, null, null, open > 0),
                Link.of(51, "incidents.hub.drills", "/systems/" + systemId + "/drills", drills));
    }
}
