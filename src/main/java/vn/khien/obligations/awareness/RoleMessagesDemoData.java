package vn.khien.obligations.awareness;

import java.util.List;
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
import vn.khien.systems.SystemsDemoReady;

/**
 * Demo: awareness messages waiting for the personas who had none (sent today, to an organisation's people, so each
 * reaches its readers' accounts and their home pages):
 * <ul>
 *   <li>{@code demo.tinh.lanhdao} reminds the province office's people to protect administrative accounts (Chỉ thị
 *       2634: supervise administrators); the leader and the auditor have read it, the province's administrator
 *       {@code demo.tinh.quantri} (and the former administrator) still have it to read and acknowledge;</li>
 *   <li>{@code demo.so.canbo} tells the security unit's people how suspected incidents are reported now; the
 *       responder {@code demo.so.ungcuu} has it to read and acknowledge.</li>
 * </ul>
 * Each campaign is seeded once (while its organisation has no campaign of that title).
 */
@Component
class RoleMessagesDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(RoleMessagesDemoData.class);

    static final String ADMINISTRATORS_TITLE = "Bảo vệ tài khoản quản trị (demo)";
    static final String REPORTING_TITLE = "Báo cáo sự cố nghi ngờ trong 24 giờ (demo)";

    private final AwarenessService awareness;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RoleMessagesDemoData(AwarenessService awareness, JdbcClient jdbc, TransactionTemplate tx) {
        this.awareness = awareness;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener
    @Order(16)
    public void on(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, this::seed);
    }

    private void seed() {
        Optional<Long> province = DemoSeeds.grantedOrg(jdbc, "demo.tinh.lanhdao");
        Optional<Long> unit = DemoSeeds.grantedOrg(jdbc, "demo.so.canbo");
        boolean administrators = province.isPresent() && absent(province.get(), ADMINISTRATORS_TITLE);
        boolean reporting = unit.isPresent() && absent(unit.get(), REPORTING_TITLE);
        if (administrators) {
            as(
                    "demo.tinh.lanhdao",
                    () -> awareness.create(new CampaignRequest(
                            province.get(),
                            "PASSWORDS",
                            ADMINISTRATORS_TITLE,
                            "Tài khoản quản trị phải bật xác thực hai yếu tố và không dùng chung mật khẩu với tài khoản"
                                    + " khác. Không đăng nhập tài khoản quản trị từ máy tính công cộng."
                                    + "\n\nNgười nghỉ việc hoặc chuyển công tác phải được thu hồi quyền quản trị ngay;"
                                    + " lãnh đạo đơn vị rà soát quyền quản trị hằng quý (Chỉ thị 2634/CT-VPCP).",
                            null,
                            "ONCE",
                            "ORGANIZATION",
                            null,
                            null)));
        }
        if (reporting) {
            as(
                    "demo.so.canbo",
                    () -> awareness.create(new CampaignRequest(
                            unit.get(),
                            "INCIDENT_REPORTING",
                            REPORTING_TITLE,
                            "Khi phát hiện dấu hiệu tấn công (thư lạ có tệp đính kèm, máy chậm bất thường, tài khoản"
                                    + " đăng nhập lạ), báo ngay cho bộ phận ứng cứu sự cố qua Khiên (mục Sự cố) hoặc"
                                    + " điện thoại trực 24/7; không tự xử lý, không tắt máy."
                                    + "\n\nĐơn vị báo cáo sự cố lên cơ quan chức năng trong 24 giờ kể từ khi phát hiện.",
                            null,
                            "ONCE",
                            "ORGANIZATION",
                            null,
                            null)));
        }
        if (!administrators && !reporting) {
            return;
        }
        // the rounds job sends the first round; the seed sends it at once so that the messages are waiting
        awareness.sendDueRoundsOf();
        // the senders read their own message, and the province's auditor read the province's
        if (administrators) {
            acknowledge("demo.tinh.lanhdao", ADMINISTRATORS_TITLE);
            acknowledge("demo.thanhtra", ADMINISTRATORS_TITLE);
        }
        if (reporting) {
            acknowledge("demo.so.canbo", REPORTING_TITLE);
        }
        LOG.warn("Demo awareness messages waiting for demo.tinh.quantri and demo.so.ungcuu.");
    }

    private boolean absent(long organizationId, String title) {
        return !DemoSeeds.any(
                jdbc.sql("SELECT COUNT(*) FROM awareness_campaign WHERE organization_id = :o AND title = :t")
                        .param("o", organizationId)
                        .param("t", title));
    }

    private void acknowledge(String username, String title) {
        as(username, () -> {
            List<AwarenessService.Pending> pending = awareness.pendingForMe().stream()
                    .filter(p -> p.title().equals(title))
                    .toList();
            pending.forEach(p -> awareness.acknowledgeMine(p.deliveryId()));
            return pending.size();
        });
    }

    private <T> T as(String username, Supplier<T> action) {
        return DemoSeeds.as(jdbc, username, action);
    }
}
