package vn.khien.compliance.duties;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * For the obligations module: R19 (periodic assessment — the last completed periodic or ad-hoc assessment of each
 * system; the interval per level and regime is the obligation catalogue's) and R13 (the system's security regulation,
 * by the day it was issued). The ids passed in are already scoped by the caller.
 */
@Component
class AssessmentDutySource implements DutySource {

    private final JdbcClient jdbc;

    AssessmentDutySource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R19", "R13");
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        if (rule.equals("R13")) {
            jdbc.sql("SELECT system_id, issued_on FROM security_regulation WHERE system_id IN (:ids)")
                    .param("ids", systemIds)
                    .query((rs, n) -> out.put(
                            rs.getLong(1),
                            DutyEvidence.met(
                                    rs.getDate(2).toLocalDate(),
                                    "security-regulation",
                                    null,
                                    "/compliance/systems/" + rs.getLong(1))))
                    .list();
            return out;
        }
        jdbc.sql("""
                SELECT a.system_id, MAX(a.completed_on), MAX(a.id) FROM assessment a
                WHERE a.completed_on IS NOT NULL AND a.kind IN ('PERIODIC', 'AD_HOC') AND a.system_id IN (:ids)
                GROUP BY a.system_id""")
                .param("ids", systemIds)
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        DutyEvidence.met(
                                rs.getDate(2).toLocalDate(),
                                "assessment-report",
                                rs.getLong(3),
                                "/compliance/systems/" + rs.getLong(1))))
                .list();
        return out;
    }
}
