package vn.khien.obligations.demo;

import java.math.BigDecimal;
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
import vn.khien.identity.DemoSeeds;
import vn.khien.obligations.budget.BudgetPlanRequest;
import vn.khien.obligations.budget.BudgetService;
import vn.khien.obligations.jobs.ReminderService;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: the year's IT budget plans, recorded by the personas through the service (so they are audited as theirs),
 * then the reminder job once, so officers and leaders find their reminders and escalations at once:
 * <ul>
 *   <li>demo.so.canbo: the security unit's annual plan (12%), approved by demo.tinh.lanhdao;</li>
 *   <li>demo.bv.canbo: the hospital's plan and a project, drafts at 7% (R39 overdue) to correct; the province
 *       leader has them to approve;</li>
 *   <li>demo.bo.canbo: the ministry IT centre's plan, a draft for demo.bo.lanhdao to approve.</li>
 * </ul>
 * Budget plans are seeded once (while the hospital has none); notices are deduplicated per person and duty, so a
 * restart adds nothing.
 */
@Component
class ObligationsDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(ObligationsDemoData.class);

    private final ReminderService reminders;
    private final BudgetService budgets;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ObligationsDemoData(
            ReminderService reminders, BudgetService budgets, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.reminders = reminders;
        this.budgets = budgets;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    @Order(5)
    public void on(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, this::seedBudgets);
        ReminderService.Run run = reminders.run();
        LOG.info("Demo obligations: {} reminders and {} escalations queued", run.reminders(), run.escalations());
    }

    private void seedBudgets() {
        Optional<Long> so = org("DEMO-SO-KHCN");
        Optional<Long> bv = org("DEMO-BVDK");
        Optional<Long> bo = DemoSeeds.grantedOrg(jdbc, "demo.bo.canbo");
        if (so.isEmpty()
                || bv.isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM budget_plan WHERE organization_id = :o")
                        .param("o", bv.get()))) {
            return;
        }
        int year = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).getYear();
        long soPlan = as(
                "demo.so.canbo",
                () -> budgets.create(
                        so.get(),
                        plan(
                                year,
                                "ANNUAL",
                                "Kế hoạch ứng dụng CNTT, chuyển đổi số năm " + year + " (demo)",
                                8_500_000_000L,
                                1_020_000_000L,
                                "Ngân sách tỉnh",
                                "Cổng dịch vụ công; Hệ thống quản lý văn bản")));
        as("demo.tinh.lanhdao", () -> budgets.approve(soPlan));
        as(
                "demo.bv.canbo",
                () -> budgets.create(
                        bv.get(),
                        plan(
                                year,
                                "ANNUAL",
                                "Kế hoạch CNTT bệnh viện năm " + year + " (demo)",
                                4_200_000_000L,
                                294_000_000L,
                                "Nguồn thu sự nghiệp",
                                "Hệ thống thông tin bệnh viện (HIS)")));
        as(
                "demo.bv.canbo",
                () -> budgets.create(
                        bv.get(),
                        plan(
                                year,
                                "PROJECT",
                                "Dự án bệnh án điện tử (demo)",
                                2_000_000_000L,
                                150_000_000L,
                                "Ngân sách tỉnh",
                                "Hệ thống thông tin bệnh viện (HIS)")));
        bo.ifPresent(ministry -> as(
                "demo.bo.canbo",
                () -> budgets.create(
                        ministry,
                        plan(
                                year,
                                "ANNUAL",
                                "Kế hoạch CNTT của Bộ năm " + year + " (demo)",
                                25_000_000_000L,
                                2_750_000_000L,
                                "Ngân sách trung ương",
                                "Cổng thông tin của Bộ; Cơ sở dữ liệu chuyên ngành"))));
        LOG.warn("Demo budget plans seeded for {}: one approved, three drafts to approve.", year);
    }

    private static BudgetPlanRequest plan(
            int year, String kind, String name, long total, long security, String funding, String systems) {
        return new BudgetPlanRequest(
                year, kind, name, BigDecimal.valueOf(total), BigDecimal.valueOf(security), funding, systems);
    }

    private <T> T as(String username, Supplier<T> action) {
        return DemoSeeds.as(jdbc, username, action);
    }

    private Optional<Long> org(String code) {
        return DemoSeeds.organization(jdbc, code);
    }
}
