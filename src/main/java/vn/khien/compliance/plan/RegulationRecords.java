package vn.khien.compliance.plan;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.systems.SecurityRegulations;

/** The register's view of the security regulation, needed before a level is approved (TT 12 Đ9.7; NĐ 331 Đ30.7). */
@Component
class RegulationRecords implements SecurityRegulations {

    private final JdbcClient jdbc;
    private final PlanService plans;

    RegulationRecords(JdbcClient jdbc, PlanService plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @Override
    public Optional<IssuedRegulation> issuedFor(long systemId) {
        return jdbc.sql("SELECT * FROM security_regulation WHERE system_id = :s")
                .param("s", systemId)
                .query((rs, n) -> new IssuedRegulation(
                        rs.getLong("system_id"),
                        rs.getString("title"),
                        rs.getString("decision_number"),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getString("issued_by")))
                .optional();
    }

    @Override
    public IssuedRegulation record(
            long systemId, String title, String decisionNumber, LocalDate issuedOn, String issuedBy) {
        SecurityRegulation r =
                plans.saveRegulation(systemId, new RegulationRequest(title, decisionNumber, issuedOn, issuedBy));
        return new IssuedRegulation(systemId, r.title(), r.decisionNumber(), r.issuedOn(), issuedBy);
    }
}
