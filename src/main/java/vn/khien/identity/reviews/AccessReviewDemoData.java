package vn.khien.identity.reviews;

import java.sql.Timestamp;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;
import vn.khien.identity.DemoData;
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
    private final PasswordEncoder encoder;
    private final KhienProperties properties;
    private final ApplicationArguments arguments;
    private final Environment environment;
    private final Clock clock;

    AccessReviewDemoData(
            AccessReviewService reviews,
            JdbcClient jdbc,
            TransactionTemplate tx,
            PasswordEncoder encoder,
            KhienProperties properties,
            ApplicationArguments arguments,
            Environment environment,
            Clock clock) {
        this.reviews = reviews;
        this.jdbc = jdbc;
        this.tx = tx;
        this.encoder = encoder;
        this.properties = properties;
        this.arguments = arguments;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void seedWhenReady() {
        if (!(properties.demo() || arguments.containsOption("demo") || environment.containsProperty("demo"))) {
            return;
        }
        tx.executeWithoutResult(s -> {
            // one seeder at a time, however many nodes start together (the other seeders take the same lock)
            jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class)
                    .single();
            seed();
        });
    }

    private void seed() {
        Optional<Long> province = id("SELECT id FROM organization WHERE code = 'DEMO-TINH'");
        Optional<Long> leader = id("SELECT id FROM app_user WHERE username = 'demo.tinh.lanhdao'");
        Optional<Long> platformAdmin = id("SELECT id FROM app_user WHERE username = 'demo.quantri'");
        if (province.isEmpty()
                || leader.isEmpty()
                || platformAdmin.isEmpty()
                || id("SELECT COUNT(*) FROM access_review WHERE organization_id = " + province.get())
                                .orElse(0L)
                        > 0) {
            return;
        }
        Instant now = clock.instant();
        if (id("SELECT id FROM app_user WHERE username = '" + FORMER_ADMIN + "'")
                .isEmpty()) {
            jdbc.sql("""
                    INSERT INTO app_user (username, password_hash, display_name, email, demo, created_at, last_sign_in_at)
                    VALUES (:u, :p, :d, :e, TRUE, :created, :signIn)""")
                    .param("u", FORMER_ADMIN)
                    .param("p", encoder.encode(DemoData.PASSWORD))
                    .param("d", "Lý Văn Cũ (demo)")
                    .param("e", FORMER_ADMIN + "@demo.invalid")
                    .param("created", Timestamp.from(now.minus(Duration.ofDays(430))))
                    .param("signIn", Timestamp.from(now.minus(Duration.ofDays(150))))
                    .update();
            long former = id("SELECT id FROM app_user WHERE username = '" + FORMER_ADMIN + "'")
                    .orElseThrow();
            jdbc.sql("""
                    INSERT INTO role_grant (user_id, organization_id, role, granted_at, granted_by)
                    VALUES (:u, :o, 'ORG_ADMIN', :at, :by)""")
                    .param("u", former)
                    .param("o", province.get())
                    .param("at", Timestamp.from(now.minus(Duration.ofDays(425))))
                    .param("by", platformAdmin.get())
                    .update();
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

    private Optional<Long> id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional();
    }
}
