package vn.khien.incidents.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;
import vn.khien.incidents.cases.IncidentService;
import vn.khien.systems.SystemsDemoReady;

/**
 * Coordination by the national body in {@code --demo} (issue 12): {@code demo.dieuphoi}, a security officer at the
 * root, coordinates through the organisation designated as the national incident coordinator (by designation, never
 * its name) and has issued a coordination order on the digital transformation centre's defaced portal, due in twenty
 * hours and not yet answered (the centre's people — {@code demo.so.canbo} above it — answer it; the national body's
 * people, {@code demo.quocgia.thamdinh}, follow it up); the hospital's HIS incident, beyond the hospital's capacity,
 * still waits for a national order (on {@code demo.dieuphoi}'s home page). Runs once ({@code @Order(17)}), after the
 * case work of {@code @Order(15)}, while the national coordinator has issued no order on the portal's incident.
 */
@Component
class CoordinationDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinationDemoData.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IncidentService incidents;
    private final Clock clock;

    CoordinationDemoData(JdbcClient jdbc, TransactionTemplate tx, IncidentService incidents, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.incidents = incidents;
        this.clock = clock;
    }

    @EventListener
    @Order(17)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class)
                    .single();
            Optional<Long> portal =
                    id("SELECT id FROM incident WHERE external_ref = '" + IncidentsDemoData.PORTAL_REF + "'");
            Optional<Long> coordinator = id("""
                    SELECT d.organization_id FROM authority_designation d JOIN organization o
                      ON o.id = d.scope_organization_id
                    WHERE o.parent_id IS NULL AND d.authority_role = 'NATIONAL_INCIDENT_COORDINATOR'
                    ORDER BY d.organization_id LIMIT 1""");
            Optional<Long> person = id("SELECT id FROM app_user WHERE username = 'demo.dieuphoi'");
            if (portal.isEmpty()
                    || coordinator.isEmpty()
                    || person.isEmpty()
                    || id("SELECT id FROM incident_order WHERE incident_id = " + portal.get() + " AND issuer_org_id = "
                                    + coordinator.get() + " ORDER BY id LIMIT 1")
                            .isPresent()) {
                return;
            }
            long incident = portal.get();
            ActingAs.run(person.get(), "demo.dieuphoi", () -> {
                long target = incidents.get(incident).organizationId();
                return incidents.issueOrder(
                        incident,
                        new IncidentService.OrderRequest(
                                target,
                                "Gửi cơ quan điều phối quốc gia tệp index.php bị ghi đè, nhật ký truy cập máy chủ web"
                                        + " 72 giờ gần nhất và địa chỉ IP nguồn đã ghi nhận (demo).",
                                OffsetDateTime.now(clock).plusHours(20).truncatedTo(ChronoUnit.MINUTES)));
            });
            LOG.warn("Demo coordination seeded: a national coordination order on the defaced portal's incident.");
        });
    }

    private Optional<Long> id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional();
    }
}
