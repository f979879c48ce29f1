package vn.khien.obligations.suppliers;

import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo of supply-chain risk (R36): the hospital's HIS (level 3) gives its software company remote administration;
 * demo.bv.canbo assessed it thirteen months ago (rating MEDIUM, one open issue), so that assessment has expired and
 * the duty is overdue: the officer finds it on the home page and in the hospital's suppliers, and records a new one.
 * Seeded once (while the hospital has no supplier assessment).
 */
@Component
class SuppliersDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(SuppliersDemoData.class);
    static final String HIS_SUPPLIER = "Công ty phần mềm y tế Demo (demo)";

    private final SupplierRiskService suppliers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SuppliersDemoData(SupplierRiskService suppliers, JdbcClient jdbc, TransactionTemplate tx) {
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener
    @Order(9)
    public void on(SystemsDemoReady ready) {
        tx.executeWithoutResult(s -> {
            // one seeder at a time, however many nodes start together (the other seeders take the same lock)
            jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class)
                    .single();
            seed();
        });
    }

    private void seed() {
        Optional<Long> hospital = jdbc.sql("SELECT id FROM organization WHERE code = 'DEMO-BVDK'")
                .query(Long.class)
                .optional();
        Optional<Long> officer = jdbc.sql("SELECT id FROM app_user WHERE username = 'demo.bv.canbo'")
                .query(Long.class)
                .optional();
        if (hospital.isEmpty()
                || officer.isEmpty()
                || jdbc.sql("SELECT COUNT(*) FROM supplier_assessment WHERE organization_id = :o")
                                .param("o", hospital.get())
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        LocalDate thirteenMonthsAgo = suppliers.today().minusMonths(13);
        ActingAs.run(
                officer.get(),
                "demo.bv.canbo",
                () -> suppliers.assess(
                        hospital.get(),
                        new SupplierAssessmentRequest(
                                HIS_SUPPLIER,
                                thirteenMonthsAgo.toString(),
                                "MEDIUM",
                                "Hồ sơ bệnh án, thông tin hành chính của người bệnh (dữ liệu cá nhân nhạy cảm)",
                                true,
                                "Điều 9 hợp đồng bảo trì số 12/2024/HĐ-BVDK",
                                false,
                                null,
                                "Hợp đồng chưa có điều khoản thông báo sự cố trong 24 giờ\n"
                                        + "Tài khoản quản trị từ xa dùng chung, chưa có xác thực hai lớp")));
        LOG.info("Demo supply-chain risk: the HIS supplier's assessment of {} (expired)", thirteenMonthsAgo);
    }
}
