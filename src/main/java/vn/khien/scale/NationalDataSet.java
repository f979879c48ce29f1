package vn.khien.scale;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import vn.khien.vulnerabilities.FindingTally;

/**
 * Writes the national data set into an empty, migrated database: the organisation tree, people and their roles,
 * designations, systems with their parties, level dossiers at every step, components with CPE and purl, scans with
 * re-scans and findings with their locations. Every value comes from one seeded random source in one fixed order, so
 * the same seed and reference day give the same rows.
 */
final class NationalDataSet {

    /** Full scale: the whole state sector (issue 15). */
    static final int UNITS_AT_FULL_SCALE = 20_000;

    static final int SYSTEMS_AT_FULL_SCALE = 100_000;

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    /** Decree 331/2026 applies to levels approved from its entry into force (regulation.md §1). */
    private static final LocalDate ND331_IN_FORCE = LocalDate.of(2026, 8, 19);

    private final Connection db;
    private final double scale;
    private final LocalDate asOf;
    private final SplittableRandom random;
    private final String passwordHash;
    private final OffsetDateTime now;

    final List<Org> orgs = new ArrayList<>();
    long people;
    long systems;
    long components;
    long scans;
    long findings;
    long dossiers;
    long warnings;
    long warningTargets;
    long incidents;
    long incidentReports;

    /** Systems reached by a national warning, found while their software is written: {warning, system, owner, component}. */
    private final List<long[]> reached = new ArrayList<>();
    /** Owner organisation of each system (index = system id - 1), for incidents. */
    private final List<Org> systemOwners = new ArrayList<>();
    /**
     * Per system (index = system id - 1): {approved level or 0, proposed level, 1 if operating, 1 if retired}, for the
     * third wave.
     */
    private final List<int[]> systemFacts = new ArrayList<>();
    /** Per organisation (index = id - 1): the id of its first person; its people follow in the order of its roles. */
    private final List<long[]> peopleOfOrg = new ArrayList<>();

    long thirdWaveRows;
    long drills;
    long responsePlans;
    long responseTeams;
    long huntingCampaigns;
    long periodicReports;
    long budgetPlans;
    long awarenessDeliveries;
    long trainingRecords;
    long supplierAssessments;
    long memberProfiles;

    /** {@code top}: the ministry or province the organisation belongs to; null for the national ones and the tops. */
    record Org(
            long id,
            String code,
            String name,
            String kind,
            String path,
            @Nullable Org top,
            int departmentIndex) {

        /** The top of an organisation that has one by construction (every system owner, see {@code owners}). */
        Org topOrg() {
            return Objects.requireNonNull(top, () -> code + " has no ministry or province above it");
        }
    }

    NationalDataSet(Connection db, double scale, long seed, LocalDate asOf, String passwordHash) {
        this.db = db;
        this.scale = scale;
        this.asOf = asOf;
        this.random = new SplittableRandom(seed);
        this.passwordHash = passwordHash;
        this.now = asOf.atTime(8, 0).atOffset(VN);
    }

    void write() throws SQLException {
        PhaseClock clock = new PhaseClock(System.out);
        // The four tables of millions of rows are loaded without their secondary indexes and foreign keys, which are
        // made again once, at the end (PostgreSQL; see DeferredIndexes).
        // -Dkhien.generate.defer-indexes=false loads with every index in place (the code before, to compare).
        DeferredIndexes deferred = Boolean.parseBoolean(System.getProperty("khien.generate.defer-indexes", "true"))
                ? DeferredIndexes.drop(db, "finding", "finding_location", "system_component", "periodic_report_figure")
                : DeferredIndexes.none(db);
        clock.time("organisations", this::tree);
        clock.time("people", this::peopleAndDesignations);
        clock.time("systems-scans-findings", this::systemsAndEverythingBelow);
        SecondWave second = new SecondWave(db, scale, random.split(), asOf, orgs, systemOwners, reached);
        clock.time("warnings-incidents", second::write);
        warnings = second.warnings;
        warningTargets = second.targets;
        incidents = second.incidents;
        incidentReports = second.reports;
        ThirdWave third = new ThirdWave(db, scale, random.split(), asOf, orgs, systemOwners, systemFacts, peopleOfOrg);
        clock.time("third-wave", third::write);
        thirdWaveRows = third.rows();
        drills = third.drills;
        responsePlans = third.plans;
        responseTeams = third.teams;
        huntingCampaigns = third.campaigns;
        periodicReports = third.reports;
        budgetPlans = third.budgets;
        awarenessDeliveries = third.deliveries;
        trainingRecords = third.trainings;
        supplierAssessments = third.assessments;
        memberProfiles = third.profiles;
        clock.time("indexes and foreign keys (" + deferred.size() + ")", deferred::restore);
        // the per-system finding counts the roll-ups read (docs/adr/0058), from the findings and scans just written
        clock.time("finding tally", () -> FindingTally.rebuild(db));
    }

