package vn.khien.identity.reviews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;
import vn.khien.access.Role;
import vn.khien.identity.DemoData;
import vn.khien.identity.DemoSeeds;
import vn.khien.platform.KhienProperties;

/**
 * Demo of access reviews: the province holds two administrative grants (demo.tinh.quantri, and a former
 * administrator, demo.tinh.quantri.cu, granted fourteen months ago and last signed in five months ago), and
 * demo.tinh.lanhdao has opened the quarter's review with both still to decide. Seeded once (while the province has no
 * review). Identity may not depend on systems, so this seeder runs when the application is ready (after the
 * bootstrap's demo people) rather than on {@code SystemsDemoReady}.
 */
@Component
class AccessReviewDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(AccessReviewDemoData.class);
    static final String FORMER_ADMIN = "demo.tinh.quantri.cu";

    private final AccessReviewService reviews;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DemoData demo;
    private final KhienProperties properties;
    private final ApplicationArguments arguments;
    private final Environment environment;
    private final Clock clock;

    AccessReviewDemoData(
            AccessReviewService reviews,
            JdbcClient jdbc,
            TransactionTemplate tx,
            DemoData demo,
            KhienProperties properties,
            ApplicationArguments arguments,
            Environment environment,
            Clock clock) {
        this.reviews = reviews;
        this.jdbc = jdbc;
        this.tx = tx;
        this.demo = demo;
        this.properties = properties;
        this.arguments = arguments;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void seedWhenReady() {
        if (DemoSeeds.requested(properties, arguments, environment)) {
            DemoSeeds.locked(tx, jdbc, this::seed);
        }
    }

    private void seed() {
        Optional<Long> province = DemoSeeds.organization(jdbc, "DEMO-TINH");
        Optional<Long> leader = DemoSeeds.person(jdbc, "demo.tinh.lanhdao");
        Optional<Long> platformAdmin = DemoSeeds.person(jdbc, "demo.quantri");
        if (province.isEmpty()
                || leader.isEmpty()
                || platformAdmin.isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM access_review WHERE organization_id = :o")
                        .param("o", province.get()))) {
            return;
        }
        Instant now = clock.instant();
        if (DemoSeeds.person(jdbc, FORMER_ADMIN).isEmpty()) {
            demo.personWithHistory(
                    FORMER_ADMIN,
                    "Lý Văn Cũ (demo)",
                    now.minus(Duration.ofDays(430)),
                    now.minus(Duration.ofDays(150)),
                    province.get(),
                    Role.ORG_ADMIN,
                    now.minus(Duration.ofDays(425)),
                    platformAdmin.get());
        }
        // the province administrator was granted by the platform administrator
        jdbc.sql("""
                UPDATE role_grant SET granted_by = :by WHERE organization_id = :o AND role = 'ORG_ADMIN'
                  AND granted_by IS NULL""")
                .param("by", platformAdmin.get())
                .param("o", province.get())
                .update();
        AccessReview review = ActingAs.run(leader.get(), "demo.tinh.lanhdao", () -> reviews.open(province.get()));
        LOG.info(
                "Demo access review {} of the province opened, {} grants to decide",
                review.quarter(),
                review.items().size());
    }
}
