package vn.khien.reports.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;
import vn.khien.reports.periodic.PeriodicReport;
import vn.khien.reports.periodic.ReportService;
import vn.khien.systems.SystemsDemoReady;

/**
 * The national coordinator's work in reports under {@code --demo}: the ministry's quarterly report of the running
 * quarter, drafted and checked by its officer ({@code demo.bo.canbo}), signed and submitted by its leader
 * ({@code demo.bo.lanhdao}) to the root, where {@code demo.dieuphoi} — a security officer of the parent — accepts or
 * returns it. Each step is taken by the person the sign-off rule names (ADR 0066). Once: only while the ministry has no
 * report.
 */
@Component
class MinistryReportDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(MinistryReportDemoData.class);
    static final String MINISTRY = "DEMO-BO";
    static final String OFFICER = "demo.bo.canbo";
    static final String LEADER = "demo.bo.lanhdao";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReportService reports;
    private final ReportKinds kinds;
    private final Clock clock;

    MinistryReportDemoData(
            JdbcClient jdbc, TransactionTemplate tx, ReportService reports, ReportKinds kinds, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reports = reports;
        this.kinds = kinds;
        this.clock = clock;
    }

    @EventListener
    @Order(14)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class)
                    .single();
            Optional<Long> ministry = jdbc.sql("SELECT id FROM organization WHERE code = :c")
                    .param("c", MINISTRY)
                    .query(Long.class)
                    .optional();
            if (ministry.isEmpty()
                    || person(OFFICER).isEmpty()
                    || person(LEADER).isEmpty()
                    || jdbc.sql("SELECT COUNT(*) FROM periodic_report WHERE organization_id = :o")
                                    .param("o", ministry.get())
                                    .query(Long.class)
                                    .single()
                            > 0) {
                return;
            }
            var kind = kinds.find("QUARTERLY_STATUS").orElseThrow();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
            String period = ReportPeriod.containing(today, kind.period()).code();
            PeriodicReport r = as(OFFICER, () -> reports.create(ministry.get(), kind.id(), period));
            as(OFFICER, () -> reports.check(r.id()));
            as(
                    LEADER,
                    () -> reports.sign(
                            r.id(),
                            new ReportService.SignRequest(
                                    "27/BC-BDEMO", today.minusDays(1), "Phạm Quốc Lãnh (demo)", null, null, null)));
            as(LEADER, () -> reports.submit(r.id()));
            LOG.warn(
                    "Demo ministry report {} seeded: submitted to the root for demo.dieuphoi to accept or return.",
                    period);
        });
    }

    private Optional<Long> person(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .optional();
    }

    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(person(username).orElseThrow(), username, step);
    }
}
