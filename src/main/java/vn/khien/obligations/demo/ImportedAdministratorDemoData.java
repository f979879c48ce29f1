package vn.khien.obligations.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.Role;
import vn.khien.identity.DemoData;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: the hospital's administrator {@code demo.bv.quantri} came with the hospital's people imported from its former
 * system seven months ago: the grant (ORG_ADMIN on the hospital) records no grantor, as grants made by the bootstrap
 * or an import do, and the hospital was never reviewed, so R49 is overdue for it. {@code demo.tinh.lanhdao}, head of
 * the province above it, opens the hospital's access review ({@code /organizations/{id}/access-reviews}), where the
 * grant shows "grantor not recorded", and confirms or revokes it. Seeded once (while the person does not exist).
 */
@Component
class ImportedAdministratorDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(ImportedAdministratorDemoData.class);
    static final String ADMINISTRATOR = "demo.bv.quantri";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DemoData demo;
    private final Clock clock;

    ImportedAdministratorDemoData(JdbcClient jdbc, TransactionTemplate tx, DemoData demo, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.demo = demo;
        this.clock = clock;
    }

    @EventListener
    @Order(12)
    public void on(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, this::seed);
    }

    private void seed() {
        Optional<Long> hospital = DemoSeeds.organization(jdbc, "DEMO-BVDK");
        if (hospital.isEmpty() || DemoSeeds.person(jdbc, ADMINISTRATOR).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Instant imported = now.minus(Duration.ofDays(210));
        // no grantor: the grant came with the import, like the bootstrap's
        demo.personWithHistory(
                ADMINISTRATOR,
                "Trịnh Văn Nhập (demo)",
                imported,
                now.minus(Duration.ofDays(3)),
                hospital.get(),
                Role.ORG_ADMIN,
                imported,
                null);
        LOG.warn("Demo: the hospital's administrator {} holds a grant with no grantor, never reviewed.", ADMINISTRATOR);
    }
}
