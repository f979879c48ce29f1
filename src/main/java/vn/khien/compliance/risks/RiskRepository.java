package vn.khien.compliance.risks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Risk ratings per system. Reads take no person: callers have already resolved the system through the register's
 * visibility (404 before anything else), and schedules are also computed for event-driven code.
 */
@Repository
public class RiskRepository {

    private final JdbcClient jdbc;

    public RiskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SystemRisk> find(long systemId) {
        return jdbc.sql("SELECT system_id, rating, assessed_on, note FROM compliance_risk_rating WHERE system_id = :s")
                .param("s", systemId)
                .query((rs, n) -> new SystemRisk(
                        rs.getLong(1),
                        RiskRating.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .optional();
    }

    public void save(SystemRisk risk, Instant now) {
        int updated = jdbc.sql("""
                UPDATE compliance_risk_rating SET rating = :r, assessed_on = :on, note = :note, updated_at = :now,
                    version = version + 1 WHERE system_id = :s""")
                .param("r", risk.rating().name())
                .param("on", risk.assessedOn())
                .param("note", risk.note())
                .param("now", Timestamp.from(now))
                .param("s", risk.systemId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO compliance_risk_rating (system_id, rating, assessed_on, note, updated_at)
                    VALUES (:s, :r, :on, :note, :now)""")
                    .param("r", risk.rating().name())
                    .param("on", risk.assessedOn())
                    .param("note", risk.note())
                    .param("now", Timestamp.from(now))
                    .param("s", risk.systemId())
                    .update();
        }
    }
}
