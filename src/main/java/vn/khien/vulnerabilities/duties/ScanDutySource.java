package vn.khien.vulnerabilities.duties;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R21 (vulnerability scan at least every six months, Chỉ thị 18/CT-TTg): the last completed scan of each system,
 * for the obligations module. The ids passed in are already scoped by the caller.
 */
@Component
class ScanDutySource implements DutySource {

    private final JdbcClient jdbc;

    ScanDutySource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R21");
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT sc.system_id, MAX(sc.scan_date) AS last_scan, MAX(sc.id) AS last_id FROM scan sc
                WHERE sc.status = 'COMPLETED' AND sc.system_id IN (:ids) GROUP BY sc.system_id""")
                .param("ids", systemIds)
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        DutyEvidence.met(
                                rs.getDate(2).toLocalDate(),
                                "scan-report",
                                rs.getLong(3),
                                "/systems/" + rs.getLong(1) + "/scans")))
                .list();
        return out;
    }
}
