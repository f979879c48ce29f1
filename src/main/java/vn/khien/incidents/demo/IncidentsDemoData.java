package vn.khien.incidents.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
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
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.DemoSeeds;
import vn.khien.incidents.cases.IncidentLinkService;
import vn.khien.incidents.cases.IncidentService;
import vn.khien.incidents.cases.IncidentSource;
import vn.khien.incidents.cases.Indicators;
import vn.khien.incidents.hunting.HuntingService;
import vn.khien.incidents.plans.ResponsePlan;
import vn.khien.incidents.plans.ResponsePlanService;
import vn.khien.incidents.teams.TeamService;
import vn.khien.systems.SystemsDemoReady;

/**
 * The incidents side of {@code --demo}: the province designates its incident-response unit (the department where
 * {@code demo.so.ungcuu} works) and the national coordinator is designated at the root; the hospital's officer reports
 * a ransomware incident on the HIS beyond the hospital's capacity three hours ago and shares it with the response
 * unit, which has issued a coordination order — so the responder has a running 24 h clock and an order to follow up.
 * Runs once after the register's demo ({@code @Order(4)}), while the demo incident does not exist; then the
 * province's response team with its on-call rotation and a threat-hunting campaign, while the province has no team;
 * then the incident's affected component and its links to a finding and a warning, while it has no link.
 */
