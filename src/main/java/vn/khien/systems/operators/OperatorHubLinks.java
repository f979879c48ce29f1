package vn.khien.systems.operators;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemHubLinks;

/** The system's operator page on its hub: how many operator proposals it has, highlighted while one waits. */
@Component
class OperatorHubLinks implements SystemHubLinks {

    private final JdbcClient jdbc;

    OperatorHubLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        long all = count("SELECT COUNT(*) FROM operator_proposal WHERE system_id = :s", systemId);
        long pending =
                count("SELECT COUNT(*) FROM operator_proposal WHERE system_id = :s AND status = 'PROPOSED'", systemId);
        return List.of(new Link(
                14,
                "hub.operator",
                "/systems/" + systemId + "/operator",
                all,
                pending > 0 ? "hub.operatorPending" : null,
                pending,
                pending > 0));
    }

    private long count(String sql, long systemId) {
        return jdbc.sql(sql).param("s", systemId).query(Long.class).single();
    }
}
