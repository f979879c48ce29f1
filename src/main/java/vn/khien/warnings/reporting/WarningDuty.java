package vn.khien.warnings.reporting;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R22 (fix what competent bodies warn about, CĐ 33; CT 18): per system, the last response that settled a warning
 * (FIXED or NOT_AFFECTED), and the earliest deadline still open as the next due date: the acknowledge-by date while a
 * warning is not yet acknowledged, the fix-by date until it is settled.
 */
@Component
class WarningDuty implements DutySource {

    private final JdbcClient jdbc;

    WarningDuty(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R22");
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (!"R22".equals(rule) || systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT t.system_id,
                  MAX(CASE WHEN t.status IN ('FIXED', 'NOT_AFFECTED') THEN t.status_changed_at END) AS settled,
                  MIN(CASE WHEN t.status = 'REACHED' THEN w.acknowledge_by
                           WHEN t.status NOT IN ('FIXED', 'NOT_AFFECTED') THEN w.fix_by END) AS next_due,
                  MAX(t.warning_id) AS warning_id
                FROM warning_target t JOIN warning w ON w.id = t.warning_id
                WHERE t.system_id IN (:ids) GROUP BY t.system_id""").param("ids", systemIds).query(rs -> {
            var settled = rs.getTimestamp("settled");
            var next = rs.getDate("next_due");
            long warning = rs.getLong("warning_id");
            out.put(
                    rs.getLong("system_id"),
                    new DutyEvidence(
                            settled == null
                                    ? null
                                    : settled.toInstant()
                                            .atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                                            .toLocalDate(),
                            next == null ? null : next.toLocalDate(),
                            "warningResponse",
                            warning,
                            "/warnings/" + warning));
        });
        return out;
    }
}
