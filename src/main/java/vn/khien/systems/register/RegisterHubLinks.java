package vn.khien.systems.register;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemHubLinks;

/** The register's own entries on a system's hub: components, classifications and level dossiers. */
@Component
class RegisterHubLinks implements SystemHubLinks {
    private final JdbcClient jdbc;

    RegisterHubLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        long components = count("SELECT COUNT(*) FROM system_component WHERE system_id = :s", systemId);
        long classifications = count("SELECT COUNT(*) FROM system_classification WHERE system_id = :s", systemId);
        long dossiers = count("SELECT COUNT(*) FROM level_dossier WHERE system_id = :s", systemId);
        long open = count(
                "SELECT COUNT(*) FROM level_dossier WHERE system_id = :s"
                        + " AND status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPRAISED')",
                systemId);
        String base = "/systems/" + systemId;
        return List.of(
                Link.of(11, "hub.components", base + "#components", components),
                Link.of(12, "hub.classifications", base + "#classifications", classifications),
                new Link(
                        13,
                        "hub.dossiers",
                        base + "#dossiers",
                        dossiers,
                        open > 0 ? "hub.dossiersOpen" : null,
                        open,
                        open > 0));
    }

    private long count(String sql, long systemId) {
        return jdbc.sql(sql).param("s", systemId).query(Long.class).single();
    }
}
