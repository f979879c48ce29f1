package vn.khien.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.khien.access.Role;
import vn.khien.organizations.OrgKind;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationForm;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.organizations.OrganizationService;

/**
 * A realistic, clearly marked demo: a ministry and a province under the root, with departments and
 * units, and one person for every role. All demo rows carry demo = true and "(demo)" in their names.
 */
@Component
public class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** Documented in the README; refused in production mode by ProductionModeGuard. */
    public static final String PASSWORD = "Khien@Demo2026";

    private final OrganizationService organizationService;
    private final OrganizationRepository organizations;
    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public DemoData(
            OrganizationService organizationService,
            OrganizationRepository organizations,
            PersonRepository people,
            PasswordEncoder encoder,
            Clock clock) {
        this.organizationService = organizationService;
        this.organizations = organizations;
        this.people = people;
        this.encoder = encoder;
        this.clock = clock;
    }

    void seedOnce(Organization root) {
        if (organizations.findByCode("DEMO-BO").isPresent()) {
            return;
        }
        Map<String, Organization> o = new HashMap<>();
        // Appraises level 4-5 dossiers once designated as the national competent body (systems demo data does it).
        o.put(
                "quocgia",
                org(
                        root,
                        "DEMO-TTANM",
                        "Trung tâm An ninh mạng quốc gia (demo)",
                        "National Cybersecurity Centre (demo)",
                        OrgKind.NATIONAL,
                        true));
        o.put("bo", org(root, "DEMO-BO", "Bộ Demo (demo)", "Demo Ministry (demo)", OrgKind.MINISTRY, true));
        o.put(
                "bo-cntt",
                org(
                        o.get("bo"),
                        "DEMO-BO-TTCNTT",
                        "Trung tâm Công nghệ thông tin - Bộ Demo (demo)",
                        "IT Centre of the Demo Ministry (demo)",
                        OrgKind.DEPARTMENT,
                        true));
        o.put(
                "bo-cuc",
                org(
                        o.get("bo"),
                        "DEMO-BO-CUC",
                        "Cục Quản lý Demo (demo)",
                        "Demo Management Department (demo)",
                        OrgKind.DEPARTMENT,
                        false));
        o.put("tinh", org(root, "DEMO-TINH", "Tỉnh Demo (demo)", "Demo Province (demo)", OrgKind.PROVINCE, true));
        o.put(
                "so",
                org(
                        o.get("tinh"),
                        "DEMO-SO-KHCN",
                        "Sở Khoa học và Công nghệ tỉnh Demo (demo)",
                        "Department of Science and Technology (demo)",
                        OrgKind.DEPARTMENT,
                        true));
        o.put(
                "ttcds",
                org(
                        o.get("so"),
                        "DEMO-TTCDS",
                        "Trung tâm Chuyển đổi số tỉnh Demo (demo)",
                        "Digital Transformation Centre (demo)",
                        OrgKind.UNIT,
                        false));
        o.put(
                "syt",
                org(
                        o.get("tinh"),
                        "DEMO-SO-YT",
                        "Sở Y tế tỉnh Demo (demo)",
                        "Department of Health (demo)",
                        OrgKind.DEPARTMENT,
                        false));
        o.put(
                "bv",
                org(
                        o.get("syt"),
                        "DEMO-BVDK",
                        "Bệnh viện Đa khoa tỉnh Demo (demo)",
                        "Provincial General Hospital (demo)",
                        OrgKind.UNIT,
                        false));
        o.put(
                "xa",
                org(
                        o.get("tinh"),
                        "DEMO-XA-AN-PHU",
                        "UBND xã An Phú (demo)",
                        "An Phu Commune (demo)",
                        OrgKind.UNIT,
                        false));

        person("demo.quantri", "Nguyễn Văn Quản (demo)", root, Role.PLATFORM_ADMIN);
        person("demo.dieuphoi", "Trần Thị Điều (demo)", root, Role.SECURITY_OFFICER);
        person("demo.quocgia.thamdinh", "Phan Văn Định (demo)", o.get("quocgia"), Role.SECURITY_OFFICER);
        person("demo.bo.canbo", "Lê Minh Bộ (demo)", o.get("bo"), Role.SECURITY_OFFICER);
        person("demo.bo.lanhdao", "Phạm Quốc Lãnh (demo)", o.get("bo"), Role.LEADER);
        person("demo.tinh.quantri", "Hoàng Thu Trị (demo)", o.get("tinh"), Role.ORG_ADMIN);
        person("demo.tinh.lanhdao", "Đặng Văn Đạo (demo)", o.get("tinh"), Role.LEADER);
        person("demo.so.canbo", "Võ Thị Cán (demo)", o.get("so"), Role.SECURITY_OFFICER);
        person("demo.so.ungcuu", "Bùi Đức Cứu (demo)", o.get("so"), Role.INCIDENT_RESPONDER);
        person("demo.thanhtra", "Đỗ Thanh Tra (demo)", o.get("tinh"), Role.AUDITOR);
        person("demo.bv.canbo", "Ngô Thị Viện (demo)", o.get("bv"), Role.SECURITY_OFFICER);
        LOG.warn("Demo data seeded: people demo.* with password {} (demo only, never in production).", PASSWORD);
    }

    /**
     * A demo person with a past, for the demo seeders of other features: created at {@code created} (marked demo, with
     * the demo password and the address {@code <username>@demo.invalid}), last signed in at {@code lastSignIn}, holding
     * {@code role} on {@code organizationId} granted at {@code grantedAt} by {@code grantedBy} (null: no grantor
     * recorded, as for a grant that came with the bootstrap or an import). Returns the person's id.
     */
    public long personWithHistory(
            String username,
            String displayName,
            Instant created,
            Instant lastSignIn,
            long organizationId,
            Role role,
            Instant grantedAt,
            @Nullable Long grantedBy) {
        long id = people.insert(
                username, encoder.encode(PASSWORD), displayName, username + "@demo.invalid", true, created);
        people.recordSignIn(id, lastSignIn);
        people.grant(id, organizationId, role, grantedAt, grantedBy);
        return id;
    }

    private Organization org(Organization parent, String code, String vi, String en, OrgKind kind, boolean contact) {
        OrganizationForm f = new OrganizationForm();
        f.setCode(code);
        f.setName(vi);
        f.setNameEn(en);
        f.setKind(kind);
        f.setParentId(parent.id());
        f.setAddress("Địa chỉ minh hoạ (demo)");
        if (contact) {
            f.setContactPerson("Đầu mối ứng cứu sự cố (demo)");
            f.setContactPhone("0900 000 000");
            f.setContactEmail(code.toLowerCase() + "@demo.invalid");
            f.setContactConfirmedOn(LocalDate.now(clock));
            f.setContactPublic(true);
        }
        return organizationService.seed(f, parent.path(), true);
    }

    private void person(String username, String name, Organization org, Role role) {
        long id = people.insert(
                username, encoder.encode(PASSWORD), name, username + "@demo.invalid", true, clock.instant());
        people.grant(id, org.id(), role, clock.instant());
    }
}
