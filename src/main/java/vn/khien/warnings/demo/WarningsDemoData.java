package vn.khien.warnings.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
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
import vn.khien.warnings.alerts.WarningService;
import vn.khien.warnings.alerts.WarningService.ProductInput;
import vn.khien.warnings.alerts.WarningService.PublishRequest;

/**
 * The warnings side of {@code --demo}, published through the real service by the national coordinator
 * ({@code demo.dieuphoi}, root) so each persona of the README has work:
 * <ul>
 *   <li>Apache Tomcat (CVE-2023-46589) to the whole tree: reaches the province's document system (DEMO-QLVB), which
 *   the province's leader ({@code demo.tinh.lanhdao}) answers.</li>
 *   <li>FortiOS SSL-VPN (CVE-2024-21762) addressed to the province: no registered system matches, the province
 *   forwards it to its units with its own deadlines.</li>
 *   <li>Oracle Database Server 19c (CVE-2021-2351): its acknowledge-by date has passed while the hospital's HIS has
 *   not answered — overdue for {@code demo.bv.canbo}, listed with the hospital's contact in the coordinator's
 *   follow-up.</li>
 *   <li>One CVE of the HIS's open scan findings (when the vulnerabilities demo seeded them): matched by FINDING, to
 *   answer (a VEX document, or one system at a time).</li>
 * </ul>
 * And the province's security unit ({@code demo.so.canbo}, DEMO-SO-KHCN, a supervising body over its digital
 * transformation centre) warns its own subtree: Apache HTTP Server path traversal (CVE-2021-41773, CVE-2021-42013)
 * reaches the centre's two web systems; one is being fixed (acknowledged, FIXING with a plan date), the other has
 * not answered and is overdue, so the officer has a follow-up to read and a reminder to send.
 * Runs after vulnerabilities ({@code @Order(3)}), once: each part only while its warning does not exist.
 */
