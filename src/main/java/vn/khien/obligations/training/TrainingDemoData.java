package vn.khien.obligations.training;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: {@code demo.so.canbo} has the province's security unit's training of the year (R25) on its training page:
 * one course recorded by hand with its certificate file, and two imported from the unit's XLSX list with only their
 * certificate numbers, whose files the officer attaches from <b>Sửa</b> (the number stays). Recorded through the
 * service as the officer, so each record is audited as theirs. Seeded once (while the unit has no training record).
 */
@Component
class TrainingDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingDemoData.class);
    static final String UNIT = "DEMO-SO-KHCN";
    static final String OFFICER = "demo.so.canbo";

    private final TrainingService training;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    TrainingDemoData(TrainingService training, JdbcClient jdbc, TransactionTemplate tx) {
        this.training = training;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener
    @Order(12)
    public void on(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, this::seed);
    }

    private void seed() {
        Optional<Long> unit = DemoSeeds.organization(jdbc, UNIT);
        if (unit.isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM training_record WHERE organization_id = :o")
                        .param("o", unit.get()))) {
            return;
        }
        LocalDate today = training.today();
        long o = unit.get();
        as(
                OFFICER,
                () -> training.create(
                        o,
                        new TrainingRequest(
                                "Võ Thị Cán (demo)",
                                "demo.so.canbo@demo.invalid",
                                "Quản lý an toàn hệ thống thông tin theo cấp độ",
                                "Trung tâm Đào tạo an toàn thông tin (demo)",
                                daysAgo(today, 60),
                                BigDecimal.valueOf(16)),
                        new TrainingService.Certificate("chung-chi-vo-thi-can.pdf", "application/pdf", certificate())));
        String batch = UUID.randomUUID().toString();
        as(
                OFFICER,
                () -> training.insertImported(
                        o,
                        new TrainingRequest(
                                "Bùi Đức Cứu (demo)",
                                "demo.so.ungcuu@demo.invalid",
                                "Ứng cứu sự cố an toàn thông tin mạng",
                                null,
                                daysAgo(today, 30),
                                BigDecimal.valueOf(24)),
                        "UCSC-" + today.getYear() + "/0456",
                        batch));
        as(
                OFFICER,
                () -> training.insertImported(
                        o,
                        new TrainingRequest(
                                "Võ Thị Cán (demo)",
                                "demo.so.canbo@demo.invalid",
                                "Phòng chống mã độc tống tiền",
                                null,
                                daysAgo(today, 14),
                                new BigDecimal("7.5")),
                        "ATTT-" + today.getYear() + "/0123",
                        batch));
        LOG.warn("Demo training seeded for {}: one certificate on file, two imported with their numbers only.", UNIT);
    }

    /** So many days ago, but within this year (the page opens on the current year). */
    static LocalDate daysAgo(LocalDate today, int days) {
        LocalDate day = today.minusDays(days);
        return day.getYear() == today.getYear() ? day : today.withDayOfYear(1);
    }

    /** A one-page PDF standing for the scanned certificate. */
    private static byte[] certificate() {
        return ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                        + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
                        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
                        + "trailer <</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private <T> T as(String username, Supplier<T> action) {
        return DemoSeeds.as(jdbc, username, action);
    }
}
