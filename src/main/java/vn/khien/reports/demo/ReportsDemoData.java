package vn.khien.reports.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import vn.khien.access.Role;
import vn.khien.identity.DemoData;
import vn.khien.identity.DemoSeeds;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;
import vn.khien.reports.periodic.PeriodicReport;
import vn.khien.reports.periodic.ReportService;
import vn.khien.systems.SystemsDemoReady;

/**
 * The reports side of {@code --demo}, for the previous quarter's report (CĐ 33), whose due day has passed: the
 * province's Department of Science and Technology has submitted (checked by its officer, signed by its own leader
 * {@code demo.so.lanhdao}; its row in the province's report is frozen), the Department of Health and the commune have
 * not (late, live figures "chưa nộp"), the hospital's officer ({@code demo.bv.canbo}) has a draft to check and the
 * province's leader ({@code demo.tinh.lanhdao}) the province's report, checked by the officer of the province's
 * designated security unit ({@code demo.so.canbo}), to sign and submit. Each step is taken by a person the sign-off
 * rule lets take it (ADR 0066). Runs after the other seeders ({@code @Order(6)}), once: only while the province has no
 * report. A second listener ({@code @Order(14)}) gives the national coordinator the ministry's report to decide.
 */
@Component
class ReportsDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsDemoData.class);
    static final String PROVINCE = "DEMO-TINH";
    static final String DEPARTMENT = "DEMO-SO-KHCN";
    static final String HOSPITAL = "DEMO-BVDK";
    static final String OFFICER = "demo.so.canbo";
    static final String HOSPITAL_OFFICER = "demo.bv.canbo";
    static final String LEADER = "demo.tinh.lanhdao";
    /** The department's own leader, who signs its report (the province's leader accepts or returns it). */
    static final String DEPARTMENT_LEADER = "demo.so.lanhdao";

    static final String RESPONDER = "demo.so.ungcuu";
    static final String MINISTRY = "DEMO-BO";
    static final String MINISTRY_OFFICER = "demo.bo.canbo";
    static final String MINISTRY_LEADER = "demo.bo.lanhdao";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReportService reports;
    private final ReportKinds kinds;
    private final Clock clock;
    private final DemoData demo;

    public ReportsDemoData(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ReportService reports,
            ReportKinds kinds,
            Clock clock,
            DemoData demo) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.reports = reports;
        this.kinds = kinds;
        this.clock = clock;
    }

    @EventListener
    @Order(6)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> province = org(PROVINCE);
            Optional<Long> department = org(DEPARTMENT);
            Optional<Long> hospital = org(HOSPITAL);
            if (province.isEmpty()
                    || department.isEmpty()
                    || hospital.isEmpty()
                    || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM periodic_report WHERE organization_id = :o")
                            .param("o", province.get()))) {
                return;
            }
            var kind = kinds.find("QUARTERLY_STATUS").orElseThrow();
            String period = ReportPeriod.containing(
                            LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))), kind.period())
                    .previous(kind.period())
                    .code();
            if (DemoSeeds.person(jdbc, DEPARTMENT_LEADER).isEmpty()) {
                Instant now = clock.instant();
                demo.personWithHistory(
                        DEPARTMENT_LEADER,
                        "Lý Văn Sở (demo)",
                        now.minus(Duration.ofDays(200)),
                        now.minus(Duration.ofDays(3)),
                        department.get(),
                        Role.LEADER,
                        now.minus(Duration.ofDays(200)),
                        null);
            }
            PeriodicReport so = as(OFFICER, () -> reports.create(department.get(), kind.id(), period));
            as(OFFICER, () -> reports.check(so.id()));
            as(
                    DEPARTMENT_LEADER,
                    () -> reports.sign(
                            so.id(),
                            new ReportService.SignRequest(
                                    "15/BC-SKHCN", so.dueOn().minusDays(2), "Lý Văn Sở (demo)", null, null, null)));
            as(OFFICER, () -> reports.submit(so.id()));
            as(HOSPITAL_OFFICER, () -> reports.create(hospital.get(), kind.id(), period));
            PeriodicReport p = as(LEADER, () -> reports.create(province.get(), kind.id(), period));
            // Checked by the officer of the unit designated as the province's security unit (the head of the security
            // unit's step), so that the leader — who does not check, and may not sign what they checked — has the
            // province's report to sign and submit.
            as(OFFICER, () -> reports.check(p.id()));
            // The province's network member report (Biểu mẫu 05) now due — the six-monthly report from 15/12 to 14/06,
            // the annual report (the whole year to 14/12) from 15/06 — drafted by the responder of
            // the response unit designated for the province (ADR 0044): the demo responder's draft to work on.
            var member = kinds.find("IR_NETWORK_MEMBER").orElseThrow();
            String half = ReportPeriod.containing(
                            LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))), member.period())
                    .code();
            as(RESPONDER, () -> reports.create(province.get(), member.id(), half));
            LOG.warn(
                    "Demo reports seeded for {}: one department submitted (signed by its leader {}), two late, a draft "
                            + "for the hospital, the province's checked and waiting for the leader's signature; the province's member report"
                            + " {} drafted by the responder.",
                    period,
                    DEPARTMENT_LEADER,
                    half);
        });
    }

    /**
     * The national coordinator's work in reports: the ministry's quarterly report of the running quarter, drafted and
     * checked by its officer, signed and submitted by its leader to the root, where {@code demo.dieuphoi} — a security
     * officer of the parent — accepts or returns it. Once: only while the ministry has no report.
     */
    @EventListener
    @Order(14)
    public void seedMinistryWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> ministry = org(MINISTRY);
            if (ministry.isEmpty()
                    || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM periodic_report WHERE organization_id = :o")
                            .param("o", ministry.get()))) {
                return;
            }
            var kind = kinds.find("QUARTERLY_STATUS").orElseThrow();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
            String period = ReportPeriod.containing(today, kind.period()).code();
            PeriodicReport r = as(MINISTRY_OFFICER, () -> reports.create(ministry.get(), kind.id(), period));
            as(MINISTRY_OFFICER, () -> reports.check(r.id()));
            as(
                    MINISTRY_LEADER,
                    () -> reports.sign(
                            r.id(),
                            new ReportService.SignRequest(
                                    "27/BC-BDEMO", today.minusDays(1), "Phạm Quốc Lãnh (demo)", null, null, null)));
            as(MINISTRY_LEADER, () -> reports.submit(r.id()));
            LOG.warn(
                    "Demo ministry report {} seeded: submitted to the root for demo.dieuphoi to accept or return.",
                    period);
        });
    }

    private Optional<Long> org(String code) {
        return DemoSeeds.organization(jdbc, code);
    }

    private <T> T as(String username, Supplier<T> step) {
        return DemoSeeds.as(jdbc, username, step);
    }
}
