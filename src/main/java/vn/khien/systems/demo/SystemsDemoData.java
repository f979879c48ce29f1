package vn.khien.systems.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.identity.DemoSeeds;
import vn.khien.organizations.OrgKind;
import vn.khien.organizations.OrganizationForm;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.KhienProperties;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.SecurityRegulations;
import vn.khien.systems.SystemsDemoReady;
import vn.khien.systems.classification.authority.AuthorityRole;
import vn.khien.systems.dossier.ActionRequest;
import vn.khien.systems.dossier.AuthorityDirectory;
import vn.khien.systems.dossier.Dossier;
import vn.khien.systems.dossier.DossierAction;
import vn.khien.systems.dossier.DossierService;
import vn.khien.systems.levels.ClassificationRequest;
import vn.khien.systems.levels.ClassificationService;
import vn.khien.systems.operators.OperatorService;
import vn.khien.systems.register.ComponentKind;
import vn.khien.systems.register.ComponentRequest;
import vn.khien.systems.register.HostingKind;
import vn.khien.systems.register.InformationKind;
import vn.khien.systems.register.SupplierAccess;
import vn.khien.systems.register.SupplierRequest;
import vn.khien.systems.register.SystemRequest;
import vn.khien.systems.register.SystemService;
import vn.khien.systems.register.SystemType;

/**
 * The systems side of the {@code --demo} seed: authority designations for the demo ministry and province and a
 * handful of realistic systems, taken through the real services as the demo people would (so the audit trail, the
 * deadlines and the {@code SystemLevelApproved} event are those of real use). Runs once the application is ready —
 * after identity's {@code Bootstrap} has seeded the demo organisations and people — only in demo mode and only while
 * no demo system exists. Identity knows nothing of it.
 */
