package vn.khien.incidents.drills;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;

/**
 * The drills side of {@code --demo}: the hospital's HIS (level 3) held its live-fire drill ten days ago, recorded by the
 * hospital's officer, so the province's Form 05 member report and the dashboards count one level 3+ system drilled
 * (drill-down to the HIS's drills). Runs once ({@code @Order(11)}), while the HIS has no drill on file.
 */
@Component
class DrillsDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DrillsDemoData.class);
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DrillRepository drills;
    private final AuditTrail audit;
    private final Clock clock;

    DrillsDemoData(JdbcClient jdbc, TransactionTemplate tx, DrillRepository drills, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.drills = drills;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Order(11)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<long[]> his = jdbc.sql("SELECT id, owner_organization_id FROM information_system"
                            + " WHERE code = 'DEMO-HIS' AND approved_level >= 3")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .optional();
            Optional<Long> officer = DemoSeeds.person(jdbc, "demo.bv.canbo");
            if (his.isEmpty()
                    || officer.isEmpty()
                    || !drills.drills(his.get()[0]).isEmpty()) {
                return;
            }
            LocalDate heldOn = LocalDate.now(clock.withZone(VN)).minusDays(10);
            long id = drills.insert(
                    his.get()[0],
                    DrillKind.LIVE_FIRE,
                    heldOn,
                    "Mã độc tống tiền mã hóa cơ sở dữ liệu HIS; khôi phục từ bản sao lưu ngoại tuyến (demo)",
                    "Phòng CNTT bệnh viện; Đội ứng cứu sự cố của tỉnh (demo)",
                    "Khôi phục dịch vụ đặt lịch khám trong 4 giờ, đạt mục tiêu (demo)",
                    officer.get(),
                    clock.instant());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("systemId", his.get()[0]);
            after.put("kind", DrillKind.LIVE_FIRE.name());
            after.put("heldOn", heldOn.toString());
            after.put("demo", true);
            audit.record(AuditEntry.change("drill.record", his.get()[1], "system_drill", id, null, after));
            LOG.info("Demo drill seeded: a live-fire drill of DEMO-HIS on {}.", heldOn);
        });
    }
}
