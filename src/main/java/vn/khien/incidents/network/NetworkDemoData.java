package vn.khien.incidents.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.json.JsonMapper;
import vn.khien.access.ActingAs;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;

/**
 * The network side of {@code --demo}: the province submitted its member profile (Biểu mẫu 01) 350 days ago, so its
 * yearly update is due soon; its 24/7 contact point, declared and reported then, changed at the demo start as
 * {@code demo.so.ungcuu} (the province's response unit) and the change is not yet reported — a 24 h clock running on
 * the page and in "what needs my attention". Runs once after the incidents demo ({@code @Order(4)}, which designates
 * the response unit), while the province has no profile.
 */
@Component
class NetworkDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkDemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NetworkRepository network;
    private final NetworkService service;
    private final NetworkRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    NetworkDemoData(
            JdbcClient jdbc,
            TransactionTemplate tx,
            NetworkRepository network,
            NetworkService service,
            NetworkRules rules,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.network = network;
        this.service = service;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Order(7)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> tinh = DemoSeeds.organization(jdbc, "DEMO-TINH");
            Optional<Long> responder = DemoSeeds.person(jdbc, "demo.so.ungcuu");
            if (tinh.isEmpty()
                    || responder.isEmpty()
                    || !network.profiles(tinh.get()).isEmpty()) {
                return;
            }
            long province = tinh.get();
            Instant lastYear = clock.instant().minus(Duration.ofDays(350));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("organizationName", "Ủy ban nhân dân tỉnh (demo)");
            fields.put("governingBody", "");
            fields.put("address", "Số 1 đường Trung tâm, thành phố tỉnh lỵ (demo)");
            fields.put("website", "https://tinh.demo.invalid/tiep-nhan-su-co");
            fields.put("leaderName", "Phó Chủ tịch UBND tỉnh phụ trách CNTT (demo)");
            fields.put("responseUnit", "Sở Khoa học và Công nghệ — Đội ứng cứu sự cố của tỉnh (demo)");
            fields.put("teamSize", "7");
            fields.put("systemsInScope", "Cổng dịch vụ công, hệ thống quản lý văn bản, HIS bệnh viện đa khoa (demo)");
            fields.put("capabilities", "Giám sát SOC của tỉnh; hợp đồng hỗ trợ ứng cứu với doanh nghiệp (demo)");
            long profile = network.insertProfile(
                    province, rules.profileFormVersion(), JSON.writeValueAsString(fields), responder.get(), lastYear);
            audit.record(AuditEntry.change(
                    "ircnetwork.profile.submit",
                    province,
                    "ir_member_profile",
                    profile,
                    null,
                    Map.of("form", rules.profileForm(), "demo", true)));
            long first = network.insertContact(
                    province,
                    "Nguyễn Văn Trực (demo)",
                    "0912 000 111",
                    "ungcuu@tinh.demo.invalid",
                    "https://tinh.demo.invalid/tiep-nhan-su-co",
                    responder.get(),
                    lastYear);
            jdbc.sql("UPDATE ir_contact_point SET reported_at = :at, reported_by = :by WHERE id = :id")
                    .param("at", Timestamp.from(lastYear.plus(Duration.ofHours(3))))
                    .param("by", responder.get())
                    .param("id", first)
                    .update();
            audit.record(AuditEntry.change(
                    "ircnetwork.contact.change", province, "ir_contact_point", first, null, Map.of("demo", true)));
            ActingAs.run(
                    responder.get(),
                    "demo.so.ungcuu",
                    () -> service.changeContact(
                            province,
                            new NetworkService.ContactRequest(
                                    "Trần Thị Trực Ban (demo)",
                                    "0912 000 222",
                                    "truc247@tinh.demo.invalid",
                                    "https://tinh.demo.invalid/tiep-nhan-su-co")));
            LOG.warn("Demo network duties seeded: the province's member profile and an unreported contact change.");
        });
    }
}