@Component
class WarningsDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(WarningsDemoData.class);
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String COORDINATOR = "demo.dieuphoi";
    static final String TOMCAT_TITLE = "Lỗ hổng HTTP request smuggling trong Apache Tomcat (CVE-2023-46589) (demo)";
    static final String SECURITY_UNIT_OFFICER = "demo.so.canbo";
    static final String HTTPD_TITLE =
            "Lỗ hổng duyệt thư mục trong Apache HTTP Server 2.4.49–2.4.50 (CVE-2021-41773) – Sở chuyển tới đơn vị (demo)";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WarningService warnings;
    private final Clock clock;

    public WarningsDemoData(JdbcClient jdbc, TransactionTemplate tx, WarningService warnings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.warnings = warnings;
        this.clock = clock;
    }

    @EventListener
    @Order(3)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        seedNational();
        tx.executeWithoutResult(s -> seedSecurityUnit());
    }

    private void seedNational() {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> root = DemoSeeds.root(jdbc);
            Optional<Long> province = org("DEMO-TINH");
            if (root.isEmpty()
                    || province.isEmpty()
                    || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM warning WHERE title = :t")
                            .param("t", TOMCAT_TITLE))
                    || DemoSeeds.person(jdbc, COORDINATOR).isEmpty()) {
                return;
            }
            seed(root.get(), province.get());
            LOG.warn("Demo warnings seeded: four national warnings published by {}.", COORDINATOR);
        });
    }

    private void seed(long root, long province) {
        LocalDate today = LocalDate.now(clock.withZone(VN));
        as(
                COORDINATOR,
                () -> warnings.publish(new PublishRequest(
                        root,
                        TOMCAT_TITLE,
                        "Apache Tomcat 9.0.0-M1 đến 9.0.82 xử lý sai phần trailer của yêu cầu HTTP quá dài, cho phép tấn công"
                                + " HTTP request smuggling qua reverse proxy (demo).",
                        "HIGH",
                        List.of("CVE-2023-46589"),
                        List.of(cpe("cpe:2.3:a:apache:tomcat:*:*:*:*:*:*:*:*", "9.0.0", "9.0.83")),
                        today.plusDays(5),
                        today.plusDays(20),
                        "AMBER",
                        null,
                        null,
                        "Nâng cấp Apache Tomcat lên 9.0.83 trở lên.",
                        "Chỉ thị 18/CT-TTg (demo)")));
        as(
                COORDINATOR,
                () -> warnings.publish(new PublishRequest(
                        root,
                        "Lỗ hổng thực thi mã từ xa trong FortiOS SSL-VPN (CVE-2024-21762) (demo)",
                        "Lỗi ghi ngoài vùng nhớ trong FortiOS SSL-VPN cho phép thực thi mã từ xa không cần xác thực; đã bị"
                                + " khai thác. Đề nghị tỉnh chuyển tiếp cho các đơn vị trực thuộc đang dùng FortiGate (demo).",
                        "CRITICAL",
                        List.of("CVE-2024-21762"),
                        List.of(
                                cpe("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "7.4.0", "7.4.3"),
                                cpe("cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "7.2.0", "7.2.7")),
                        today.plusDays(3),
                        today.plusDays(10),
                        "GREEN",
                        null,
                        List.of(province),
                        "Nâng cấp FortiOS hoặc tắt SSL-VPN.",
                        "Công điện 33/CĐ-TTg (demo)")));
        as(
                COORDINATOR,
                () -> warnings.publish(new PublishRequest(
                        root,
                        "Lỗ hổng Oracle Database Server 19c (CVE-2021-2351) (demo)",
                        "Lỗ hổng trong thành phần Advanced Networking của Oracle Database Server 12.1.0.2, 12.2.0.1 và 19c"
                                + " cho phép chiếm quyền qua Oracle Net (demo).",
                        "HIGH",
                        List.of("CVE-2021-2351"),
                        List.of(cpe("cpe:2.3:a:oracle:database_server:19c:*:*:*:*:*:*:*", null, null)),
                        today.minusDays(3),
                        today.plusDays(4),
                        "AMBER",
                        null,
                        null,
                        "Áp dụng bản vá Critical Patch Update tháng 7/2021 của Oracle.",
                        "Chỉ thị 18/CT-TTg (demo)")));
        findingCve()
                .ifPresent(cve -> as(
                        COORDINATOR,
                        () -> warnings.publish(new PublishRequest(
                                root,
                                "Cảnh báo lỗ hổng " + cve + " phát hiện qua rà quét (demo)",
                                "Lỗ hổng " + cve
                                        + " được phát hiện trên hệ thống của đơn vị trong lần rà quét gần nhất (demo).",
                                "MEDIUM",
                                List.of(cve),
                                List.of(),
                                today.plusDays(7),
                                today.plusDays(30),
                                "GREEN",
                                null,
                                null,
                                "Khắc phục theo khuyến nghị của nhà sản xuất.",
                                null))));
    }

    /**
     * The security unit's own warning to its subtree, which holds the centre's two web systems (registered by the
     * systems demo).
     */
    private void seedSecurityUnit() {
        Optional<Long> unit = org("DEMO-SO-KHCN");
        Optional<Long> centre = org("DEMO-TTCDS");
        if (unit.isEmpty()
                || centre.isEmpty()
                || DemoSeeds.person(jdbc, SECURITY_UNIT_OFFICER).isEmpty()
                || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM warning WHERE title = :t")
                        .param("t", HTTPD_TITLE))) {
            return;
        }
        Optional<Long> webSystem = system("DEMO-TTCDS-WEB");
        Optional<Long> oneStopSystem = system("DEMO-TTCDS-MOTCUA");
        if (webSystem.isEmpty() || oneStopSystem.isEmpty()) {
            return;
        }
        long web = webSystem.get();
        long oneStop = oneStopSystem.get();
        LocalDate today = LocalDate.now(clock.withZone(VN));
        long id = as(
                        SECURITY_UNIT_OFFICER,
                        () -> warnings.publish(new PublishRequest(
                                unit.get(),
                                HTTPD_TITLE,
                                "Apache HTTP Server 2.4.49 và 2.4.50 cho phép duyệt thư mục và thực thi mã từ xa khi"
                                        + " cấu hình cho phép (CVE-2021-41773, CVE-2021-42013); đã bị khai thác rộng rãi."
                                        + " Sở chuyển tới các đơn vị trực thuộc để rà soát và khắc phục (demo).",
                                "CRITICAL",
                                List.of("CVE-2021-41773", "CVE-2021-42013"),
                                List.of(cpe("cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", "2.4.49", "2.4.51")),
                                today.minusDays(2),
                                today.plusDays(5),
                                "AMBER",
                                null,
                                null,
                                "Nâng cấp Apache HTTP Server lên 2.4.51 trở lên.",
                                "Công điện 33/CĐ-TTg; Chỉ thị 18/CT-TTg (demo)")))
                .id();
        as(
                SECURITY_UNIT_OFFICER,
                () -> warnings.respond(id, new WarningService.ResponseRequest(web, "ACKNOWLEDGED", null, null, null)));
        as(
                SECURITY_UNIT_OFFICER,
                () -> warnings.respond(
                        id,
                        new WarningService.ResponseRequest(
                                web,
                                "FIXING",
                                null,
                                "Đã lên lịch nâng cấp trong khung giờ bảo trì (demo).",
                                today.plusDays(3))));
        LOG.warn(
                "Demo warnings seeded: {} warned its subtree (systems {} fixing, {} overdue).",
                SECURITY_UNIT_OFFICER,
                web,
                oneStop);
    }

    /** One of the centre's web systems, registered by the systems demo through the register's service. */
    private Optional<Long> system(String code) {
        return jdbc.sql("SELECT id FROM information_system WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional();
    }

    /** A CVE of an open finding of the hospital's HIS (seeded by the vulnerabilities demo), if any. */
    private Optional<String> findingCve() {
        return jdbc.sql("""
                SELECT f.cves FROM finding f JOIN information_system s ON s.id = f.system_id
                WHERE s.code = 'DEMO-HIS' AND f.status IN ('OPEN', 'REOPENED') AND f.cves IS NOT NULL
                  AND f.cves NOT LIKE '%CVE-2021-2351%'
                ORDER BY f.id""").query(String.class).list().stream()
                .flatMap(c -> Arrays.stream(c.split(",")))
                .filter(c -> c.matches("CVE-\\d{4}-\\d{4,}"))
                .findFirst();
    }

    private static ProductInput cpe(String cpe, String startIncluding, String endExcluding) {
        return new ProductInput(cpe, startIncluding, null, null, endExcluding, null, null);
    }

    private Optional<Long> org(String code) {
        return DemoSeeds.organization(jdbc, code);
    }

    private <T> T as(String username, Supplier<T> step) {
        return DemoSeeds.as(jdbc, username, step);
    }
}
