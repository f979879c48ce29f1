package vn.khien.vulnerabilities.findings;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA policies per organisation subtree: the nearest ancestor's policy applies, else the platform default. */
@Repository
public class SlaPolicies {

    private final JdbcClient jdbc;

    public SlaPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SlaDays forOrganization(long organizationId) {
        return jdbc.sql("""
                SELECT p.critical_days, p.high_days, p.medium_days, p.low_days
                FROM finding_sla_policy p
                JOIN organization o ON o.id = p.organization_id
                JOIN organization t ON t.path LIKE o.path || '%'
                WHERE t.id = :org ORDER BY LENGTH(o.path) DESC LIMIT 1""")
                .param("org", organizationId)
                .query((rs, n) -> new SlaDays(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .optional()
                .orElse(SlaDays.PLATFORM_DEFAULT);
    }

    public void save(long organizationId, SlaDays days, Instant now) {
        int updated = jdbc.sql("""
                UPDATE finding_sla_policy SET critical_days = :c, high_days = :h, medium_days = :m, low_days = :l,
                    updated_at = :now WHERE organization_id = :org""")
                .param("c", days.critical())
                .param("h", days.high())
                .param("m", days.medium())
                .param("l", days.low())
                .param("now", Timestamp.from(now))
                .param("org", organizationId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO finding_sla_policy (organization_id, critical_days, high_days, medium_days, low_days,
                        updated_at) VALUES (:org, :c, :h, :m, :l, :now)""")
                    .param("c", days.critical())
                    .param("h", days.high())
                    .param("m", days.medium())
                    .param("l", days.low())
                    .param("now", Timestamp.from(now))
                    .param("org", organizationId)
                    .update();
        }
    }
}