@Component
class IncidentsDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentsDemoData.class);
    static final String REF = "DEMO-INC-HIS-1";
    static final String PORTAL_REF = "DEMO-INC-TTCDS-WEB-1";
    static final String MINISTRY_REF = "DEMO-INC-BO-PHISHING-1";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final Clock clock;
    private final ResponsePlanService plans;
    private final TeamService teams;
    private final HuntingService hunting;
    private final IncidentLinkService links;

    public IncidentsDemoData(
            JdbcClient jdbc,
            TransactionTemplate tx,
            IncidentService incidents,
            AuditTrail audit,
            Clock clock,
            ResponsePlanService plans,
            TeamService teams,
            HuntingService hunting,
            IncidentLinkService links) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.plans = plans;
        this.teams = teams;
        this.hunting = hunting;
        this.links = links;
    }

    @EventListener
    @Order(4)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
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
            long root = DemoSeeds.root(jdbc).orElseThrow();
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
        tx.executeWithoutResult(s -> seedTeamAndHunting());
        tx.executeWithoutResult(s -> seedCaseRecord());
    }

    /**
     * Case work for the personas the first incident leaves without any (eighth-wave walk of the pages): the digital
     * transformation centre's portal defaced five hours ago, reported by the province security unit's officer
     * ({@code demo.so.canbo}), shared with the response unit and verified by the responder ({@code demo.so.ungcuu}), who
     * has it to contain with a task due tomorrow; and a phishing campaign against the ministry's staff reported and
     * verified by the ministry's officer ({@code demo.bo.canbo}), so the ministry's officer and leader have an open case
     * with its report clocks. Runs once ({@code @Order(15)}), while the first of these incidents does not exist.
     */
    @EventListener
    @Order(15)
    public void seedCaseworkWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> portal = id("SELECT id FROM information_system WHERE code = 'DEMO-TTCDS-WEB'");
            Optional<Long> centre = org("DEMO-TTCDS");
            Optional<Long> ministry = org("DEMO-BO");
            Optional<Long> ministryPortal = id("SELECT id FROM information_system WHERE code = 'DEMO-CTTDT-BO'");
            if (portal.isEmpty()
                    || centre.isEmpty()
                    || ministry.isEmpty()
                    || id("SELECT id FROM incident WHERE external_ref = '" + PORTAL_REF + "'")
                            .isPresent()) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))
                    .truncatedTo(ChronoUnit.MINUTES);
            long defaced = as(
                    "demo.so.canbo",
                    () -> incidents
                            .report(
                                    new IncidentService.CreateRequest(
                                            centre.get(),
                                            portal.get(),
                                            "Trang chủ cổng thông tin Trung tâm Chuyển đổi số bị thay đổi giao diện (demo)",
                                            "Trang chủ hiển thị nội dung lạ từ 06:00; đã tạm chuyển sang trang bảo trì (demo).",
                                            "DEFACE",
                                            now.minusHours(5),
                                            true,
                                            false,
                                            false,
                                            PORTAL_REF),
                                    IncidentSource.UI)
                            .incident()
                            .id());
            as("demo.so.canbo", () -> incidents.share(defaced, IncidentService.ShareTarget.RESPONSE_UNIT));
            as("demo.so.ungcuu", () -> {
                incidents.verify(defaced, "Đã xác minh qua nhật ký máy chủ web: tệp index.php bị ghi đè (demo).");
                return incidents.addTask(
                        defaced,
                        "Khôi phục trang chủ từ bản sao lưu và đổi mật khẩu quản trị CMS (demo)",
                        "Trung tâm Chuyển đổi số (demo)",
                        LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))
                                .plusDays(1));
            });
            as("demo.bo.canbo", () -> {
                long phishing = incidents
                        .report(
                                new IncidentService.CreateRequest(
                                        ministry.get(),
                                        ministryPortal.orElse(null),
                                        "Thư điện tử giả mạo gửi cán bộ Bộ để lấy mật khẩu (demo)",
                                        "12 cán bộ nhận thư giả mạo thông báo đổi mật khẩu thư công vụ; 2 người đã bấm liên kết (demo).",
                                        "PHISHING",
                                        now.minusHours(20),
                                        false,
                                        false,
                                        false,
                                        MINISTRY_REF),
                                IncidentSource.UI)
                        .incident()
                        .id();
                incidents.verify(phishing, "Xác minh: tên miền giả mạo đăng ký 3 ngày trước (demo).");
                return phishing;
            });
            LOG.warn(
                    "Demo case work seeded: a verified defacement for the responder to contain, a ministry phishing case.");
        });
    }

    /**
     * The demo incident's record (issue 12, case work): the HIS application server as the affected component, and
     * links to an open finding of the HIS and to a warning the hospital received for it, made by the hospital's
     * officer. Runs while the demo incident has no link.
     */
    private void seedCaseRecord() {
        Optional<Long> incident = id("SELECT id FROM incident WHERE external_ref = '" + REF + "'");
        Optional<Long> his = id("SELECT id FROM information_system WHERE code = 'DEMO-HIS'");
        if (incident.isEmpty()
                || his.isEmpty()
                || id("SELECT id FROM incident_link WHERE incident_id = " + incident.get() + " ORDER BY id LIMIT 1")
                        .isPresent()) {
            return;
        }
        long id = incident.get();
        as("demo.bv.canbo", () -> {
            Optional<Long> component =
                    id("SELECT id FROM system_component WHERE system_id = " + his.get() + " ORDER BY id LIMIT 1");
            links.addAffectedSystem(id, his.get(), component.map(List::of).orElse(List.of()));
            IncidentLinkService.Candidates candidates = links.candidates(id);
            candidates.findings().stream()
                    .findFirst()
                    .ifPresent(f -> links.link(id, new IncidentLinkService.LinkRequest(f.id(), null, null)));
            candidates.warnings().stream()
                    .findFirst()
                    .ifPresent(w -> links.link(id, new IncidentLinkService.LinkRequest(null, w.id(), null)));
            return id;
        });
        LOG.warn("Demo incident record seeded: affected component and links to a finding and a warning.");
    }

    /**
     * The province's response team (R26), set up by its response unit where {@code demo.so.ungcuu} works: the
     * establishment decision, three members (the responder, the unit's officer and an outsourced expert) with skills
     * and certificates, a weekly on-call rotation that started yesterday (so someone is on call now), and a
     * threat-hunting campaign whose finding became a remediation task of the document system. Runs while the province
     * has no team.
     */
    private void seedTeamAndHunting() {
        Optional<Long> tinh = org("DEMO-TINH");
        Optional<Long> so = org("DEMO-SO-KHCN");
        Optional<Long> qlvb = id("SELECT id FROM information_system WHERE code = 'DEMO-QLVB'");
        if (tinh.isEmpty()
                || so.isEmpty()
                || qlvb.isEmpty()
                || id("SELECT id FROM response_team WHERE organization_id = " + tinh.get())
                        .isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        long responder = person("demo.so.ungcuu");
        long officer = person("demo.so.canbo");
        as("demo.so.ungcuu", () -> {
            long team = teams.create(new TeamService.TeamRequest(
                    tinh.get(),
                    so.get(),
                    "Đội ứng cứu sự cố an toàn thông tin mạng tỉnh Demo (demo)",
                    "1234/QĐ-UBND",
                    today.minusYears(2).withDayOfMonth(15)));
            long lead = teams.addMember(
                    team,
                    new TeamService.MemberRequest(
                            officer,
                            null,
                            null,
                            "0912 000 111",
                            "canbo@demo.invalid",
                            "LEAD",
                            List.of(
                                    new TeamService.SkillRequest(
                                            "INCIDENT_HANDLING", "GIAC GCIH", "GCIH-0001", today.plusYears(2)),
                                    new TeamService.SkillRequest("COORDINATION", null, null, null))));
            long member = teams.addMember(
                    team,
                    new TeamService.MemberRequest(
                            responder,
                            null,
                            null,
                            "0912 000 222",
                            "ungcuu@demo.invalid",
                            "CONTACT",
                            List.of(
                                    new TeamService.SkillRequest(
                                            "MONITORING", "CompTIA CySA+", "CYSA-0002", today.plusYears(1)),
                                    new TeamService.SkillRequest(
                                            "THREAT_HUNTING", "EC-Council CTIA", "CTIA-0003", today.plusMonths(8)))));
            long expert = teams.addMember(
                    team,
                    new TeamService.MemberRequest(
                            null,
                            "Lương Văn Chuyên (demo)",
                            "Công ty An ninh mạng Demo (demo)",
                            "0988 000 333",
                            "chuyengia@demo.invalid",
                            "EXPERT",
                            List.of(
                                    new TeamService.SkillRequest(
                                            "FORENSICS", "GIAC GCFA", "GCFA-0004", today.plusYears(1)),
                                    new TeamService.SkillRequest(
                                            "MALWARE_ANALYSIS", "GIAC GREM", "GREM-0005", today.minusMonths(1)))));
            int shifts = teams.rotate(
                    team, new TeamService.RotationRequest(List.of(member, lead, expert), today.minusDays(1), 7, 2));
            // The lead's certificate as a file, and an expert whose contract ended: kept among former members.
            teams.uploadCertificate(
                    team, lead, "INCIDENT_HANDLING", "GCIH-0001 (demo).pdf", demoCertificate("GIAC GCIH GCIH-0001"));
            long former = teams.addMember(
                    team,
                    new TeamService.MemberRequest(
                            null,
                            "Trịnh Văn Cũ (demo)",
                            "Công ty An ninh mạng Demo (demo)",
                            "0988 000 444",
                            null,
                            "EXPERT",
                            List.of()));
            teams.removeMember(team, former, new TeamService.MemberEnd(today, "Hết hợp đồng thuê chuyên gia (demo)"));
            return shifts;
        });
        as(
                "demo.so.canbo",
                () -> hunting.record(new HuntingService.CampaignRequest(
                        so.get(),
                        "Săn lùng dấu hiệu khai thác Apache Tomcat trên hệ thống văn bản (demo)",
                        "Máy chủ qlvb-app-01 và nhật ký truy cập 90 ngày của hệ thống quản lý văn bản (demo)",
                        "Kẻ tấn công đã khai thác lỗ hổng Tomcat được cảnh báo để cài web shell (demo)",
                        "Rà soát nhật ký truy cập, so khớp mã băm tệp JSP với bản phát hành, YARA (demo)",
                        today.minusDays(10),
                        today.minusDays(3),
                        "Không thấy web shell; phát hiện trang quản trị Tomcat mở ra Internet (demo)",
                        List.of(new HuntingService.FindingRequest(
                                "Đóng trang quản trị Tomcat (/manager) với Internet (demo)",
                                qlvb.get(),
                                "Trung tâm Chuyển đổi số (demo)",
                                today.plusDays(14))))));
        LOG.warn("Demo response team seeded: roster, on-call rotation and a threat-hunting campaign.");
    }

    /** A one-page PDF standing for a scanned certificate. */
    private static byte[] demoCertificate(String text) {
        String stream = "BT /F1 18 Tf 72 720 Td (" + text + " - demo) Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R"
                + "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length " + stream.length() + ">>stream\n" + stream + "\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    private long person(String username) {
        return DemoSeeds.person(jdbc, username).orElseThrow();
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
        return DemoSeeds.as(jdbc, username, action);
    }

    private Optional<Long> org(String code) {
        return DemoSeeds.organization(jdbc, code);
    }

    private Optional<Long> id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional();
    }
}