@Component
public class SystemsDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(SystemsDemoData.class);
    private static final LocalDate OPERATING_SINCE = LocalDate.of(2021, 1, 4);
    public static final String DEMO_SUFFIX = "(demo)";

    private final KhienProperties properties;
    private final Environment environment;
    private final ApplicationArguments arguments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuthorityDirectory directory;
    private final SystemService systems;
    private final ClassificationService classifications;
    private final DossierService dossiers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecurityRegulations regulations;
    private final OrganizationService organizations;

    public SystemsDemoData(
            KhienProperties properties,
            Environment environment,
            ApplicationArguments arguments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuthorityDirectory directory,
            SystemService systems,
            ClassificationService classifications,
            DossierService dossiers,
            ApplicationEventPublisher events,
            Clock clock,
            SecurityRegulations regulations,
            OrganizationService organizations) {
        this.regulations = regulations;
        this.organizations = organizations;
        this.events = events;
        this.properties = properties;
        this.environment = environment;
        this.arguments = arguments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.systems = systems;
        this.classifications = classifications;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedWhenReady() {
        if (!DemoSeeds.requested(properties, arguments, environment)) {
            return;
        }
        boolean ready = DemoSeeds.lockedAnswering(tx, jdbc, () -> {
            if (org("DEMO-BO").isEmpty() || org("DEMO-TINH").isEmpty()) {
                return false;
            }
            long existing = jdbc.sql("SELECT COUNT(*) FROM information_system WHERE name LIKE :n")
                    .param("n", "%" + DEMO_SUFFIX)
                    .query(Long.class)
                    .single();
            if (existing == 0) {
                seed();
                registeredWhenTheyStartedOperating();
                LOG.warn("Demo systems seeded: designations for the demo ministry and province, nine demo systems.");
            }
            return true;
        });
        if (ready) {
            // After the commit, so each later module seeds in its own transaction over committed register data.
            events.publishEvent(new SystemsDemoReady());
        }
    }

    private void seed() {
        long bo = org("DEMO-BO").orElseThrow();
        long boCntt = org("DEMO-BO-TTCNTT").orElseThrow();
        long boCuc = org("DEMO-BO-CUC").orElseThrow();
        long tinh = org("DEMO-TINH").orElseThrow();
        long soKhcn = org("DEMO-SO-KHCN").orElseThrow();
        long ttcds = org("DEMO-TTCDS").orElseThrow();
        long bv = org("DEMO-BVDK").orElseThrow();

        long root = DemoSeeds.root(jdbc).orElseThrow();
        long nationalBody = org("DEMO-TTANM").orElseThrow();
        as("demo.quantri", () -> {
            // Nearest designation above the owner wins: one at the root serves levels 4-5 everywhere.
            directory.designate(root, AuthorityRole.NATIONAL_COMPETENT_BODY, nationalBody);
            directory.designate(bo, AuthorityRole.OWNER_SECURITY_UNIT, boCntt);
            // The ministry's IT centre is its security unit and also runs the portal: an independent appraiser.
            directory.designate(bo, AuthorityRole.INDEPENDENT_APPRAISER, boCuc);
            return null;
        });
        as("demo.tinh.quantri", () -> directory.designate(tinh, AuthorityRole.OWNER_SECURITY_UNIT, soKhcn));

        // 1. Hospital information system: approved at level 3 through the whole workflow.
        long his = as("demo.bv.canbo", () -> {
            long id = system(
                    "DEMO-HIS",
                    "Hệ thống thông tin bệnh viện HIS - Bệnh viện Đa khoa tỉnh Demo (demo)",
                    "Quản lý khám chữa bệnh, hồ sơ bệnh án, viện phí và kết nối giám định bảo hiểm y tế",
                    bv,
                    bv,
                    SystemType.CITIZEN_BUSINESS,
                    List.of(InformationKind.PRIVATE, InformationKind.PERSONAL, InformationKind.SENSITIVE_PERSONAL),
                    650L,
                    280_000L,
                    HostingKind.OWN_PREMISES,
                    null,
                    false);
            host(id, "his-app-01", "10.20.1.11, 10.20.1.12", "Windows Server 2019 Standard");
            host(id, "his-db-01", "10.20.1.21", "Oracle Linux 8.9");
            app(id, "Cổng đặt lịch khám trực tuyến", "https://datlich.bvdk.demo.invalid");
            software(
                    id,
                    "Oracle Database",
                    "oracle",
                    "database_server",
                    "19c",
                    "cpe:2.3:a:oracle:database_server:19c:*:*:*:*:*:*:*",
                    null);
            software(
                    id,
                    "Microsoft IIS",
                    "microsoft",
                    "internet_information_services",
                    "10.0",
                    "cpe:2.3:a:microsoft:internet_information_services:10.0:*:*:*:*:*:*:*",
                    null);
            supplier(
                    id,
                    "Công ty phần mềm y tế Demo (demo)",
                    "Phát triển, bảo trì phần mềm HIS",
                    SupplierAccess.REMOTE_ADMIN);
            classify(
                    id,
                    Map.of(
                            "system_type",
                            "CITIZEN_BUSINESS",
                            "info_types",
                            List.of("PRIVATE", "PERSONAL"),
                            "serves_defence_security",
                            false,
                            "online_service_business_line",
                            "NOT_CONDITIONAL",
                            "handles_administrative_procedures",
                            false,
                            "basic_pd_subjects",
                            280_000,
                            "sensitive_pd_subjects",
                            280_000,
                            "national_egov_system",
                            false,
                            "centralised_national_data",
                            false));
            long dossier = openDossier(id, "bệnh viện");
            act(dossier, DossierAction.SUBMIT, new ActionRequest());
            return id;
        });
        long hisDossier =
                as("demo.bv.canbo", () -> dossiers.forSystem(his).get(0).id());
        as(
                "demo.so.canbo",
                () -> act(
                        hisDossier,
                        DossierAction.APPRAISE,
                        comment(
                                "Hồ sơ đầy đủ; cấp độ 3 phù hợp với tiêu chí NĐ 331/2026 Đ13; phương án đáp ứng yêu cầu.")));
        // The security regulation is issued before the level is approved (TT 12/2022 Đ9.7; NĐ 331/2026 Đ30.7).
        as(
                "demo.bv.canbo",
                () -> regulations.record(
                        his,
                        "Quy chế bảo đảm an toàn hệ thống thông tin HIS - Bệnh viện Đa khoa tỉnh Demo (demo)",
                        "87/QĐ-BVĐK (demo)",
                        today().minusDays(3),
                        "Giám đốc Bệnh viện Đa khoa tỉnh Demo (demo)"));
        as("demo.tinh.lanhdao", () -> {
            ActionRequest r = new ActionRequest();
            r.setDecisionNumber("125/QĐ-SYT (demo)");
            r.setDecisionDate(today());
            r.setDecisionSigner("Đặng Văn Đạo (demo)");
            return act(hisDossier, DossierAction.APPROVE, r);
        });

        // 2. Provincial public-service portal: dossier submitted, waiting for appraisal.
        long dvcId = as(
                "demo.tinh.lanhdao",
                () -> system(
                        "DEMO-DVC",
                        "Cổng dịch vụ công tỉnh Demo (demo)",
                        "Tiếp nhận, giải quyết thủ tục hành chính trực tuyến cho người dân, doanh nghiệp của tỉnh",
                        tinh,
                        ttcds,
                        SystemType.CITIZEN_BUSINESS,
                        List.of(InformationKind.PUBLIC, InformationKind.PERSONAL),
                        1_200L,
                        450_000L,
                        HostingKind.DATA_CENTRE,
                        "Trung tâm dữ liệu tỉnh Demo (demo)",
                        false));
        as("demo.so.canbo", () -> {
            long id = dvcId;
            host(id, "dvc-web-01", "10.10.1.11", "Ubuntu 22.04 LTS");
            host(id, "dvc-db-01", "10.10.1.21", "Ubuntu 22.04 LTS");
            app(id, "Cổng dịch vụ công", "https://dichvucong.demo.invalid");
            software(id, "nginx", "f5", "nginx", "1.24.0", "cpe:2.3:a:f5:nginx:1.24.0:*:*:*:*:*:*:*", null);
            software(
                    id,
                    "PostgreSQL",
                    "postgresql",
                    "postgresql",
                    "15.4",
                    "cpe:2.3:a:postgresql:postgresql:15.4:*:*:*:*:*:*:*",
                    null);
            software(
                    id,
                    "Keycloak",
                    "redhat",
                    "keycloak",
                    "22.0.5",
                    "cpe:2.3:a:redhat:keycloak:22.0.5:*:*:*:*:*:*:*",
                    "pkg:maven/org.keycloak/keycloak-core@22.0.5");
            classify(
                    id,
                    Map.of(
                            "system_type",
                            "CITIZEN_BUSINESS",
                            "info_types",
                            List.of("PUBLIC", "PERSONAL"),
                            "serves_defence_security",
                            false,
                            "online_service_business_line",
                            "NOT_CONDITIONAL",
                            "handles_administrative_procedures",
                            true,
                            "basic_pd_subjects",
                            450_000,
                            "sensitive_pd_subjects",
                            0,
                            "national_egov_system",
                            false,
                            "centralised_national_data",
                            false));
            long dossier = openDossier(id, "cổng dịch vụ công");
            return act(dossier, DossierAction.SUBMIT, new ActionRequest());
        });

        // 3. Document management and executive system: a dossier being drafted.
        long qlvbId = as(
                "demo.tinh.lanhdao",
                () -> system(
                        "DEMO-QLVB",
                        "Hệ thống quản lý văn bản và điều hành tỉnh Demo (demo)",
                        "Quản lý văn bản đến, văn bản đi, hồ sơ công việc và chữ ký số của các cơ quan trong tỉnh",
                        tinh,
                        ttcds,
                        SystemType.INTERNAL,
                        List.of(InformationKind.PRIVATE, InformationKind.PERSONAL),
                        3_500L,
                        null,
                        HostingKind.DATA_CENTRE,
                        "Trung tâm dữ liệu tỉnh Demo (demo)",
                        false));
        as("demo.so.canbo", () -> {
            long id = qlvbId;
            host(id, "qlvb-app-01", "10.10.2.11", "Red Hat Enterprise Linux 8.8");
            app(id, "Quản lý văn bản điều hành", "https://qlvb.demo.invalid");
            software(
                    id,
                    "Apache Tomcat",
                    "apache",
                    "tomcat",
                    "9.0.80",
                    "cpe:2.3:a:apache:tomcat:9.0.80:*:*:*:*:*:*:*",
                    "pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.80");
            classify(id, internalAnswers());
            Dossier d = dossiers.create(id);
            dossiers.savePart(
                    d.id(), "OVERVIEW", "Hệ thống quản lý văn bản và điều hành dùng chung của tỉnh Demo (demo).");
            return id;
        });

        // 4. Official e-mail: classified, no dossier yet (a demo officer opens one).
        long mailId = as(
                "demo.tinh.lanhdao",
                () -> system(
                        "DEMO-MAIL",
                        "Hệ thống thư điện tử công vụ tỉnh Demo (demo)",
                        "Thư điện tử công vụ cho cán bộ, công chức, viên chức của tỉnh",
                        tinh,
                        ttcds,
                        SystemType.INTERNAL,
                        List.of(InformationKind.PRIVATE, InformationKind.PERSONAL),
                        8_000L,
                        null,
                        HostingKind.DATA_CENTRE,
                        "Trung tâm dữ liệu tỉnh Demo (demo)",
                        false));
        as("demo.so.canbo", () -> {
            long id = mailId;
            host(id, "mail-01", "10.10.3.11", "Rocky Linux 9.3");
            app(id, "Webmail công vụ", "https://mail.demo.invalid");
            software(
                    id,
                    "Zimbra Collaboration",
                    "zimbra",
                    "collaboration",
                    "9.0.0",
                    "cpe:2.3:a:zimbra:collaboration:9.0.0:*:*:*:*:*:*:*",
                    null);
            classify(id, internalAnswers());
            return id;
        });

        // 6. The ministry's sector database at level 4, submitted to the national competent body: the national
        //    appraiser (demo.quocgia.thamdinh) has it to appraise, with the legal limit of NĐ 331/2026 Đ23.
        as("demo.bo.canbo", () -> {
            long id = system(
                    "DEMO-CSDL-BO",
                    "Cơ sở dữ liệu chuyên ngành Bộ Demo (demo)",
                    "Lưu trữ, chia sẻ dữ liệu chuyên ngành cho các cơ quan trên toàn quốc, vận hành 24/7",
                    bo,
                    boCntt,
                    SystemType.INFRASTRUCTURE,
                    List.of(InformationKind.PRIVATE, InformationKind.PERSONAL),
                    20_000L,
                    null,
                    HostingKind.DATA_CENTRE,
                    "Trung tâm dữ liệu Bộ Demo (demo)",
                    false);
            host(id, "csdl-db-01", "10.30.1.21", "Red Hat Enterprise Linux 9.3");
            classify(
                    id,
                    Map.of(
                            "system_type",
                            "INFRASTRUCTURE",
                            "info_types",
                            List.of("PRIVATE", "PERSONAL"),
                            "serves_defence_security",
                            false,
                            "infrastructure_scope",
                            "NATIONWIDE",
                            "requires_24x7",
                            true,
                            "handles_administrative_procedures",
                            false,
                            "national_egov_system",
                            false,
                            "centralised_national_data",
                            false));
            long dossier = openDossier(id, "cơ sở dữ liệu chuyên ngành");
            return act(dossier, DossierAction.SUBMIT, new ActionRequest());
        });

        // 7. The level-5 path (NĐ 331/2026 Đ16–17, Đ20.3–20.4, Đ24): the ministry's data-exchange platform meets the
        //    level-4 criteria, but the ministry asked for it to be put on the list of systems critical to national
        //    security, so its dossier follows the level-5 procedure. The national body (demo.quocgia.thamdinh) has
        //    appraised it, the minister's decision approving the level-5 plan (Mẫu 07) is recorded, and the Prime
        //    Minister's decision on the list is still pending: the level cannot be approved before it is recorded
        //    (demo.bo.lanhdao records it, then approves).
        long government = governmentOffice(root);
        as("demo.quantri", () -> directory.designate(root, AuthorityRole.PRIME_MINISTER, government));
        long platformDossier = as("demo.bo.canbo", () -> {
            long id = system(
                    "DEMO-NDXP-BO",
                    "Nền tảng chia sẻ, tích hợp dữ liệu ngành Demo (demo)",
                    "Kết nối, chia sẻ dữ liệu giữa các hệ thống của ngành trên toàn quốc, vận hành 24/7",
                    bo,
                    boCntt,
                    SystemType.INFRASTRUCTURE,
                    List.of(InformationKind.PRIVATE, InformationKind.PERSONAL),
                    50_000L,
                    null,
                    HostingKind.DATA_CENTRE,
                    "Trung tâm dữ liệu Bộ Demo (demo)",
                    false);
            host(id, "ndxp-gw-01", "10.30.2.11", "Red Hat Enterprise Linux 9.3");
            classify(
                    id,
                    Map.of(
                            "system_type",
                            "INFRASTRUCTURE",
                            "info_types",
                            List.of("PRIVATE", "PERSONAL"),
                            "serves_defence_security",
                            false,
                            "infrastructure_scope",
                            "NATIONWIDE",
                            "requires_24x7",
                            true,
                            "handles_administrative_procedures",
                            false,
                            "national_egov_system",
                            false,
                            "centralised_national_data",
                            false));
            // The owner's self-screening and request (Đ16–17; Mẫu 02 footnote), before the dossier is opened.
            dossiers.requestCriticalList(
                    id,
                    "Nền tảng kết nối dữ liệu của toàn ngành; gián đoạn hoặc bị tấn công ảnh"
                            + " hưởng đến an ninh quốc gia theo tiêu chí tự đánh giá (demo).");
            long dossier = openDossier(id, "nền tảng chia sẻ dữ liệu");
            act(dossier, DossierAction.SUBMIT, new ActionRequest());
            return dossier;
        });
        as(
                "demo.quocgia.thamdinh",
                () -> act(
                        platformDossier,
                        DossierAction.APPRAISE,
                        comment(
                                "Hồ sơ đầy đủ; hệ thống thuộc diện đề nghị đưa vào Danh mục hệ thống thông tin quan trọng về an ninh"
                                        + " quốc gia, áp dụng trình tự cấp độ 5 (NĐ 331/2026 Đ20.4) (demo).")));
        as(
                "demo.bo.lanhdao",
                () -> dossiers.recordDecision(
                        platformDossier,
                        "owner-level5-plan",
                        "15/QĐ-BDEMO (demo)",
                        today(),
                        "Bộ trưởng Bộ Demo (demo)"));

        // 5. The ministry's portal: registered, run by the ministry's IT centre (its security unit).
        as("demo.bo.canbo", () -> {
            long id = system(
                    "DEMO-CTTDT-BO",
                    "Cổng thông tin điện tử Bộ Demo (demo)",
                    "Công bố thông tin, văn bản quy phạm pháp luật và tin tức của Bộ",
                    bo,
                    boCntt,
                    SystemType.CITIZEN_BUSINESS,
                    List.of(InformationKind.PUBLIC),
                    50L,
                    null,
                    HostingKind.CLOUD,
                    "Nhà cung cấp điện toán đám mây Demo (demo)",
                    true);
            host(id, "cttdt-web-01", "203.0.113.10", "Ubuntu 24.04 LTS");
            app(id, "Cổng thông tin điện tử", "https://bo.demo.invalid");
            software(
                    id,
                    "WordPress",
                    "wordpress",
                    "wordpress",
                    "6.4.3",
                    "cpe:2.3:a:wordpress:wordpress:6.4.3:*:*:*:*:*:*:*",
                    null);
            supplier(id, "Nhà cung cấp điện toán đám mây Demo (demo)", "Hạ tầng máy chủ ảo", SupplierAccess.PHYSICAL);
            return id;
        });

        // 7. The digital transformation centre's own two web systems, both running Apache HTTP Server versions that the
        //    province's security unit warns about (the warnings demo publishes that warning): one to fix, one late.
        for (String[] web : new String[][] {
            {"DEMO-TTCDS-WEB", "Cổng thông tin điện tử Trung tâm Chuyển đổi số (demo)", "2.4.49"},
            {"DEMO-TTCDS-MOTCUA", "Hệ thống một cửa điện tử của Trung tâm Chuyển đổi số (demo)", "2.4.50"}
        }) {
            as("demo.so.canbo", () -> {
                long id = system(
                        web[0],
                        web[1],
                        "Hệ thống thông tin phục vụ công việc của Trung tâm Chuyển đổi số",
                        ttcds,
                        ttcds,
                        SystemType.INTERNAL,
                        List.of(InformationKind.PUBLIC),
                        40L,
                        null,
                        HostingKind.DATA_CENTRE,
                        "Trung tâm dữ liệu tỉnh Demo (demo)",
                        false);
                software(
                        id,
                        "Apache HTTP Server",
                        "apache",
                        "http_server",
                        web[2],
                        "cpe:2.3:a:apache:http_server:" + web[2] + ":*:*:*:*:*:*:*",
                        null);
                return id;
            });
        }

        // Issue 10: the ministry's IT centre publishes itself as an operator provider; the hospital proposed the
        // province's digital transformation centre (outside its subtree) to operate its HIS, waiting for
        // demo.so.canbo (security officer above that centre) to accept or decline.
        if (operators != null) {
            as("demo.quantri", () -> {
                operators.publish(boCntt);
                return null;
            });
            as(
                    "demo.bv.canbo",
                    () -> operators.propose(
                            his,
                            ttcds,
                            "Đề nghị Trung tâm Chuyển đổi số vận hành hạ tầng máy chủ của HIS tại trung tâm dữ liệu tỉnh"
                                    + " (demo)"));
        }
    }

    // issue 10 (operators): setter keeps the constructor as it was
    private OperatorService operators;

    @Autowired
    void setOperators(OperatorService operators) {
        this.operators = operators;
    }

    private static Map<String, Object> internalAnswers() {
        return Map.of(
                "system_type",
                "INTERNAL",
                "info_types",
                List.of("PRIVATE", "PERSONAL"),
                "serves_defence_security",
                false,
                "handles_administrative_procedures",
                false,
                "national_egov_system",
                false,
                "centralised_national_data",
                false);
    }

    /**
     * The demo systems have operated since 2021 and were on the province's and ministry's registers long before today:
     * their registration date is the day they started operating, so the demo's reports of past quarters (compiled as
     * of the end of the quarter, ADR 0021) count them, as a real register taken over from spreadsheets would.
     */
    private void registeredWhenTheyStartedOperating() {
        jdbc.sql("UPDATE information_system SET created_at = :at WHERE name LIKE :n AND created_at > :at")
                .param(
                        "at",
                        Timestamp.from(OPERATING_SINCE
                                .atTime(8, 0)
                                .atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                                .toInstant()))
                .param("n", "%" + DEMO_SUFFIX)
                .update();
    }

    private long system(
            String code,
            String name,
            String purpose,
            long owner,
            long operator,
            SystemType type,
            List<InformationKind> kinds,
            @Nullable Long users,
            @Nullable Long subjects,
            HostingKind hosting,
            @Nullable String provider,
            boolean securityUnitOperates) {
        SystemRequest r = new SystemRequest();
        r.setCode(code);
        r.setName(name);
        r.setPurpose(purpose);
        r.setOwnerOrganizationId(owner);
        r.setOperatorOrganizationId(operator);
        r.setSystemType(type);
        r.setInformationKinds(kinds);
        r.setUserCount(users);
        r.setDataSubjectCount(subjects);
        r.setHostingKind(hosting);
        r.setHostingProvider(provider);
        r.setOperatingSince(OPERATING_SINCE);
        r.setSecurityUnitOperates(securityUnitOperates);
        return systems.create(r).id();
    }

    private void host(long systemId, String name, String ips, String os) {
        ComponentRequest c = new ComponentRequest();
        c.setKind(ComponentKind.HOST);
        c.setName(name);
        c.setIpAddresses(ips);
        c.setOperatingSystem(os);
        systems.addComponent(systemId, c);
    }

    private void app(long systemId, String name, String url) {
        ComponentRequest c = new ComponentRequest();
        c.setKind(ComponentKind.APPLICATION);
        c.setName(name);
        c.setUrl(url);
        systems.addComponent(systemId, c);
    }

    private void software(
            long systemId,
            String name,
            String vendor,
            String product,
            String version,
            @Nullable String cpe,
            @Nullable String purl) {
        ComponentRequest c = new ComponentRequest();
        c.setKind(ComponentKind.SOFTWARE);
        c.setName(name);
        c.setVendor(vendor);
        c.setProduct(product);
        c.setVersion(version);
        c.setCpe(cpe);
        c.setPurl(purl);
        systems.addComponent(systemId, c);
    }

    private void supplier(long systemId, String name, String provides, SupplierAccess access) {
        SupplierRequest s = new SupplierRequest();
        s.setName(name);
        s.setProvides(provides);
        s.setAccessKind(access);
        s.setContractFrom(LocalDate.of(2024, 1, 1));
        s.setContractTo(LocalDate.of(2026, 12, 31));
        systems.addSupplier(systemId, s);
    }

    private void classify(long systemId, Map<String, Object> answers) {
        ClassificationRequest c = new ClassificationRequest();
        c.setRegime("nd331-2026");
        c.setAnswers(answers);
        classifications.classify(systemId, c);
    }

    /** Opens the dossier and writes every part the regime asks for. */
    private long openDossier(long systemId, String what) {
        Dossier d = dossiers.create(systemId);
        dossiers.partDefinitions(d)
                .forEach(p -> dossiers.savePart(
                        d.id(), p.key(), p.titleVi() + " của " + what + " (nội dung minh hoạ, demo)."));
        return d.id();
    }

    private Dossier act(long dossierId, DossierAction action, ActionRequest r) {
        return dossiers.act(dossierId, action, r);
    }

    private static ActionRequest comment(String text) {
        ActionRequest r = new ActionRequest();
        r.setComment(text);
        return r;
    }

    /** The organisation that records the Prime Minister's decisions in the demo (the PRIME_MINISTER role). */
    private long governmentOffice(long root) {
        return org("DEMO-VPCP").orElseGet(() -> {
            String rootPath = jdbc.sql("SELECT path FROM organization WHERE id = :id")
                    .param("id", root)
                    .query(String.class)
                    .single();
            OrganizationForm f = new OrganizationForm();
            f.setCode("DEMO-VPCP");
            f.setName("Văn phòng Chính phủ (demo)");
            f.setNameEn("Government Office (demo)");
            f.setKind(OrgKind.NATIONAL);
            f.setParentId(root);
            f.setAddress("Địa chỉ minh hoạ (demo)");
            return organizations.seed(f, rootPath, true).id();
        });
    }

    private Optional<Long> org(String code) {
        return DemoSeeds.organization(jdbc, code);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    /** Runs a step as a demo person, so capability checks, self-approval ban and audit see who did it. */
    private <T> T as(String username, Supplier<T> step) {
        return DemoSeeds.as(jdbc, username, step);
    }
}
