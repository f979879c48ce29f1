package vn.khien.vulnerabilities.findings;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemHubLinks;

/** Vulnerabilities' entries on a system's hub: scans, and open findings (critical and high ones highlighted). */
@Component
class FindingsHubLinks implements SystemHubLinks {
    private final JdbcClient jdbc;

    FindingsHubLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        long scans = count("SELECT COUNT(*) FROM scan WHERE system_id = :s", systemId);
        long open =
                count("SELECT COUNT(*) FROM finding WHERE system_id = :s AND status IN ('OPEN', 'REOPENED')", systemId);
        long severe = count(
                "SELECT COUNT(*) FROM finding WHERE system_id = :s AND status IN ('OPEN', 'REOPENED')"
                        + " AND severity IN ('CRITICAL', 'HIGH')",
                systemId);
        return List.of(
                Link.of(31, "hub.scans", "/systems/" + systemId + "/scans", scans),
                new Link(
                        32,
                        "hub.findings",
                        "/systems/" + systemId + "/findings",
                        open,
                        severe > 0 ? "hub.findingsSevere" : null,
                        severe,
                        severe > 0));
    }

    private long count(String sql, long systemId) {
        return jdbc.sql(sql).param("s", systemId).query(Long.class).single();
    }
}