    // ---- organisations ----------------------------------------------------------------------------------------

    private void tree() throws SQLException {
        int perTop = Math.max(3, (int) Math.round(UNITS_AT_FULL_SCALE * scale / 64.0));
        try (BulkWriter w = BulkWriter.open(
                db,
                "organization",
                "id",
                "code",
                "name_vi",
                "kind",
                "parent_id",
                "path",
                "contact_person",
                "contact_phone",
                "contact_email",
                "contact_confirmed_on",
                "contact_public",
                "created_at",
                "updated_at")) {
            Org root = org(w, null, "VN", "Cơ quan điều phối quốc gia về an toàn thông tin mạng", "NATIONAL", -1);
            org(w, root, "VN-TD", "Trung tâm thẩm định an toàn hệ thống thông tin quốc gia", "NATIONAL", -1);
            int t = 0;
            for (String city : NationalTree.CITIES) {
                province(w, root, "T" + pad(++t, 2), "Ủy ban nhân dân thành phố " + city, perTop);
            }
            for (String province : NationalTree.PROVINCES) {
                province(w, root, "T" + pad(++t, 2), "Ủy ban nhân dân tỉnh " + province, perTop);
            }
            int b = 0;
            for (String ministry : NationalTree.MINISTRIES) {
                Org top = org(w, root, "B" + pad(++b, 2), ministry, "MINISTRY", -1);
                departmentsAndUnits(w, top, NationalTree.MINISTRY_DEPARTMENTS, perTop, false);
            }
        }
    }

    private void province(BulkWriter w, Org root, String code, String name, int perTop) throws SQLException {
        Org top = org(w, root, code, name, "PROVINCE", -1);
        int communes = perTop * 2 / 5;
        for (int i = 1; i <= communes; i++) {
            org(
                    w,
                    top,
                    code + "-X" + pad(i, 3),
                    "Ủy ban nhân dân xã số " + i + " (" + shortName(name) + ")",
                    "UNIT",
                    -1);
        }
        departmentsAndUnits(w, top, NationalTree.PROVINCE_DEPARTMENTS, perTop - communes, true);
    }

