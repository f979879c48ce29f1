package vn.khien.obligations.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.identity.DemoSeeds;
import vn.khien.obligations.budget.BudgetPlanRequest;
import vn.khien.obligations.budget.BudgetService;
import vn.khien.obligations.jobs.ReminderService;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: the national body's IT plans of the year, recorded by its officer {@code demo.quocgia.thamdinh}: the annual
 * plan (12% for security) and the project of the online appraisal system, recorded without its security line yet. The
 * year falls to 8%, under the 10% rule (R39 overdue for the national body): the officer has the reminder and records
 * the project's security amount (**Sửa** on the budget page). The reminder job runs once more afterwards so the
 * reminder is waiting. Seeded once (while the national body has no plan).
 */
@Component
class NationalBudgetDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(NationalBudgetDemoData.class);
    static final String OFFICER = "demo.quocgia.thamdinh";
    static final String PROJECT = "Dự án hệ thống tiếp nhận, thẩm định hồ sơ đề xuất cấp độ trực tuyến (demo)";

    private final BudgetService budgets;
    private final ReminderService reminders;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    NationalBudgetDemoData(
            BudgetService budgets, ReminderService reminders, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.budgets = budgets;
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    @Order(16)
    public void on(SystemsDemoReady ready) {
        if (DemoSeeds.lockedAnswering(tx, jdbc, this::seed)) {
            reminders.run();
        }
    }

    private boolean seed() {
        Optional<Long> national = DemoSeeds.grantedOrg(jdbc, OFFICER);
        if (national.isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM budget_plan WHERE organization_id = :o")
                        .param("o", national.get()))) {
            return false;
        }
        long org = national.get();
        int year = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).getYear();
        record(
                org,
                year,
                "ANNUAL",
                "Kế hoạch ứng dụng CNTT năm " + year + " của Trung tâm (demo)",
                6_000_000_000L,
                720_000_000L,
                "Hệ thống quản lý hồ sơ cấp độ; Cổng thông tin của Trung tâm");
        record(org, year, "PROJECT", PROJECT, 3_000_000_000L, 0L, "Hệ thống quản lý hồ sơ cấp độ");
        LOG.warn(
                "Demo: the national body's {} plans are at 8% for security, the project's line still to record.", year);
        return true;
    }

    /** One plan recorded by the officer (a draft, audited as theirs). */
    private void record(long org, int year, String kind, String name, long total, long security, String systems) {
        DemoSeeds.as(
                jdbc,
                OFFICER,
                () -> budgets.create(
                        org,
                        new BudgetPlanRequest(
                                year,
                                kind,
                                name,
                                BigDecimal.valueOf(total),
                                BigDecimal.valueOf(security),
                                "Ngân sách trung ương",
                                systems)));
    }
}
