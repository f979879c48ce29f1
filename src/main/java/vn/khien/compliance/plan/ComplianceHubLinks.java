package vn.khien.compliance.plan;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemHubLinks;

/** Compliance's entries on a system's hub: the security plan (requirements met of required), open remediation tasks. */
@Component
class ComplianceHubLinks implements SystemHubLinks {
    private final JdbcClient jdbc;

    ComplianceHubLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        long required = count("SELECT COUNT(*) FROM plan_item WHERE system_id = :s AND required = TRUE", systemId);
        long met = count(
                "SELECT COUNT(*) FROM plan_item WHERE system_id = :s AND required = TRUE AND status = 'MET'", systemId);
        long tasks = count("SELECT COUNT(*) FROM remediation_task WHERE system_id = :s AND done = FALSE", systemId);
        long assessments = count("SELECT COUNT(*) FROM assessment WHERE system_id = :s", systemId);
        String base = "/compliance/systems/" + systemId;
        return List.of(
                new Link(21, "hub.plan", base, required, required == 0 ? "hub.planNone" : "hub.planMet", met, false),
                new Link(22, "hub.tasks", base + "#roadmap", tasks, null, null, tasks > 0),
                Link.of(23, "hub.assessments", base + "#assessments-heading", assessments));
    }

    private long count(String sql, long systemId) {
        return jdbc.sql(sql).param("s", systemId).query(Long.class).single();
    }
}
