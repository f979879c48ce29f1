package vn.khien.scale;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import vn.khien.scale.NationalDataSet.Org;

/**
 * The third-wave tables of the national data set, written after the warnings and incidents from a random source split
 * off the main one (so the earlier tables are unchanged for a seed): drills of systems, incident-response plans,
 * the response teams of ministries and provinces, threat-hunting campaigns, incident-response network member profiles,
 * periodic reports at every status (frozen snapshots for the submitted ones, in the reports module's format), and the
 * obligations data — budget plans with their security line around 10 %, suppliers and their assessments, awareness
 * campaigns with rounds, deliveries and acknowledgements, and training records.
 */
final class ThirdWave {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);

    /**
     * The figures of the report kinds, in the order of {@code rules/reports/report-kinds.yaml} (version 2026.12). The
     * two that no figure source provides today are frozen as NULL ("không có dữ liệu"), as the compiler freezes them.
     */
    static final List<String> QUARTERLY_FIGURES = List.of(
            "systemsTotal",
            "systemsOperating",
            "systemsApproved",
            "systemsOperatingApproved",
            "systemsLevel1",
            "systemsLevel2",
            "systemsLevel3",
            "systemsLevel4",
            "systemsLevel5",
            "dossiersLate",
            "plansDerived",
            "plansFullyDeployed",
            "securityRegulations",
            "assessmentsDone",
            "assessmentsDue",
            "systemsScannedSixMonths",
            "findingsOpenCritical",
            "findingsOpenHigh",
            "findingsOverdue",
            "findingsOverdueCriticalHigh",
            "warningsReceived",
            "warningsAcknowledged",
            "warningsFixed",
            "incidentsTotal",
            "incidentsOpen",
            "drillsLevel3Plus",
            "budgetItTotal",
            "budgetSecurity");

    static final List<String> ANNUAL_FIGURES = List.of(
            "systemsTotal",
            "systemsApproved",
            "systemsLevel1",
            "systemsLevel2",
            "systemsLevel3",
            "systemsLevel4",
            "systemsLevel5",
            "dossiersLate",
            "plansDerived",
            "plansFullyDeployed",
            "securityRegulations",
            "assessmentsDone",
            "assessmentsDue",
            "systemsScannedSixMonths",
            "findingsOpenCritical",
            "findingsOpenHigh",
            "findingsOverdue");

    static final List<String> SUPPLIERS = List.of(
            "Công ty Cổ phần Giải pháp Công nghệ An Phát",
            "Công ty TNHH Hệ thống Thông tin Sao Việt",
            "Công ty Cổ phần An ninh mạng Bình Minh",
            "Công ty TNHH Dịch vụ Điện toán Đám mây Hồng Hà",
            "Công ty Cổ phần Phần mềm Trường Sơn",
            "Trung tâm Dữ liệu Phương Nam",
            "Công ty TNHH Tích hợp Hệ thống Cửu Long",
            "Công ty Cổ phần Viễn thông Tây Nguyên");

    private static final String[] ACCESS = {"NONE", "PHYSICAL", "REMOTE_ADMIN", "DATA_ACCESS", "FULL_OPERATION"};
    private static final String[] TOPICS = {
        "RANSOMWARE", "PHISHING", "PASSWORDS", "DEVICES", "DATA", "INCIDENT_REPORTING"
    };
    private static final String[] COURSES = {
        "Bồi dưỡng kiến thức an toàn thông tin cho cán bộ chuyên trách",
        "Nhận diện thư điện tử lừa đảo",
        "Ứng cứu sự cố an toàn thông tin mạng cơ bản",
        "Quản trị hệ thống an toàn theo cấp độ",
        "Kỹ năng phân tích mã độc"
    };
    private static final String[] SKILLS = {
        "MONITORING",
        "INCIDENT_HANDLING",
        "FORENSICS",
        "MALWARE_ANALYSIS",
        "THREAT_HUNTING",
        "PENETRATION_TESTING",
        "RECOVERY",
        "COORDINATION"
    };
    private static final String[] CERTIFICATES = {
        "CompTIA CySA+", "GIAC GCIH", "EC-Council CHFI", "GIAC GREM", "GIAC GCTI", "OSCP", "CompTIA Security+", null
    };

    private final Connection db;
    private final double scale;
    private final SplittableRandom random;
    private final LocalDate asOf;
    private final OffsetDateTime now;
    private final List<Org> orgs;
    private final List<Org> systemOwners;
    private final List<int[]> systemFacts;
    private final List<long[]> peopleOfOrg;
    /** Systems per organisation (index = org id - 1): system ids. */
    private final List<List<Long>> systemsOf = new ArrayList<>();
    /** Parent organisation index (org id - 1), -1 for the root. */
    private final int[] parent;
    /** Whether an organisation (index = id - 1) has reporting children: it compiles, on the compiler tier's day. */
    private final boolean[] compiler;

    long drills;
    long drillFindings;
    long plans;
    long planSections;
    long teams;
    long members;
    long skills;
    long shifts;
    long campaigns;
    long huntingFindings;
    long profiles;
    long contacts;
    long memberReports;
    long reports;
    long reportFigures;
    long reportSteps;
    long budgets;
    long suppliers;
    long assessments;
    long awarenessCampaigns;
    long rounds;
    long deliveries;
    long trainings;

    ThirdWave(
            Connection db,
            double scale,
            SplittableRandom random,
            LocalDate asOf,
            List<Org> orgs,
            List<Org> systemOwners,
            List<int[]> systemFacts,
            List<long[]> peopleOfOrg) {
        this.db = db;
        this.scale = scale;
        this.random = random;
        this.asOf = asOf;
        this.now = asOf.atTime(8, 0).atOffset(VN);
        this.orgs = orgs;
        this.systemOwners = systemOwners;
        this.systemFacts = systemFacts;
        this.peopleOfOrg = peopleOfOrg;
        this.parent = new int[orgs.size()];
        this.compiler = new boolean[orgs.size()];
        for (int i = 0; i < orgs.size(); i++) {
            systemsOf.add(new ArrayList<>());
            String[] parts = orgs.get(i).path().split("/");
            // "/1/5/9/" splits into "", "1", "5", "9": the parent is the one before the last
            parent[i] = parts.length >= 3 ? Integer.parseInt(parts[parts.length - 2]) - 1 : -1;
        }
        for (int s = 0; s < systemOwners.size(); s++) {
            systemsOf.get((int) systemOwners.get(s).id() - 1).add(s + 1L);
        }
    }

    /** Rows written by this wave, all tables together. */
    long rows() {
        return drills
                + drillFindings
                + plans
                + planSections
                + teams
                + members
                + skills
                + shifts
                + campaigns
                + huntingFindings
                + profiles
                + contacts
                + memberReports
                + reports
                + reportFigures
                + reportSteps
                + budgets
                + suppliers
                + assessments
                + awarenessCampaigns
                + rounds
                + deliveries
                + trainings;
    }

    void write() throws SQLException {
        drills();
        responsePlans();
        responseTeams();
        hunting();
        network();
        reports();
        budgets();
        suppliers();
        awareness();
        training();
        boolean postgres = db.isWrapperFor(PGConnection.class);
        restart("system_drill", drills, postgres);
        restart("drill_finding", drillFindings, postgres);
        restart("response_plan", plans, postgres);
        restart("response_team", teams, postgres);
        restart("response_team_member", members, postgres);
        restart("response_team_skill", skills, postgres);
        restart("response_team_shift", shifts, postgres);
        restart("hunting_campaign", campaigns, postgres);
        restart("hunting_finding", huntingFindings, postgres);
        restart("ir_member_profile", profiles, postgres);
        restart("ir_contact_point", contacts, postgres);
        restart("ir_member_report", memberReports, postgres);
        restart("periodic_report", reports, postgres);
        restart("periodic_report_step", reportSteps, postgres);
        restart("budget_plan", budgets, postgres);
        restart("system_supplier", suppliers, postgres);
        restart("supplier_assessment", assessments, postgres);
        restart("awareness_campaign", awarenessCampaigns, postgres);
        restart("awareness_delivery", deliveries, postgres);
        restart("training_record", trainings, postgres);
    }

    // ---- people ------------------------------------------------------------------------------------------------

    /** The person of an organisation with this role word (lanhdao, canbo, ungcuu…), or 0. */
    private long person(Org o, String word) {
        long[] p = peopleOfOrg.get((int) o.id() - 1);
        List<String[]> roles = NationalDataSet.rolesOf(o);
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i)[0].equals(word)) {
                return p[0] + i;
            }
        }
        return 0;
    }

    private static String username(Org o, String word) {
        return o.code().toLowerCase() + "." + word;
    }

    private static String displayName(Org o, String word) {
        return NationalDataSet.cut(NationalDataSet.displayName(word) + " - " + o.name(), 200);
    }

    private boolean isTop(Org o) {
        return o.kind().equals("PROVINCE") || o.kind().equals("MINISTRY");
    }

    // ---- drills (R24; CT 2634: level 3+ systems drilled live at least once a year) ------------------------------

    private void drills() throws SQLException {
        LocalDate yearStart = asOf.withDayOfYear(1);
        int daysThisYear = (int) (asOf.toEpochDay() - yearStart.toEpochDay());
        try (BulkWriter d = BulkWriter.open(
                        db,
                        "system_drill",
                        "id",
                        "system_id",
                        "kind",
                        "held_on",
                        "scenario",
                        "participants",
                        "result",
                        "created_by",
                        "created_at");
                BulkWriter f = BulkWriter.open(db, "drill_finding", "id", "drill_id", "title", "task_id")) {
            f.after(d);
            for (int s = 0; s < systemFacts.size(); s++) {
                int[] fact = systemFacts.get(s);
                if (fact[2] == 0) {
                    continue;
                }
                int level = fact[0] > 0 ? fact[0] : fact[1];
                int roll = random.nextInt(100);
                LocalDate held;
                boolean live;
                if (level >= 3 && roll < 64) {
                    held = yearStart.plusDays(random.nextInt(Math.max(1, daysThisYear)));
                    live = random.nextInt(100) < 78;
                } else if (level >= 3 && roll < 84) {
                    held = yearStart.minusDays(1 + random.nextInt(365));
                    live = random.nextInt(100) < 60;
                } else if (level == 2 && roll < 12) {
                    held = yearStart.plusDays(random.nextInt(Math.max(1, daysThisYear)));
                    live = false;
                } else {
                    continue;
                }
                Org owner = systemOwners.get(s);
                long id = ++drills;
                d.row(
                        id,
                        s + 1L,
                        live ? "LIVE_FIRE" : "TABLE_TOP",
                        held,
                        live
                                ? "Diễn tập thực chiến: tấn công thay đổi giao diện và mã hóa dữ liệu máy chủ ứng dụng"
                                : "Diễn tập trên bàn: lộ lọt dữ liệu cá nhân qua tài khoản quản trị bị chiếm",
                        "Đội ứng cứu sự cố " + owner.topOrg().code() + "; cán bộ vận hành " + owner.code(),
                        "Phát hiện và khoanh vùng trong " + (1 + random.nextInt(6)) + " giờ; phương án được cập nhật.",
                        person(owner, "canbo"),
                        held.atTime(17, 0).atOffset(VN));
                int found = random.nextInt(100) < 40 ? 1 + random.nextInt(3) : 0;
                for (int n = 0; n < found; n++) {
                    f.row(
                            ++drillFindings,
                            id,
                            switch (random.nextInt(3)) {
                                case 0 -> "Nhật ký truy cập không được tập trung về hệ thống giám sát";
                                case 1 -> "Bản sao lưu chưa được kiểm tra khôi phục định kỳ";
                                default -> "Tài khoản quản trị dùng chung, chưa có xác thực hai yếu tố";
                            },
                            null);
                }
            }
        }
    }

    // ---- response plans per system (R23) --------------------------------------------------------------------------

    private void responsePlans() throws SQLException {
        try (BulkWriter p = BulkWriter.open(
                        db,
                        "response_plan",
                        "id",
                        "system_id",
                        "plan_version",
                        "outline_id",
                        "status",
                        "system_level",
                        "needs_update",
                        "update_reason",
                        "update_raised_at",
                        "created_by",
                        "created_at",
                        "updated_at",
                        "approved_by",
                        "approver_name",
                        "approved_at");
                BulkWriter sec = BulkWriter.open(db, "response_plan_section", "plan_id", "section_key", "content")) {
            sec.after(p);
            for (int s = 0; s < systemFacts.size(); s++) {
                int[] fact = systemFacts.get(s);
                int level = fact[0] > 0 ? fact[0] : fact[1];
                int share = level >= 3 ? 82 : level == 2 ? 40 : 0;
                if (fact[2] == 0 || random.nextInt(100) >= share) {
                    continue;
                }
                Org owner = systemOwners.get(s);
                String outline = level >= 4 ? "qd05-pl2" : "tt20-pl3";
                List<String> keys = outline.equals("qd05-pl2")
                        ? List.of("overview", "scenarios", "continuity", "roles", "resources", "drills")
                        : List.of("overview", "scenarios", "continuity", "roles", "resources");
                int roll = random.nextInt(100);
                int versions = roll < 12 ? 2 : 1;
                boolean draftOnly = roll >= 85;
                OffsetDateTime created =
                        asOf.minusDays(60 + random.nextInt(900)).atTime(9, 0).atOffset(VN);
                long approver = person(owner.kind().equals("UNIT") ? owner.topOrg() : owner, "lanhdao");
                for (int v = 1; v <= versions; v++) {
                    String status = v < versions ? "SUPERSEDED" : draftOnly ? "DRAFT" : "APPROVED";
                    OffsetDateTime approved = status.equals("DRAFT") ? null : created.plusDays(5 + random.nextInt(20));
                    boolean flagged = status.equals("APPROVED") && random.nextInt(100) < 12;
                    OffsetDateTime updated = approved == null ? created.plusDays(1) : approved;
                    long id = ++plans;
                    p.row(
                            id,
                            s + 1L,
                            v,
                            outline,
                            status,
                            fact[0] > 0 ? fact[0] : null,
                            flagged,
                            flagged ? (random.nextBoolean() ? "LEVEL_CHANGED" : "COMPONENTS_CHANGED") : null,
                            flagged ? now.minusDays(random.nextInt(60)) : null,
                            person(owner, "canbo"),
                            created,
                            flagged ? now : updated,
                            approved == null ? null : approver,
                            approved == null
                                    ? null
                                    : displayName(owner.kind().equals("UNIT") ? owner.topOrg() : owner, "lanhdao"),
                            approved);
                    for (String key : keys) {
                        sec.row(id, key, sectionText(key, owner));
                        planSections++;
                    }
                    created = created.plusDays(200 + random.nextInt(200));
                    if (created.isAfter(now)) {
                        created = now.minusDays(1);
                    }
                }
            }
        }
    }

    private static String sectionText(String key, Org owner) {
        return switch (key) {
            case "overview" -> "Hệ thống do " + owner.name() + " quản lý; nguy cơ chính: tấn công web, mã độc mã hóa.";
            case "scenarios" ->
                "Tình huống 1: thay đổi giao diện; tình huống 2: mã hóa dữ liệu; tình huống 3: từ chối dịch vụ.";
            case "continuity" -> "Ưu tiên khôi phục cơ sở dữ liệu, sau đó dịch vụ công trực tuyến.";
            case "roles" -> "Đầu mối 24/7: cán bộ an toàn thông tin " + owner.code() + "; đội ứng cứu sự cố cấp tỉnh.";
            case "resources" -> "Máy chủ dự phòng, bản sao lưu ngoại tuyến; hỗ trợ của doanh nghiệp cung cấp dịch vụ.";
            default -> "Diễn tập ít nhất 01 lần/năm; huấn luyện cán bộ vận hành hằng quý.";
        };
    }

    // ---- response teams of ministries and provinces (R26) ---------------------------------------------------------

    private void responseTeams() throws SQLException {
        Map<Long, Org> securityUnit = new HashMap<>();
        for (Org o : orgs) {
            if (o.kind().equals("DEPARTMENT") && o.departmentIndex() == 0) {
                securityUnit.put(o.topOrg().id(), o);
            }
        }
        try (BulkWriter t = BulkWriter.open(
                        db,
                        "response_team",
                        "id",
                        "organization_id",
                        "unit_organization_id",
                        "name",
                        "decision_number",
                        "decision_date",
                        "decision_file_name",
                        "decision_sha256",
                        "decision_file",
                        "created_by",
                        "created_at",
                        "updated_at");
                BulkWriter m = BulkWriter.open(
                        db,
                        "response_team_member",
                        "id",
                        "team_id",
                        "person_id",
                        "full_name",
                        "organisation_name",
                        "phone",
                        "email",
                        "team_role",
                        "outsourced",
                        "active",
                        "created_at");
                BulkWriter k = BulkWriter.open(
                        db,
                        "response_team_skill",
                        "id",
                        "member_id",
                        "skill_code",
                        "certificate",
                        "certificate_number",
                        "valid_until");
                BulkWriter sh = BulkWriter.open(
                        db,
                        "response_team_shift",
                        "id",
                        "team_id",
                        "member_id",
                        "starts_at",
                        "ends_at",
                        "created_at")) {
            m.after(t);
            k.after(m);
            sh.after(m);
            for (Org top : orgs) {
                if (!isTop(top) || random.nextInt(100) >= 90) {
                    continue;
                }
                Org unit = securityUnit.getOrDefault(top.id(), top);
                long id = ++teams;
                LocalDate decided = asOf.minusDays(100 + random.nextInt(1500));
                boolean file = random.nextInt(100) < 70;
                byte[] pdf = ("%PDF-1.4\n% Quyết định thành lập Đội ứng cứu sự cố " + top.code() + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8);
                t.row(
                        id,
                        top.id(),
                        unit.id(),
                        NationalDataSet.cut("Đội ứng cứu sự cố an toàn thông tin mạng - " + top.name(), 300),
                        (100 + random.nextInt(900)) + "/QĐ-" + top.code(),
                        decided,
                        file ? "quyet-dinh-doi-ung-cuu-" + top.code().toLowerCase() + ".pdf" : null,
                        file ? sha256(pdf) : null,
                        file ? pdf : null,
                        person(top, "quantri"),
                        decided.atTime(10, 0).atOffset(VN),
                        now.minusDays(random.nextInt(90)));
                List<Long> roster = new ArrayList<>();
                String[][] roster0 = {
                    {"LEAD", "lanhdao"}, {"DEPUTY", "canbo"}, {"CONTACT", "ungcuu"},
                };
                for (String[] r : roster0) {
                    Org of = r[1].equals("ungcuu") ? top : unit;
                    long pid = person(of, r[1]);
                    if (pid == 0) {
                        of = top;
                        pid = person(top, r[1]);
                    }
                    roster.add(member(
                            m, k, id, pid, displayName(of, r[1]), of.name(), username(of, r[1]), r[0], false, decided));
                }
                int others = 3 + random.nextInt(5);
                for (int n = 1; n <= others; n++) {
                    boolean outsourced = random.nextInt(100) < 25;
                    roster.add(member(
                            m,
                            k,
                            id,
                            0,
                            "Thành viên " + n + " đội " + top.code(),
                            outsourced ? SUPPLIERS.get(random.nextInt(SUPPLIERS.size())) : unit.name(),
                            top.code().toLowerCase() + ".doi" + n,
                            outsourced ? "EXPERT" : "MEMBER",
                            outsourced,
                            decided));
                }
                // The 24/7 rotation: a day each, from a week ago to a week ahead.
                OffsetDateTime start = asOf.minusDays(7).atTime(8, 0).atOffset(VN);
                for (int day = 0; day < 14; day++) {
                    sh.row(
                            ++shifts,
                            id,
                            roster.get(day % roster.size()),
                            start.plusDays(day),
                            start.plusDays(day + 1L),
                            start.minusDays(3));
                }
            }
        }
    }

    private long member(
            BulkWriter m,
            BulkWriter k,
            long team,
            long person,
            String name,
            String organisation,
            String mailbox,
            String role,
            boolean outsourced,
            LocalDate since)
            throws SQLException {
        long id = ++members;
        m.row(
                id,
                team,
                person == 0 ? null : person,
                name,
                NationalDataSet.cut(organisation, 300),
                "09" + NationalDataSet.pad(random.nextInt(100_000_000), 8),
                mailbox + "@khien.example",
                role,
                outsourced,
                random.nextInt(100) < 95,
                since.atTime(10, 0).atOffset(VN));
        if (!role.equals("CONTACT")) {
            int n = 1 + random.nextInt(3);
            int first = random.nextInt(SKILLS.length);
            for (int i = 0; i < n; i++) {
                int skill = (first + i) % SKILLS.length;
                String certificate = CERTIFICATES[skill];
                boolean holds = certificate != null && random.nextInt(100) < 55;
                k.row(
                        ++skills,
                        id,
                        SKILLS[skill],
                        holds ? certificate : null,
                        holds ? "CC-" + NationalDataSet.pad(random.nextInt(1_000_000), 6) : null,
                        holds ? asOf.plusDays(random.nextInt(1000) - 200L) : null);
            }
        }
        return id;
    }

    // ---- threat hunting (CT 18/2022) ------------------------------------------------------------------------------

    private void hunting() throws SQLException {
        int perTop = Math.max(1, (int) Math.round(6 * scale));
        try (BulkWriter c = BulkWriter.open(
                        db,
                        "hunting_campaign",
                        "id",
                        "organization_id",
                        "title",
                        "scope_text",
                        "hypotheses",
                        "techniques",
                        "started_on",
                        "ended_on",
                        "result",
                        "created_by",
                        "created_at");
                BulkWriter f =
                        BulkWriter.open(db, "hunting_finding", "id", "campaign_id", "system_id", "title", "task_id")) {
            f.after(c);
            for (Org top : orgs) {
                if (!isTop(top)) {
                    continue;
                }
                List<Long> systems = subtreeSystems(top);
                if (systems.isEmpty()) {
                    continue;
                }
                for (int n = 0; n < perTop; n++) {
                    LocalDate started = asOf.minusDays(10 + random.nextInt(360));
                    boolean ended = started.isBefore(asOf.minusDays(30)) || random.nextBoolean();
                    long id = ++campaigns;
                    c.row(
                            id,
                            top.id(),
                            "Săn lùng mối nguy hại đợt " + (n + 1) + " - " + top.code(),
                            "Các hệ thống cấp độ 3 trở lên và cổng dịch vụ công của " + top.code(),
                            "Tài khoản quản trị bị chiếm dụng; mã độc APT nằm vùng; webshell trên máy chủ web",
                            "Phân tích nhật ký EDR/SIEM; đối chiếu IoC; rà soát tiến trình và kết nối bất thường",
                            started,
                            ended ? started.plusDays(7 + random.nextInt(21)) : null,
                            ended ? "Đã rà soát; phát hiện và xử lý các dấu hiệu ghi nhận." : null,
                            person(top, "ungcuu"),
                            started.atTime(8, 30).atOffset(VN));
                    int found = ended && random.nextInt(100) < 45 ? 1 + random.nextInt(3) : 0;
                    for (int i = 0; i < found; i++) {
                        f.row(
                                ++huntingFindings,
                                id,
                                systems.get(random.nextInt(systems.size())),
                                random.nextBoolean()
                                        ? "Webshell trên máy chủ web (đã gỡ bỏ)"
                                        : "Kết nối định kỳ tới máy chủ điều khiển đã biết",
                                null);
                    }
                }
            }
        }
    }

    private List<Long> subtreeSystems(Org top) {
        List<Long> out = new ArrayList<>();
        for (Org o : orgs) {
            if (o.path().startsWith(top.path())) {
                out.addAll(systemsOf.get((int) o.id() - 1));
            }
        }
        return out;
    }

    // ---- incident-response network members: profile (Biểu mẫu 01), contact point, Biểu mẫu 05 -------------------

    private void network() throws SQLException {
        try (BulkWriter p = BulkWriter.open(
                        db,
                        "ir_member_profile",
                        "id",
                        "organization_id",
                        "version",
                        "form_version",
                        "content",
                        "submitted_by",
                        "submitted_at");
                BulkWriter cp = BulkWriter.open(
                        db,
                        "ir_contact_point",
                        "id",
                        "organization_id",
                        "contact_name",
                        "phone",
                        "email",
                        "reception_address",
                        "changed_by",
                        "changed_at",
                        "reported_by",
                        "reported_at");
                BulkWriter r = BulkWriter.open(
                        db,
                        "ir_member_report",
                        "id",
                        "organization_id",
                        "kind",
                        "period_year",
                        "period_from",
                        "period_to",
                        "due_on",
                        "incidents_total",
                        "document",
                        "submitted_by",
                        "submitted_at")) {
            for (Org top : orgs) {
                if (!isTop(top)) {
                    continue;
                }
                long officer = person(top, "ungcuu");
                if (random.nextInt(100) < 85) {
                    int versions = random.nextInt(100) < 25 ? 2 : 1;
                    OffsetDateTime at = asOf.minusDays(300 + random.nextInt(400))
                            .atTime(10, 0)
                            .atOffset(VN);
                    for (int v = 1; v <= versions; v++) {
                        Map<String, String> content = new LinkedHashMap<>();
                        content.put("organizationName", top.name());
                        content.put("governingBody", top.kind().equals("PROVINCE") ? "Chính phủ" : top.name());
                        content.put("address", "Số " + (1 + random.nextInt(200)) + " đường Trung tâm, " + top.code());
                        content.put("website", "https://" + top.code().toLowerCase() + ".khien.example/ung-cuu-su-co");
                        content.put("leaderName", displayName(top, "lanhdao") + ", Phó Chủ tịch");
                        content.put("responseUnit", "Đội ứng cứu sự cố " + top.code());
                        content.put("teamSize", String.valueOf(6 + random.nextInt(10) + v));
                        content.put(
                                "systemsInScope",
                                String.valueOf(subtreeSystems(top).size()));
                        content.put("capabilities", "Giám sát 24/7, phân tích mã độc, điều tra số cơ bản");
                        p.row(++profiles, top.id(), v, "TT20-2017", json(content), officer, at);
                        at = at.plusDays(300 + random.nextInt(60));
                        if (at.isAfter(now)) {
                            at = now.minusDays(1);
                        }
                    }
                }
                int changes = 1 + (random.nextInt(100) < 30 ? 1 : 0);
                OffsetDateTime changed =
                        asOf.minusDays(400 + random.nextInt(300)).atTime(9, 0).atOffset(VN);
                for (int c = 0; c < changes; c++) {
                    boolean reported = c < changes - 1 || random.nextInt(100) < 90;
                    cp.row(
                            ++contacts,
                            top.id(),
                            displayName(top, "ungcuu"),
                            "09" + NationalDataSet.pad(random.nextInt(100_000_000), 8),
                            username(top, "ungcuu") + "@khien.example",
                            "Số " + (1 + random.nextInt(200)) + " đường Trung tâm, " + top.code(),
                            officer,
                            changed,
                            reported ? officer : null,
                            reported ? changed.plusHours(2 + random.nextInt(20)) : null);
                    changed = changed.plusDays(200 + random.nextInt(150));
                    if (changed.isAfter(now)) {
                        changed = now.minusDays(2);
                    }
                }
                // The first half-year's report (due before 20/06), when the reference day is past it.
                int year = asOf.getYear();
                if (asOf.isAfter(LocalDate.of(year, 6, 20)) && random.nextInt(100) < 75) {
                    r.row(
                            ++memberReports,
                            top.id(),
                            "SEMIANNUAL",
                            year,
                            LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 6, 30),
                            LocalDate.of(year, 6, 19),
                            random.nextInt(40),
                            ("%PDF-1.4\n% Biểu mẫu 05 " + top.code() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                            officer,
                            LocalDate.of(year, 6, 10 + random.nextInt(15))
                                    .atTime(15, 0)
                                    .atOffset(VN));
                }
            }
        }
    }

    private static String json(Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        });
        return b.append('}').toString();
    }

    // ---- periodic reports (issue 14): every status, frozen snapshots for the submitted versions -------------------

    /** One report period: kind, code, days and the due days of the two tiers. */
    record Period(
            String kind,
            String code,
            LocalDate from,
            LocalDate to,
            LocalDate unitDue,
            LocalDate compilerDue,
            List<String> figures) {}

    List<Period> periods() {
        List<Period> out = new ArrayList<>();
        LocalDate quarterStart = asOf.withDayOfMonth(1).withMonth((asOf.getMonthValue() - 1) / 3 * 3 + 1);
        for (LocalDate q : List.of(quarterStart.minusMonths(3), quarterStart)) {
            LocalDate end = q.plusMonths(3).minusDays(1);
            LocalDate due = dueBefore(end.withDayOfMonth(20));
            out.add(new Period(
                    "QUARTERLY_STATUS",
                    q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1),
                    q,
                    end,
                    due,
                    due,
                    QUARTERLY_FIGURES));
        }
        // TT 12/2022 Đ14: the data year runs from 15/12 of the previous year to 14/12 of the report year.
        int current = asOf.isBefore(LocalDate.of(asOf.getYear(), 12, 15)) ? asOf.getYear() : asOf.getYear() + 1;
        for (int year : List.of(current - 1, current)) {
            out.add(new Period(
                    "ANNUAL_LEVEL",
                    String.valueOf(year),
                    LocalDate.of(year - 1, 12, 15),
                    LocalDate.of(year, 12, 14),
                    dueBefore(LocalDate.of(year, 12, 20)),
                    dueBefore(LocalDate.of(year, 12, 25)),
                    ANNUAL_FIGURES));
        }
        return out;
    }

    /** The last weekday strictly before a day (public holidays are left to the application's calendar). */
    private static LocalDate dueBefore(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The outcome for one organisation and period: its versions' statuses, oldest first (empty: not started). */
    private List<String> versions(Period p, boolean compiler, boolean top) {
        boolean finished = asOf.isAfter(compiler ? p.compilerDue() : p.unitDue());
        int r = random.nextInt(100);
        if (finished) {
            if (r < 68) return List.of("ACCEPTED");
            if (r < 74) return List.of("SUBMITTED");
            if (r < 79) return List.of("RETURNED", "ACCEPTED");
            if (r < 82) return List.of("RETURNED", "SUBMITTED");
            if (r < 90) return List.of("DRAFT");
            return List.of();
        }
        if (compiler && !top) {
            if (r < 6) return List.of("SUBMITTED");
            if (r < 12) return List.of("SIGNED");
            if (r < 22) return List.of("CHECKED");
            if (r < 50) return List.of("DRAFT");
            return List.of();
        }
        if (top) {
            if (r < 10) return List.of("CHECKED");
            if (r < 45) return List.of("DRAFT");
            return List.of();
        }
        if (r < 22) return List.of("SUBMITTED");
        if (r < 27) return List.of("ACCEPTED");
        if (r < 35) return List.of("SIGNED");
        if (r < 45) return List.of("CHECKED");
        if (r < 63) return List.of("DRAFT");
        if (r < 67) return List.of("RETURNED", "DRAFT");
        return List.of();
    }

    private void reports() throws SQLException {
        int n = orgs.size();
        boolean[] reporting = new boolean[n];
        for (int i = 0; i < n; i++) {
            reporting[i] = !orgs.get(i).kind().equals("NATIONAL");
        }
        for (int i = 0; i < n; i++) {
            if (reporting[i] && parent[i] >= 0) {
                compiler[parent[i]] = true;
            }
        }
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (reporting[i] && parent[i] >= 0) {
                children.get(parent[i]).add(i);
            }
        }
        try (BulkWriter rep = BulkWriter.open(
                        db,
                        "periodic_report",
                        "id",
                        "organization_id",
                        "kind",
                        "period",
                        "period_from",
                        "period_to",
                        "version",
                        "status",
                        "due_on",
                        "rules_version",
                        "document_number",
                        "document_date",
                        "signer_name",
                        "return_comment",
                        "created_by",
                        "created_at",
                        "submitted_at",
                        "decided_at",
                        "updated_at",
                        "checked_by",
                        "checked_by_name");
                BulkWriter fig = BulkWriter.open(
                        db,
                        "periodic_report_figure",
                        "report_id",
                        "row_kind",
                        "row_organization_id",
                        "child_report_id",
                        "child_state",
                        "figure",
                        "figure_value");
                BulkWriter step = BulkWriter.open(
                        db,
                        "periodic_report_step",
                        "id",
                        "report_id",
                        "action",
                        "from_status",
                        "to_status",
                        "actor_id",
                        "actor_name",
                        "comment",
                        "occurred_at")) {
            fig.after(rep);
            step.after(rep);
            for (Period p : periods()) {
                long[][] own = ownFigures(p);
                long[][] total = new long[n][];
                for (int i = n - 1; i >= 0; i--) {
                    long[] t = own[i].clone();
                    for (int c : children.get(i)) {
                        for (int f = 0; f < t.length; f++) {
                            t[f] += total[c][f];
                        }
                    }
                    total[i] = t;
                }
                // Decide every organisation's versions first, so a parent's snapshot knows its children's state.
                List<List<String>> outcome = new ArrayList<>();
                long[] latestId = new long[n];
                long[] frozenId = new long[n];
                long next = reports;
                for (int i = 0; i < n; i++) {
                    List<String> v = reporting[i] ? versions(p, compiler[i], isTop(orgs.get(i))) : List.<String>of();
                    outcome.add(v);
                    for (int k = 0; k < v.size(); k++) {
                        long id = ++next;
                        latestId[i] = id;
                        if (v.get(k).equals("SUBMITTED") || v.get(k).equals("ACCEPTED")) {
                            frozenId[i] = id;
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    List<String> v = outcome.get(i);
                    for (int k = 0; k < v.size(); k++) {
                        report(
                                rep,
                                fig,
                                step,
                                p,
                                i,
                                k + 1,
                                v.get(k),
                                compiler[i],
                                own[i],
                                total[i],
                                children.get(i),
                                outcome,
                                latestId,
                                frozenId,
                                total);
                    }
                }
                if (next != reports) {
                    throw new IllegalStateException("report ids out of step");
                }
            }
        }
    }

    /** An organisation's own figures for a period, from its own systems (a system counts once, at its owner). */
    private long[][] ownFigures(Period p) {
        List<String> names = p.figures();
        long[][] own = new long[orgs.size()][names.size()];
        for (int s = 0; s < systemFacts.size(); s++) {
            int[] fact = systemFacts.get(s);
            if (fact[3] == 1) {
                // a retired system is in no figure, as the figure sources count (SystemFigures: not retired by the
                // end of the period; the generator leaves retired_on empty, so it is retired in every period)
                continue;
            }
            long[] row = own[(int) systemOwners.get(s).id() - 1];
            boolean operating = fact[2] == 1;
            boolean approved = fact[0] > 0;
            int level = approved ? fact[0] : fact[1];
            add(row, names, "systemsTotal", 1);
            add(row, names, "systemsOperating", operating ? 1 : 0);
            add(row, names, "systemsApproved", approved ? 1 : 0);
            add(row, names, "systemsOperatingApproved", operating && approved ? 1 : 0);
            if (approved) {
                add(row, names, "systemsLevel" + fact[0], 1);
            }
            add(row, names, "dossiersLate", !approved && random.nextInt(100) < 8 ? 1 : 0);
            add(row, names, "plansDerived", approved ? 1 : 0);
            add(row, names, "plansFullyDeployed", approved && random.nextInt(100) < 55 ? 1 : 0);
            add(row, names, "assessmentsDone", level >= 3 && random.nextInt(100) < 60 ? 1 : 0);
            add(row, names, "assessmentsDue", level >= 3 && random.nextInt(100) < 25 ? 1 : 0);
            add(row, names, "systemsScannedSixMonths", operating && random.nextInt(100) < 62 ? 1 : 0);
            if (operating) {
                long critical = random.nextInt(4);
                long high = random.nextInt(12);
                add(row, names, "findingsOpenCritical", critical);
                add(row, names, "findingsOpenHigh", high);
                long overdueCh = critical / 2 + high / 3;
                add(row, names, "findingsOverdueCriticalHigh", overdueCh);
                add(row, names, "findingsOverdue", overdueCh + random.nextInt(6));
                long received = random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0;
                long ack = received == 0 ? 0 : received - (random.nextInt(100) < 15 ? 1 : 0);
                add(row, names, "warningsReceived", received);
                add(row, names, "warningsAcknowledged", ack);
                add(row, names, "warningsFixed", ack == 0 ? 0 : ack - (random.nextInt(100) < 40 ? 1 : 0));
                long incidents = random.nextInt(100) < 6 ? 1 : 0;
                add(row, names, "incidentsTotal", incidents);
                add(row, names, "incidentsOpen", incidents == 1 && random.nextInt(100) < 25 ? 1 : 0);
                add(row, names, "drillsLevel3Plus", level >= 3 && random.nextInt(100) < 64 ? 1 : 0);
            }
        }
        for (int i = 0; i < orgs.size(); i++) {
            if (!systemsOf.get(i).isEmpty()) {
                add(own[i], names, "securityRegulations", random.nextInt(100) < 80 ? 1 : 0);
                // IT plans of the year in VND, with the security share scattered around the 10 % line (CĐ 33).
                long it = 500_000_000L + random.nextInt(4_000) * 1_000_000L;
                add(own[i], names, "budgetItTotal", it);
                add(own[i], names, "budgetSecurity", it * (6 + random.nextInt(9)) / 100);
            }
        }
        return own;
    }

    private static void add(long[] row, List<String> names, String figure, long value) {
        int i = names.indexOf(figure);
        if (i >= 0) {
            row[i] += value;
        }
    }

    private void report(
            BulkWriter rep,
            BulkWriter fig,
            BulkWriter step,
            Period p,
            int i,
            int version,
            String status,
            boolean compiler,
            long[] own,
            long[] total,
            List<Integer> children,
            List<List<String>> outcome,
            long[] latestId,
            long[] frozenId,
            long[][] totals)
            throws SQLException {
        Org o = orgs.get(i);
        LocalDate due = compiler ? p.compilerDue() : p.unitDue();
        long id = ++reports;
        boolean finished = asOf.isAfter(due);
        // Opened some days before the due day (or before today for a running period); steps a day or two apart.
        LocalDate opened = (finished ? due : asOf).minusDays(4 + random.nextInt(10) + (version == 1 ? 8L : 0L));
        if (opened.isBefore(p.from())) {
            opened = p.from().plusDays(1);
        }
        Org signerOrg = o.kind().equals("UNIT") ? orgs.get(parent[i]) : o;
        String officer = username(o, "canbo");
        long officerId = person(o, "canbo");
        long leaderId = person(signerOrg, "lanhdao");
        // Checked by the head of the security work (the signer's officer), signed by the leader: two people.
        long checkerId = person(signerOrg, "canbo");
        String leader = displayName(signerOrg, "lanhdao");
        List<String> path = switch (status) {
            case "DRAFT" -> List.of("DRAFT");
            case "CHECKED" -> List.of("DRAFT", "CHECKED");
            case "SIGNED" -> List.of("DRAFT", "CHECKED", "SIGNED");
            case "SUBMITTED" -> List.of("DRAFT", "CHECKED", "SIGNED", "SUBMITTED");
            default -> List.of("DRAFT", "CHECKED", "SIGNED", "SUBMITTED", status);
        };
        OffsetDateTime at = opened.atTime(9, 0).atOffset(VN);
        OffsetDateTime created = at;
        OffsetDateTime submitted = null;
        OffsetDateTime decided = null;
        String from = null;
        List<Object[]> steps = new ArrayList<>();
        for (String to : path) {
            String action = switch (to) {
                case "DRAFT" -> version > 1 ? "REVISE" : "CREATE";
                case "CHECKED" -> "CHECK";
                case "SIGNED" -> "SIGN";
                case "SUBMITTED" -> "SUBMIT";
                case "ACCEPTED" -> "ACCEPT";
                default -> "RETURN";
            };
            boolean byParent = to.equals("ACCEPTED") || to.equals("RETURNED");
            Org parentOrg = orgs.get(Math.max(0, parent[i]));
            long actor = byParent
                    ? person(parentOrg, "canbo")
                    : to.equals("SIGNED") ? leaderId : to.equals("CHECKED") ? checkerId : officerId;
            steps.add(new Object[] {
                ++reportSteps,
                id,
                action,
                from,
                to,
                actor == 0 ? null : actor,
                byParent
                        ? username(parentOrg, "canbo")
                        : to.equals("SIGNED")
                                ? username(signerOrg, "lanhdao")
                                : to.equals("CHECKED") ? username(signerOrg, "canbo") : officer,
                to.equals("RETURNED") ? "Đề nghị bổ sung số liệu lỗ hổng quá hạn" : null,
                at
            });
            if (to.equals("SUBMITTED")) {
                submitted = at;
            }
            if (byParent) {
                decided = at;
            }
            from = to;
            at = at.plusDays(1 + random.nextInt(2)).plusHours(random.nextInt(6));
            if (at.isAfter(now)) {
                at = now;
            }
        }
        boolean signed = path.contains("SIGNED");
        OffsetDateTime updated = (OffsetDateTime) steps.get(steps.size() - 1)[8];
        rep.row(
                id,
                o.id(),
                p.kind(),
                p.code(),
                p.from(),
                p.to(),
                version,
                status,
                due,
                "2026.12",
                signed ? (10 + random.nextInt(300)) + "/BC-" + o.code() : null,
                signed ? ((OffsetDateTime) steps.get(2)[8]).toLocalDate() : null,
                signed ? leader : null,
                status.equals("RETURNED") ? "Đề nghị bổ sung số liệu lỗ hổng quá hạn" : null,
                officerId == 0 ? null : officerId,
                created,
                submitted,
                decided,
                updated,
                path.contains("CHECKED") && checkerId != 0 ? Long.valueOf(checkerId) : null,
                path.contains("CHECKED") ? username(signerOrg, "canbo") : null);
        for (Object[] s : steps) {
            step.row(s);
        }
        if (submitted == null) {
            return;
        }
        // The snapshot frozen on submission: totals, own rows and each child's row (frozen or live, and which).
        snapshot(fig, id, "TOTAL", o.id(), null, null, p.figures(), total);
        snapshot(fig, id, "OWN", o.id(), null, null, p.figures(), own);
        LocalDate day = submitted.toLocalDate();
        for (int c : children) {
            List<String> v = outcome.get(c);
            boolean frozen = frozenId[c] != 0;
            String state;
            if (frozen) {
                state = v.get(v.size() - 1).equals("ACCEPTED") ? "ACCEPTED" : "SUBMITTED";
            } else if (!v.isEmpty() && v.get(v.size() - 1).equals("RETURNED")) {
                state = "RETURNED";
            } else {
                LocalDate childDue = dueOf(p, c);
                state = day.isAfter(childDue) ? "LATE" : v.isEmpty() ? "NOT_STARTED" : "IN_PROGRESS";
            }
            LocalDate childDue = dueOf(p, c);
            snapshot(
                    fig,
                    id,
                    "CHILD",
                    orgs.get(c).id(),
                    frozen ? Long.valueOf(frozenId[c]) : latestId[c] == 0 ? null : Long.valueOf(latestId[c]),
                    state + "|" + childDue,
                    p.figures(),
                    totals[c]);
        }
    }

    /** An organisation's due day: the compiler tier's when it has reporting children of its own. */
    private LocalDate dueOf(Period p, int i) {
        return compiler[i] ? p.compilerDue() : p.unitDue();
    }

    private void snapshot(
            BulkWriter fig,
            long report,
            String rowKind,
            long org,
            @Nullable Long childReport,
            @Nullable String childState,
            List<String> names,
            long[] values)
            throws SQLException {
        for (int f = 0; f < names.size(); f++) {
            String name = names.get(f);
            fig.row(report, rowKind, org, childReport, childState, name, Long.valueOf(values[f]));
            reportFigures++;
        }
    }

    // ---- budget plans with their security line (R39; CĐ 33: at least 10 % of the IT budget) ----------------------

    private void budgets() throws SQLException {
        int year = asOf.getYear();
        try (BulkWriter b = BulkWriter.open(
                db,
                "budget_plan",
                "id",
                "organization_id",
                "plan_year",
                "kind",
                "name",
                "total_amount",
                "security_amount",
                "funding_source",
                "created_at",
                "created_by",
                "status",
                "linked_systems",
                "updated_at",
                "approved_at",
                "approved_by",
                "import_batch")) {
            for (Org o : orgs) {
                if (o.kind().equals("NATIONAL") || (o.kind().equals("UNIT") && random.nextInt(100) >= 55)) {
                    continue;
                }
                long scaleOfOrg = switch (o.kind()) {
                    case "PROVINCE", "MINISTRY" -> 20_000;
                    case "DEPARTMENT" -> 3_000;
                    default -> 400;
                };
                Org approverOrg = o.kind().equals("UNIT") ? o.topOrg() : o;
                long approver = person(approverOrg, "lanhdao");
                // This year's plan (adopted), next year's (being drafted in December), and sometimes a project.
                budget(
                        b,
                        o,
                        year,
                        "ANNUAL",
                        "Kế hoạch ứng dụng công nghệ thông tin năm " + year,
                        scaleOfOrg,
                        true,
                        approver);
                if (random.nextInt(100) < 70) {
                    budget(
                            b,
                            o,
                            year + 1,
                            "ANNUAL",
                            "Kế hoạch ứng dụng công nghệ thông tin năm " + (year + 1),
                            scaleOfOrg,
                            random.nextInt(100) < 35,
                            approver);
                }
                List<Long> systems = systemsOf.get((int) o.id() - 1);
                if (!systems.isEmpty() && random.nextInt(100) < 30) {
                    long s = systems.get(random.nextInt(systems.size()));
                    budget(
                            b,
                            o,
                            year,
                            "PROJECT",
                            "Dự án nâng cấp hệ thống HT-" + NationalDataSet.pad(s, 6),
                            scaleOfOrg / 2,
                            true,
                            approver);
                }
            }
        }
    }

    private void budget(
            BulkWriter b, Org o, int year, String kind, String name, long millions, boolean approved, long approver)
            throws SQLException {
        long total = (millions / 2 + random.nextInt((int) millions)) * 1_000_000L;
        // The security line scatters around the 10 % floor: about half the plans fall short of it.
        double share = Math.max(0.01, Math.min(0.3, 0.10 + random.nextGaussian() * 0.035));
        long security = Math.round(total * share / 1_000_000.0) * 1_000_000L;
        OffsetDateTime created = LocalDate.of(year - 1, 10 + random.nextInt(3), 1 + random.nextInt(28))
                .atTime(9, 0)
                .atOffset(VN);
        if (created.isAfter(now)) {
            created = now.minusDays(1 + random.nextInt(20));
        }
        OffsetDateTime approvedAt = approved ? created.plusDays(10 + random.nextInt(30)) : null;
        if (approvedAt != null && approvedAt.isAfter(now)) {
            approvedAt = now;
        }
        b.row(
                ++budgets,
                o.id(),
                year,
                kind,
                NationalDataSet.cut(name + " - " + o.name(), 500),
                total,
                security,
                random.nextInt(100) < 80 ? "Ngân sách nhà nước" : "Nguồn thu sự nghiệp",
                created,
                person(o, "canbo") == 0 ? null : person(o, "canbo"),
                approved ? "APPROVED" : "DRAFT",
                kind.equals("PROJECT") ? name.substring(name.lastIndexOf(' ') + 1) : null,
                approvedAt == null ? created : approvedAt,
                approvedAt,
                approved && approver != 0 ? approver : null,
                null);
    }

    // ---- suppliers of systems and their assessments (R36) ----------------------------------------------------------

    private void suppliers() throws SQLException {
        // The suppliers each owner has given access to a level 3+ system: assessed or not.
        Map<Long, List<String>> toAssess = new LinkedHashMap<>();
        try (BulkWriter s = BulkWriter.open(
                db,
                "system_supplier",
                "id",
                "system_id",
                "name",
                "provides",
                "access_kind",
                "access_details",
                "contract_from",
                "contract_to",
                "created_at")) {
            for (int i = 0; i < systemFacts.size(); i++) {
                int[] fact = systemFacts.get(i);
                int level = fact[0] > 0 ? fact[0] : fact[1];
                if (level < 2 || random.nextInt(100) >= 40) {
                    continue;
                }
                String name = SUPPLIERS.get(random.nextInt(SUPPLIERS.size()));
                String access = ACCESS[weighted(new int[] {15, 15, 40, 20, 10})];
                LocalDate from = asOf.minusDays(100 + random.nextInt(1000));
                s.row(
                        ++suppliers,
                        i + 1L,
                        name,
                        random.nextBoolean() ? "Vận hành, bảo trì phần mềm" : "Thuê dịch vụ hạ tầng máy chủ",
                        access,
                        access.equals("NONE") ? null : "Truy cập qua VPN có xác thực hai yếu tố",
                        from,
                        from.plusYears(1 + random.nextInt(3)),
                        from.atTime(9, 0).atOffset(VN));
                if (fact[0] >= 3 && !access.equals("NONE")) {
                    List<String> names =
                            toAssess.computeIfAbsent(systemOwners.get(i).id(), k -> new ArrayList<>());
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        try (BulkWriter a = BulkWriter.open(
                db,
                "supplier_assessment",
                "id",
                "organization_id",
                "supplier_name",
                "supplier_key",
                "assessed_on",
                "risk_rating",
                "data_processed",
                "security_clause",
                "security_clause_ref",
                "incident_clause",
                "incident_clause_ref",
                "open_issues",
                "access_summary",
                "created_at",
                "created_by")) {
            for (Map.Entry<Long, List<String>> e : toAssess.entrySet()) {
                Org o = orgs.get((int) (e.getKey() - 1));
                for (String name : e.getValue()) {
                    if (random.nextInt(100) >= 60) {
                        continue;
                    }
                    int times = random.nextInt(100) < 20 ? 2 : 1;
                    LocalDate on = asOf.minusDays(20 + random.nextInt(500));
                    for (int t = 0; t < times; t++) {
                        boolean security = random.nextInt(100) < 75;
                        boolean incident = random.nextInt(100) < 60;
                        String rating =
                                new String[] {"LOW", "MEDIUM", "HIGH", "CRITICAL"}[weighted(new int[] {35, 40, 20, 5})];
                        a.row(
                                ++assessments,
                                o.id(),
                                name,
                                name.strip().toLowerCase(),
                                on,
                                rating,
                                "Dữ liệu hồ sơ, văn bản điều hành; dữ liệu cá nhân của người dân",
                                security,
                                security ? "Điều 8 hợp đồng" : null,
                                incident,
                                incident ? "Điều 9 hợp đồng" : null,
                                rating.equals("HIGH") || rating.equals("CRITICAL")
                                        ? "Chưa có cam kết thông báo sự cố trong 24 giờ"
                                        : null,
                                "Quản trị từ xa qua VPN; truy cập cơ sở dữ liệu khi bảo trì",
                                on.atTime(14, 0).atOffset(VN),
                                person(o, "canbo") == 0 ? null : person(o, "canbo"));
                        on = on.plusDays(180 + random.nextInt(180));
                        if (on.isAfter(asOf)) {
                            break;
                        }
                    }
                }
            }
        }
    }

    private int weighted(int[] weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int r = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // ---- awareness campaigns (R25; CT 2634 §3d): rounds, personal deliveries, acknowledgements --------------------

    private void awareness() throws SQLException {
        try (BulkWriter c = BulkWriter.open(
                        db,
                        "awareness_campaign",
                        "id",
                        "organization_id",
                        "topic",
                        "title",
                        "message",
                        "include_subtree",
                        "repeat_every",
                        "created_at",
                        "created_by",
                        "audience",
                        "starts_on",
                        "stopped_at",
                        "stopped_by");
                BulkWriter r = BulkWriter.open(
                        db, "awareness_round", "campaign_id", "round_no", "due_on", "sent_at", "recipients");
                BulkWriter d = BulkWriter.open(
                        db,
                        "awareness_delivery",
                        "id",
                        "campaign_id",
                        "round_no",
                        "person_id",
                        "organization_id",
                        "token_hash",
                        "delivered_at",
                        "acknowledged_at",
                        "email",
                        "display_name",
                        "mailed_at",
                        "mail_error")) {
            r.after(c);
            d.after(c);
            for (Org o : orgs) {
                boolean top = isTop(o);
                if (!top && !(o.kind().equals("DEPARTMENT") && random.nextBoolean())) {
                    continue;
                }
                int count = top ? 2 : 1;
                for (int k = 0; k < count; k++) {
                    boolean subtree = top && k == 0;
                    boolean quarterly = subtree || random.nextInt(100) < 30;
                    LocalDate starts = quarterly
                            ? asOf.minusMonths(3L * random.nextInt(4)).minusDays(5 + random.nextInt(60))
                            : asOf.minusDays(5 + random.nextInt(200));
                    String topic = TOPICS[random.nextInt(TOPICS.length)];
                    long id = ++awarenessCampaigns;
                    boolean stopped = quarterly && random.nextInt(100) < 10;
                    c.row(
                            id,
                            o.id(),
                            topic,
                            "Tuyên truyền, nâng cao nhận thức: " + topicTitle(topic),
                            "Kính gửi cán bộ, công chức: đề nghị đọc kỹ hướng dẫn và xác nhận đã đọc qua liên kết cá nhân.",
                            subtree,
                            quarterly ? "QUARTERLY" : "ONCE",
                            starts.minusDays(2).atTime(9, 0).atOffset(VN),
                            person(o, "canbo") == 0 ? null : person(o, "canbo"),
                            subtree ? "SUBTREE" : "ORGANIZATION",
                            starts,
                            stopped ? now.minusDays(3) : null,
                            stopped ? person(o, "canbo") : null);
                    List<Org> audience = new ArrayList<>();
                    for (Org x : subtree ? orgs : List.of(o)) {
                        if (x.path().startsWith(o.path())) {
                            audience.add(x);
                        }
                    }
                    int roundNo = 0;
                    for (LocalDate due = starts; !due.isAfter(asOf); due = due.plusMonths(3)) {
                        roundNo++;
                        OffsetDateTime sent = due.atTime(8, 0).atOffset(VN);
                        long recipients = 0;
                        for (Org x : audience) {
                            long[] p = peopleOfOrg.get((int) x.id() - 1);
                            List<String[]> roles = NationalDataSet.rolesOf(x);
                            for (int j = 0; j < p[1]; j++) {
                                long person = p[0] + j;
                                String word = roles.get(j)[0];
                                long age = asOf.toEpochDay() - due.toEpochDay();
                                boolean ack = random.nextInt(100) < Math.min(85, 20 + age * 3);
                                d.row(
                                        ++deliveries,
                                        id,
                                        roundNo,
                                        person,
                                        x.id(),
                                        sha256(("awareness:" + id + ":" + roundNo + ":" + person)
                                                .getBytes(StandardCharsets.UTF_8)),
                                        sent,
                                        ack ? sent.plusHours(1 + random.nextInt(72)) : null,
                                        username(x, word) + "@khien.example",
                                        displayName(x, word),
                                        sent.plusMinutes(1 + random.nextInt(30)),
                                        null);
                                recipients++;
                            }
                        }
                        r.row(id, roundNo, due, sent, recipients);
                        rounds++;
                        if (!quarterly) {
                            break;
                        }
                    }
                }
            }
        }
    }

    private static String topicTitle(String topic) {
        return switch (topic) {
            case "RANSOMWARE" -> "phòng chống mã độc mã hóa dữ liệu";
            case "PHISHING" -> "nhận diện thư điện tử lừa đảo";
            case "PASSWORDS" -> "đặt và bảo vệ mật khẩu";
            case "DEVICES" -> "sử dụng thiết bị an toàn";
            case "DATA" -> "bảo vệ dữ liệu cá nhân";
            default -> "báo cáo sự cố kịp thời";
        };
    }

    // ---- training records -------------------------------------------------------------------------------------

    private void training() throws SQLException {
        try (BulkWriter t = BulkWriter.open(
                db,
                "training_record",
                "id",
                "organization_id",
                "person_name",
                "email",
                "course",
                "provider",
                "completed_on",
                "hours",
                "certificate_name",
                "certificate_type",
                "certificate_sha256",
                "certificate",
                "created_at",
                "created_by")) {
            for (Org o : orgs) {
                if (o.kind().equals("NATIONAL")) {
                    continue;
                }
                List<String[]> roles = NationalDataSet.rolesOf(o);
                int count = random.nextInt(o.kind().equals("UNIT") ? 3 : 5);
                for (int k = 0; k < count; k++) {
                    String word = roles.get(random.nextInt(roles.size()))[0];
                    LocalDate on = asOf.minusDays(random.nextInt(540));
                    boolean certificate = random.nextInt(100) < 30;
                    byte[] file = certificate
                            ? ("%PDF-1.4\n% Chứng nhận " + username(o, word) + " " + on + "\n%%EOF\n")
                                    .getBytes(StandardCharsets.UTF_8)
                            : null;
                    t.row(
                            ++trainings,
                            o.id(),
                            displayName(o, word),
                            username(o, word) + "@khien.example",
                            COURSES[random.nextInt(COURSES.length)],
                            random.nextBoolean() ? "Cục An toàn thông tin" : "Trung tâm đào tạo an toàn thông tin",
                            on,
                            BigDecimal.valueOf(4 + random.nextInt(37)),
                            certificate ? "chung-nhan-" + trainings + ".pdf" : null,
                            certificate ? "application/pdf" : null,
                            file == null ? null : sha256(file),
                            file,
                            on.plusDays(2).atTime(9, 0).atOffset(VN),
                            person(o, "canbo") == 0 ? null : person(o, "canbo"));
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void restart(String table, long max, boolean postgres) throws SQLException {
        try (var st = db.createStatement()) {
            st.execute(
                    postgres
                            ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (max + 1) + ", false)"
                            : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
        }
    }
}