    private void departmentsAndUnits(BulkWriter w, Org top, List<String> names, int units, boolean province)
            throws SQLException {
        int count = Math.min(names.size(), Math.max(1, units / 12 + 1));
        List<Org> departments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            departments.add(org(
                    w,
                    top,
                    top.code() + "-S" + pad(i + 1, 2),
                    names.get(i) + " - " + shortName(top.name()),
                    "DEPARTMENT",
                    i));
        }
        int remaining = Math.max(0, units - count);
        for (int i = 0; i < remaining; i++) {
            // Most units sit under health and education (hospitals, schools), as they do in the field.
            Org dept = departments.get(
                    departments.size() > 2 && random.nextInt(3) > 0
                            ? 1 + random.nextInt(2)
                            : random.nextInt(departments.size()));
            org(
                    w,
                    dept,
                    dept.code() + "-U" + pad(i + 1, 3),
                    NationalTree.unitName(province, dept.departmentIndex(), i + 1) + " - " + shortName(top.name()),
                    "UNIT",
                    dept.departmentIndex());
        }
    }

    private Org org(BulkWriter w, @Nullable Org parent, String code, String name, String kind, int departmentIndex)
            throws SQLException {
        long id = orgs.size() + 1L;
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        Org top = parent == null
                ? null
                : parent.top() == null ? (parent.kind().equals("NATIONAL") ? null : parent) : parent.top();
        Org o = new Org(id, code, name, kind, path, top, departmentIndex);
        orgs.add(o);
        w.row(
                id,
                code,
                cut(name, 300),
                kind,
                parent == null ? null : parent.id(),
                path,
                "Cán bộ đầu mối " + code,
                "0243" + pad(random.nextInt(10_000_000), 7),
                code.toLowerCase() + "@khien.example",
                asOf.minusDays(random.nextInt(400)),
                parent != null && random.nextInt(4) == 0,
                now,
                now);
        return o;
    }

    // ---- people ------------------------------------------------------------------------------------------------

    private void peopleAndDesignations() throws SQLException {
        try (BulkWriter users = BulkWriter.open(
                        db,
                        "app_user",
                        "id",
                        "username",
                        "password_hash",
                        "display_name",
                        "email",
                        "enabled",
                        "created_at");
                BulkWriter grants =
                        BulkWriter.open(db, "role_grant", "user_id", "organization_id", "role", "granted_at")) {
            grants.after(users);
            for (Org o : orgs) {
                List<String[]> roles = rolesOf(o);
                peopleOfOrg.add(new long[] {people + 1, roles.size()});
                for (String[] r : roles) {
                    long id = ++people;
                    users.row(
                            id,
                            o.code().toLowerCase() + "." + r[0],
                            passwordHash,
                            cut(displayName(r[0]) + " - " + o.name(), 200),
                            o.code().toLowerCase() + "." + r[0] + "@khien.example",
                            true,
                            now);
                    grants.row(id, o.id(), r[1], now);
                }
            }
        }
        try (BulkWriter d = BulkWriter.open(
                db,
                "authority_designation",
                "scope_organization_id",
                "authority_role",
                "organization_id",
                "created_at")) {
            d.row(1L, "NATIONAL_COMPETENT_BODY", 2L, now);
            for (Org o : orgs) {
                if (o.kind().equals("DEPARTMENT") && o.departmentIndex() == 0) {
                    d.row(o.topOrg().id(), "OWNER_SECURITY_UNIT", o.id(), now);
                }
            }
        }
        try (BulkWriter sla = BulkWriter.open(
                db,
                "finding_sla_policy",
                "organization_id",
                "critical_days",
                "high_days",
                "medium_days",
                "low_days",
                "updated_at")) {
            sla.row(1L, 15, 30, 90, 180, now);
        }
    }

    /** The people of an organisation as {username suffix, role}, in the order they are written (ids follow it). */
    static List<String[]> rolesOf(Org o) {
        return switch (o.kind()) {
            case "NATIONAL" ->
                o.id() == 1
                        ? List.of(
                                new String[] {"quantri", "PLATFORM_ADMIN"},
                                new String[] {"lanhdao", "LEADER"},
                                new String[] {"canbo", "SECURITY_OFFICER"},
                                new String[] {"thanhtra", "AUDITOR"})
                        : List.of(new String[] {"thamdinh", "SECURITY_OFFICER"}, new String[] {"lanhdao", "LEADER"});
            case "PROVINCE", "MINISTRY" ->
                List.of(
                        new String[] {"lanhdao", "LEADER"},
                        new String[] {"canbo", "SECURITY_OFFICER"},
                        new String[] {"quantri", "ORG_ADMIN"},
                        new String[] {"thanhtra", "AUDITOR"},
                        new String[] {"ungcuu", "INCIDENT_RESPONDER"});
            case "DEPARTMENT" ->
                List.of(new String[] {"lanhdao", "LEADER"}, new String[] {"canbo", "SECURITY_OFFICER"});
            default -> List.<String[]>of(new String[] {"canbo", "SECURITY_OFFICER"});
        };
    }

    static String displayName(String role) {
        return switch (role) {
            case "quantri" -> "Quản trị";
            case "lanhdao" -> "Lãnh đạo";
            case "thanhtra" -> "Thanh tra";
            case "ungcuu" -> "Ứng cứu sự cố";
            case "thamdinh" -> "Thẩm định";
            default -> "Cán bộ an toàn thông tin";
        };
    }

    // ---- systems, dossiers, components, scans, findings --------------------------------------------------------

    private void systemsAndEverythingBelow() throws SQLException {
        List<Org> owners = orgs.stream().filter(o -> o.top() != null).toList();
        long target = Math.max(owners.size(), Math.round(SYSTEMS_AT_FULL_SCALE * scale));
        long findingId = 0;
        long locationId = 0;
        long scanId = 0;
        long componentId = 0;
        try (BulkWriter sys = BulkWriter.open(
                        db,
                        "information_system",
                        "id",
                        "owner_organization_id",
                        "operator_organization_id",
                        "code",
                        "name",
                        "purpose",
                        "system_type",
                        "information_kinds",
                        "user_count",
                        "data_subject_count",
                        "hosting_kind",
                        "lifecycle_status",
                        "operating_since",
                        "approved_level",
                        "approved_regime",
                        "approved_on",
                        "approval_decision_number",
                        "approval_decision_signer",
                        "created_at",
                        "updated_at");
                BulkWriter party = BulkWriter.open(db, "system_party", "system_id", "organization_id", "party_role");
                BulkWriter dossier = BulkWriter.open(
                        db,
                        "level_dossier",
                        "id",
                        "system_id",
                        "regime",
                        "proposed_level",
                        "status",
                        "preparer_org_id",
                        "appraiser_org_id",
                        "approver_org_id",
                        "submitted_at",
                        "step_started_on",
                        "step_due_on",
                        "appraised_at",
                        "approved_at",
                        "decision_number",
                        "decision_date",
                        "created_at",
                        "updated_at");
                BulkWriter comp = BulkWriter.open(
                        db,
                        "system_component",
                        "id",
                        "system_id",
                        "kind",
                        "name",
                        "ip_addresses",
                        "operating_system",
                        "vendor",
                        "product",
                        "product_version",
                        "cpe",
                        "purl",
                        "created_at");
                BulkWriter scan = BulkWriter.open(
                        db,
                        "scan",
                        "id",
                        "system_id",
                        "format",
                        "tools",
                        "scan_date",
                        "full_scan",
                        "status",
                        "parsed_count",
                        "created_count",
                        "location_count",
                        "report_name",
                        "uploaded_by_name",
                        "uploaded_at",
                        "finished_at");
                BulkWriter finding = BulkWriter.open(
                        db,
                        "finding",
                        "id",
                        "system_id",
                        "tool",
                        "format",
                        "key_scheme",
                        "key_version",
                        "fingerprint",
                        "title",
                        "severity",
                        "severity_rank",
                        "cves",
                        "cvss_score",
                        "component",
                        "primary_host",
                        "status",
                        "first_seen",
                        "last_seen",
                        "due_date",
                        "first_scan_id",
                        "last_scan_id",
                        "closed_by_scan_id",
                        "closed_on",
                        "risk_reason",
                        "risk_approved_name",
                        "risk_expires_on",
                        "status_changed_at");
                BulkWriter location = BulkWriter.open(
                        db,
                        "finding_location",
                        "id",
                        "finding_id",
                        "location_key",
                        "host",
                        "port",
                        "protocol",
                        "fixed",
                        "first_scan_id")) {
            party.after(sys);
            dossier.after(sys);
            comp.after(sys);
            scan.after(sys);
            finding.after(scan);
            location.after(finding);
            for (long s = 1; s <= target; s++) {
                Org owner = owners.get(s <= owners.size() ? (int) (s - 1) : random.nextInt(owners.size()));
                // About one system in twelve is run by another unit (the department's data centre).
                Org operator = owner.kind().equals("UNIT") && random.nextInt(12) == 0 ? parentOf(owner) : owner;
                String type = pick(
                        new String[] {"INTERNAL", "CITIZEN_BUSINESS", "INFRASTRUCTURE", "ICS", "OTHER"},
                        new int[] {50, 35, 10, 3, 2});
                int level =
                        Integer.parseInt(pick(new String[] {"1", "2", "3", "4", "5"}, new int[] {15, 45, 30, 9, 1}));
                String lifecycle = pick(
                        new String[] {"OPERATING", "UNDER_INVESTMENT", "PLANNED", "RETIRED"}, new int[] {85, 8, 4, 3});
                boolean operating = lifecycle.equals("OPERATING");
                LocalDate since = operating ? asOf.minusDays(200 + random.nextInt(3000)) : null;
                boolean approved = operating && random.nextInt(100) < 62;
                LocalDate approvedOn = approved ? asOf.minusDays(10 + random.nextInt(1400)) : null;
                String regime =
                        approvedOn == null ? null : approvedOn.isBefore(ND331_IN_FORCE) ? "nd85-2016" : "nd331-2026";
                String name = NationalTree.SYSTEM_NAMES.get(random.nextInt(NationalTree.SYSTEM_NAMES.size()));
                sys.row(
                        s,
                        owner.id(),
                        operator.id(),
                        "HT-" + pad(s, 6),
                        cut(name + " - " + owner.name(), 300),
                        "Phục vụ công tác của " + owner.name(),
                        type,
                        random.nextBoolean() ? "PUBLIC,PRIVATE" : "PUBLIC,PRIVATE,PERSONAL",
                        (long) (50 + random.nextInt(5000)),
                        (long) random.nextInt(2_000_000),
                        pick(new String[] {"OWN_PREMISES", "DATA_CENTRE", "CLOUD"}, new int[] {45, 40, 15}),
                        lifecycle,
                        since,
                        approved ? level : null,
                        regime,
                        approvedOn,
                        approved
                                ? (100 + random.nextInt(900)) + "/QĐ-"
                                        + owner.topOrg().code()
                                : null,
                        approved ? "Lãnh đạo " + owner.topOrg().code() : null,
                        now,
                        now);
                systemOwners.add(owner);
                systemFacts.add(
                        new int[] {approved ? level : 0, level, operating ? 1 : 0, lifecycle.equals("RETIRED") ? 1 : 0
                        });
                party.row(s, owner.id(), "OWNER");
                party.row(s, operator.id(), "OPERATOR");
                systems++;
                dossier(
                        dossier,
                        s,
                        owner,
                        level,
                        regime,
                        approvedOn,
                        operating || lifecycle.equals("UNDER_INVESTMENT"));

                List<String> hosts = new ArrayList<>();
                int hostCount = 2 + random.nextInt(9);
                for (int h = 0; h < hostCount; h++) {
                    String ip = "10." + (s % 250) + "." + (s / 250 % 250) + "." + (h + 1);
                    hosts.add(ip);
                    comp.row(
                            ++componentId,
                            s,
                            "HOST",
                            "srv-" + s + "-" + (h + 1),
                            ip,
                            h % 3 == 0 ? "Windows Server 2019" : "Ubuntu 22.04",
                            null,
                            null,
                            null,
                            null,
                            null,
                            now);
                }
                int software = 1 + random.nextInt(7);
                boolean[] warned = new boolean[SecondWave.WARNINGS.size()];
                for (int k = 0; k < software; k++) {
                    Product p = Product.ALL.get(random.nextInt(Product.ALL.size()));
                    String version = p.versions()[random.nextInt(p.versions().length)];
                    int w = SecondWave.warningFor(p, version);
                    if (w >= 0 && !warned[w] && !lifecycle.equals("RETIRED")) {
                        warned[w] = true;
                        reached.add(new long[] {w, s, owner.id(), componentId + 1});
                    }
                    comp.row(
                            ++componentId,
                            s,
                            "SOFTWARE",
                            p.product() + " " + version,
                            null,
                            null,
                            p.vendor(),
                            p.product(),
                            version,
                            p.cpe(version),
                            p.purl(version),
                            now);
                }
                components += hostCount + software;

                if (!operating || random.nextInt(100) >= 72) {
                    continue;
                }
                LocalDate first = asOf.minusDays(20 + random.nextInt(330));
                boolean rescan = random.nextInt(100) < 60;
                LocalDate second = rescan ? first.plusDays(20 + random.nextInt(120)) : null;
                if (second != null && second.isAfter(asOf)) {
                    second = asOf;
                }
                long firstScan = ++scanId;
                long lastScan = rescan ? ++scanId : firstScan;
                LocalDate lastDate = second != null ? second : first;
                int count = 40 + random.nextInt(260);
                scan.row(
                        firstScan,
                        s,
                        "nessus",
                        "Nessus",
                        first,
                        true,
                        "COMPLETED",
                        count,
                        count,
                        count,
                        "quet-" + s + "-1.nessus",
                        "Cán bộ " + owner.code(),
                        first.atTime(9, 0).atOffset(VN),
                        first.atTime(9, 5).atOffset(VN));
                if (second != null) {
                    scan.row(
                            lastScan,
                            s,
                            "nessus",
                            "Nessus",
                            second,
                            true,
                            "COMPLETED",
                            count,
                            0,
                            count,
                            "quet-" + s + "-2.nessus",
                            "Cán bộ " + owner.code(),
                            second.atTime(9, 0).atOffset(VN),
                            second.atTime(9, 5).atOffset(VN));
                }
                scans += rescan ? 2 : 1;
                for (int n = 0; n < count; n++) {
                    Plugin plugin = Plugin.ALL.get(random.nextInt(Plugin.ALL.size()));
                    String status = rescan
                            ? pick(
                                    new String[] {"OPEN", "FIXED", "REOPENED", "ACCEPTED_RISK", "FALSE_POSITIVE"},
                                    new int[] {52, 38, 3, 5, 2})
                            : pick(new String[] {"OPEN", "ACCEPTED_RISK", "FALSE_POSITIVE"}, new int[] {92, 5, 3});
                    boolean fixed = status.equals("FIXED");
                    String host = hosts.get(random.nextInt(hosts.size()));
                    long id = ++findingId;
                    finding.row(
                            id,
                            s,
                            "Nessus",
                            "nessus",
                            "nessus/merged",
                            2,
                            String.format("%016x%016x%032x", s, (long) n, (long) plugin.id()),
                            plugin.title(),
                            plugin.severity(),
                            plugin.rank(),
                            plugin.cves(),
                            plugin.cvss(),
                            plugin.component(),
                            host,
                            status,
                            first,
                            fixed ? first : lastDate,
                            plugin.slaDays() < 0 ? null : first.plusDays(plugin.slaDays()),
                            firstScan,
                            fixed ? firstScan : lastScan,
                            fixed ? lastScan : null,
                            fixed ? lastDate : null,
                            status.equals("ACCEPTED_RISK") ? "Hệ thống cũ, chờ thay thế theo kế hoạch năm sau" : null,
                            status.equals("ACCEPTED_RISK")
                                    ? "Lãnh đạo " + owner.topOrg().code()
                                    : null,
                            status.equals("ACCEPTED_RISK") ? asOf.plusDays(30 + random.nextInt(300)) : null,
                            lastDate.atTime(9, 5).atOffset(VN));
                    location.row(
                            ++locationId,
                            id,
                            host + ":" + plugin.port() + "/tcp",
                            host,
                            plugin.port(),
                            "tcp",
                            fixed,
                            firstScan);
                    findings++;
                }
            }
        }
        restartIdentities(componentId, scanId, findingId, locationId);
    }

    private void dossier(
            BulkWriter w,
            long system,
            Org owner,
            int level,
            @Nullable String regime,
            @Nullable LocalDate approvedOn,
            boolean eligible)
            throws SQLException {
        Org top = owner.topOrg();
        long approver = level >= 4 ? 1L : top.id();
        long appraiser = level >= 4 ? 2L : top.id();
        if (approvedOn != null) {
            w.row(
                    ++dossiers,
                    system,
                    regime,
                    level,
                    "APPROVED",
                    owner.id(),
                    appraiser,
                    approver,
                    approvedOn.minusDays(40).atTime(10, 0).atOffset(VN),
                    approvedOn,
                    null,
                    approvedOn.minusDays(10).atTime(15, 0).atOffset(VN),
                    approvedOn.atTime(16, 0).atOffset(VN),
                    (100 + random.nextInt(900)) + "/QĐ-" + top.code(),
                    approvedOn,
                    now,
                    now);
            return;
        }
        if (!eligible || random.nextBoolean()) {
            return;
        }
        String status = pick(new String[] {"DRAFT", "SUBMITTED", "RETURNED", "APPRAISED"}, new int[] {35, 30, 10, 25});
        boolean sent = !status.equals("DRAFT");
        LocalDate submitted = asOf.minusDays(3 + random.nextInt(60));
        w.row(
                ++dossiers,
                system,
                "nd331-2026",
                level,
                status,
                owner.id(),
                appraiser,
                approver,
                sent ? submitted.atTime(10, 0).atOffset(VN) : null,
                sent ? submitted : null,
                sent ? submitted.plusDays(21) : null,
                status.equals("APPRAISED")
                        ? submitted.plusDays(10).atTime(15, 0).atOffset(VN)
                        : null,
                null,
                null,
                null,
                now,
                now);
    }

    private void restartIdentities(long components, long scans, long findings, long locations) throws SQLException {
        boolean postgres = db.isWrapperFor(PGConnection.class);
        restart("organization", orgs.size(), postgres);
        restart("app_user", people, postgres);
        restart("information_system", systems, postgres);
        restart("level_dossier", dossiers, postgres);
        restart("system_component", components, postgres);
        restart("scan", scans, postgres);
        restart("finding_location", locations, postgres);
        // Findings take ids in blocks of a thousand from their own sequence (V20).
        long next = (findings / 1000 + 2) * 1000 + 1;
        try (var st = db.createStatement()) {
            st.execute(
                    postgres
                            ? "SELECT setval('finding_id_block', " + next + ", false)"
                            : "ALTER SEQUENCE finding_id_block RESTART WITH " + next);
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

    private Org parentOf(Org o) {
        String path = o.path();
        String withoutSelf = path.substring(0, path.length() - 1);
        String parentPath = withoutSelf.substring(0, withoutSelf.lastIndexOf('/') + 1);
        String[] parts = parentPath.split("/");
        return orgs.get(Integer.parseInt(parts[parts.length - 1]) - 1);
    }

    private String pick(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String shortName(String name) {
        return name.replace("Ủy ban nhân dân ", "");
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
