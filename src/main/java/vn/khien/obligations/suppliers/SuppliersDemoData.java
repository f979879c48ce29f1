package vn.khien.obligations.suppliers;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * Demo of supply-chain risk (R36): the hospital's HIS (level 3) gives its software company remote administration;
 * demo.bv.canbo assessed it thirteen months ago (rating MEDIUM, one open issue), so that assessment has expired and
 * the duty is overdue: the officer finds it on the home page and in the hospital's suppliers, and records a new one.
 * Seeded once (while the hospital has no supplier assessment).
 *
 * <p>The hospital's register also names one software company in two spellings on two systems ({@link #VARIANTS}),
 * which no folding of the name joins ("ABC" against "A.B.C") but the tax code both rows carry does: the suppliers page
 * shows one supplier with its tax code and its other spelling. Seeded once (while neither spelling is in the register).
 */
@Component
class SuppliersDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(SuppliersDemoData.class);
    static final String HIS_SUPPLIER = "Công ty phần mềm y tế Demo (demo)";
    /** Two spellings of one supplier in the register, and its (fictitious, check-digit valid) tax code. */
    static final List<String> VARIANTS = List.of("Cty TNHH Phần mềm ABC (demo)", "Công ty TNHH Phần Mềm A.B.C (demo)");

    static final String VARIANTS_TAX_CODE = "0108887771";

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
        DemoSeeds.locked(tx, jdbc, this::seed);
    }

    private void seed() {
        Optional<Long> hospital = DemoSeeds.organization(jdbc, "DEMO-BVDK");
        hospital.ifPresent(this::seedVariants);
        if (hospital.isEmpty()
                || DemoSeeds.person(jdbc, "demo.bv.canbo").isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM supplier_assessment WHERE organization_id = :o")
                        .param("o", hospital.get()))) {
            return;
        }
        LocalDate thirteenMonthsAgo = suppliers.today().minusMonths(13);
        DemoSeeds.as(
                jdbc,
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

    /** The two spellings of one supplier (on the hospital's first two systems, or twice on its only one), one tax code. */
    private void seedVariants(long hospital) {
        List<Long> systems = jdbc.sql("SELECT id FROM information_system WHERE owner_organization_id = :o ORDER BY id")
                .param("o", hospital)
                .query(Long.class)
                .list();
        if (systems.isEmpty()
                || DemoSeeds.any(jdbc.sql("""
                                SELECT COUNT(*) FROM system_supplier ss JOIN information_system s ON s.id = ss.system_id
                                WHERE s.owner_organization_id = :o AND ss.name IN (:names)""").param("o", hospital).param("names", VARIANTS))) {
            return;
        }
        Timestamp recorded = Timestamp.from(suppliers
                .today()
                .minusMonths(2)
                .atStartOfDay(SupplierRiskService.VN)
                .toInstant());
        String[] provides = {"Phát triển, bảo trì cổng đặt lịch khám", "Đối soát dữ liệu đặt lịch khám"};
        String[] access = {"REMOTE_ADMIN", "DATA_ACCESS"};
        String[] details = {"VPN của nhà cung cấp, tài khoản quản trị riêng", "Truy xuất dữ liệu đặt lịch hằng tháng"};
        for (int i = 0; i < VARIANTS.size(); i++) {
            jdbc.sql("""
                    INSERT INTO system_supplier (system_id, name, provides, access_kind, access_details, tax_code,
                        created_at)
                    VALUES (:s, :name, :provides, :access, :details, :code, :at)""")
                    .param("s", systems.get(Math.min(i, systems.size() - 1)))
                    .param("name", VARIANTS.get(i))
                    .param("provides", provides[i])
                    .param("access", access[i])
                    .param("details", details[i])
                    .param("code", VARIANTS_TAX_CODE)
                    .param("at", recorded)
                    .update();
        }
        LOG.info("Demo supply-chain risk: one supplier in two spellings ({}), joined by its tax code", VARIANTS);
    }
}
