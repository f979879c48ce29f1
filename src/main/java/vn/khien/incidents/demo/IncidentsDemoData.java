package vn.khien.incidents.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
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
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.incidents.cases.IncidentService;
import vn.khien.incidents.cases.IncidentSource;
import vn.khien.incidents.cases.Indicators;
import vn.khien.incidents.plans.ResponsePlan;
import vn.khien.incidents.plans.ResponsePlanService;
import vn.khien.systems.SystemsDemoReady;

/**
 * The incidents side of {@code --demo}: the province designates its incident-response unit (the department where
 * {@code demo.so.ungcuu} works) and the national coordinator is designated at the root; the hospital's officer reports
 * a ransomware incident on the HIS beyond the hospital's capacity three hours ago and shares it with the response
 * unit, which has issued a coordination order — so the responder has a running 24 h clock and an order to follow up.
 * Runs once after the register's demo ({@code @Order(4)}), while the demo incident does not exist.
 */
@Component
class IncidentsDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentsDemoData.class);
    static final String REF = "DEMO-INC-HIS-1";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final Clock clock;
    private final ResponsePlanService plans;

    public IncidentsDemoData(
            JdbcClient jdbc,
            TransactionTemplate tx,
            IncidentService incidents,
            AuditTrail audit,
            Clock clock,
            ResponsePlanService plans) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.plans = plans;
    }

    @EventListener
    @Order(4)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class)
                    .single();
            Optional<Long> his = id("SELECT id FROM information_system WHERE code = 'DEMO-HIS'");
            Optional<Long> bv = org("DEMO-BVDK");
            Optional<Long> tinh = org("DEMO-TINH");
            Optional<Long> so = org("DEMO-SO-KHCN");
            Optional<Long> national = org("DEMO-TTANM");
            if (his.isEmpty()
                    || bv.isEmpty()
                    || tinh.isEmpty()
                    || so.isEmpty()
                    || national.isEmpty()
                    || id("SELECT id FROM incident WHERE external_ref = '" + REF + "'")
                            .isPresent()) {
                return;
            }
            long root = jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id")
                    .query(Long.class)
                    .list()
                    .get(0);
            designate(tinh.get(), "INCIDENT_RESPONSE_UNIT", so.get());
            designate(root, "NATIONAL_INCIDENT_COORDINATOR", national.get());
            long id = as("demo.bv.canbo", () -> {
                OffsetDateTime detected = OffsetDateTime.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))
                        .minusHours(3)
                        .truncatedTo(ChronoUnit.MINUTES);
                long incident = incidents
                        .report(
                                new IncidentService.CreateRequest(
                                        bv.get(),
                                        his.get(),
                                        "Mã độc mã hoá dữ liệu máy chủ HIS (demo)",
                                        "Phát hiện tệp bị mã hoá đuôi .lockbit trên his-app-01, dịch vụ đặt lịch khám gián đoạn (demo).",
                                        "MALWARE",
                                        detected,
                                        true,
                                        false,
                                        false,
                                        REF),
                                IncidentSource.UI)
                        .incident()
                        .id();
                incidents.addIndicator(incident, Indicators.Kind.IPV4, "185.220.101.47");
                incidents.addIndicator(incident, Indicators.Kind.DOMAIN, "update-his.demo.invalid");
                incidents.share(incident, IncidentService.ShareTarget.RESPONSE_UNIT);
                return incident;
            });
            as(
                    "demo.so.ungcuu",
                    () -> incidents.issueOrder(
                            id,
                            new IncidentService.OrderRequest(
                                    bv.get(),
                                    "Cô lập máy chủ his-app-01, giữ nguyên hiện trường, gửi nhật ký tường lửa 48 giờ gần nhất (demo).",
                                    OffsetDateTime.now(clock).plusHours(5))));
            // The HIS response plan (R23): version 1 written by the hospital's officer and approved by the province's
            // leader; a new server since flags it for update, and version 2 waits for the leader's approval.
            Map<String, String> v1 = Map.of(
                    "overview",
                            "HIS của bệnh viện: máy chủ ứng dụng his-app-01, cơ sở dữ liệu his-db-01, cổng đặt lịch khám (demo)",
                    "scenarios",
                            "1. Mã độc mã hoá dữ liệu (ransomware): phát hiện qua EDR và cảnh báo SOC; cô lập máy chủ,"
                                    + " khôi phục từ bản sao lưu ngoại tuyến.\n2. Tấn công từ chối dịch vụ cổng đặt lịch khám:"
                                    + " phát hiện qua giám sát lưu lượng; chuyển hướng qua dịch vụ chống DDoS của nhà mạng. (demo)",
                    "continuity",
                            "1. Khám, cấp cứu và kê đơn  2. Hồ sơ bệnh án điện tử  3. Đặt lịch khám  4. Thanh toán (demo)",
                    "roles",
                            "Trưởng phòng CNTT bệnh viện (đầu mối 24/7); Đội ứng cứu sự cố của tỉnh tại Sở KH&CN (demo)",
                    "resources", "Bản sao lưu ngoại tuyến hằng ngày; hợp đồng hỗ trợ với nhà cung cấp HIS (demo)");
            long plan = as("demo.bv.canbo", () -> plans.saveDraft(his.get(), v1).id());
            as("demo.tinh.lanhdao", () -> plans.approve(his.get(), plan));
            plans.systemChanged(his.get(), ResponsePlan.COMPONENTS_CHANGED, null);
            Map<String, String> v2 = new HashMap<>(v1);
            v2.put(
                    "scenarios",
                    v1.get("scenarios")
                            + "\n3. Máy chủ cơ sở dữ liệu mới his-db-02: sao lưu và giám sát như his-db-01. (demo)");
            as("demo.bv.canbo", () -> plans.saveDraft(his.get(), v2));
            LOG.warn(
                    "Demo incidents seeded: response-unit designations and an incident on DEMO-HIS with a running clock.");
        });
    }

    private void designate(long scope, String role, long organization) {
        long exists = jdbc.sql(
                        "SELECT COUNT(*) FROM authority_designation WHERE scope_organization_id = :s AND authority_role = :r")
                .param("s", scope)
                .param("r", role)
                .query(Long.class)
                .single();
        if (exists > 0) {
            return;
        }
        jdbc.sql(
                        "INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)"
                                + " VALUES (:s, :r, :o, :now)")
                .param("s", scope)
                .param("r", role)
                .param("o", organization)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEntry.change(
                "authority.designate",
                scope,
                "authority_designation",
                scope + ":" + role,
                null,
                Map.of("role", role, "organizationId", organization)));
    }

    private <T> T as(String username, Supplier<T> action) {
        long person = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        return ActingAs.run(person, username, action::get);
    }

    private Optional<Long> org(String code) {
        return jdbc.sql("SELECT id FROM organization WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional();
    }

    private Optional<Long> id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional();
    }
}
