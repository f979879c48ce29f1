package vn.khien.scale;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import vn.khien.scale.NationalDataSet.Org;

/**
 * The second-wave tables of the national data set: national warnings with the systems they reach (through a
 * vulnerable software component), each target's response history in every state, and incidents per top organisation
 * (province or ministry) per past quarter with their timeline and report submissions. Written after the systems, from
 * a random source split off the main one, so the first part of the data set is unchanged.
 */
final class SecondWave {

    /** One national warning about a vulnerable product version. */
    record Advice(int product, String version, String cve, String title, String severity) {}

    static final List<Advice> WARNINGS = List.of(
            new Advice(
                    0,
                    "2.4.49",
                    "CVE-2021-41773",
                    "Lỗ hổng duyệt thư mục và thực thi mã từ xa trong Apache HTTP Server 2.4.49",
                    "CRITICAL"),
            new Advice(2, "3.0.2", "CVE-2022-3602", "Lỗ hổng tràn bộ đệm trong OpenSSL 3.0.x", "HIGH"),
            new Advice(4, "2019", "CVE-2021-26855", "Lỗ hổng ProxyLogon trong Microsoft Exchange Server", "CRITICAL"),
            new Advice(6, "2.14.1", "CVE-2021-44228", "Lỗ hổng Log4Shell trong thư viện Apache Log4j", "CRITICAL"),
            new Advice(3, "9.0.65", "CVE-2025-24813", "Lỗ hổng thực thi mã từ xa trong Apache Tomcat", "HIGH"),
            new Advice(9, "5.3.17", "CVE-2022-22965", "Lỗ hổng Spring4Shell trong Spring Framework", "CRITICAL"));

    /** Incidents per top organisation per quarter at full scale. */
    static final int INCIDENTS_PER_TOP_PER_QUARTER_AT_FULL_SCALE = 150;

    static final int QUARTERS = 4;

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final LocalDate GAP_FROM = LocalDate.of(2026, 7, 1);
    private static final LocalDate ND331_FROM = LocalDate.of(2026, 8, 19);
    private static final String[] CATEGORIES = {
        "DEFACE", "PHISHING", "MALWARE", "BOTNET", "DDOS", "INTRUSION", "DATA_LEAK", "OTHER"
    };

    private final Connection db;
    private final double scale;
    private final SplittableRandom random;
    private final LocalDate asOf;
    private final OffsetDateTime now;
    private final List<Org> orgs;
    private final List<Org> systemOwners;
    private final List<long[]> reached;

    private final List<Object[]> pendingEvents = new ArrayList<>();
    private final List<Object[]> pendingReports = new ArrayList<>();

    long warnings;
    long targets;
    long responses;
    long matches;
    long incidents;
    long events;
    long reports;

    SecondWave(
            Connection db,
            double scale,
            SplittableRandom random,
            LocalDate asOf,
            List<Org> orgs,
            List<Org> systemOwners,
            List<long[]> reached) {
        this.db = db;
        this.scale = scale;
        this.random = random;
        this.asOf = asOf;
        this.now = asOf.atTime(8, 0).atOffset(VN);
        this.orgs = orgs;
        this.systemOwners = systemOwners;
        this.reached = reached;
    }

    /** The national warning about this product version, or -1. */
    static int warningFor(Product p, String version) {
        int index = Product.ALL.indexOf(p);
        for (int i = 0; i < WARNINGS.size(); i++) {
            Advice a = WARNINGS.get(i);
            if (a.product() == index && a.version().equals(version)) {
                return i;
            }
        }
        return -1;
    }

    void write() throws SQLException {
        warnings();
        incidents();
        boolean postgres = db.isWrapperFor(PGConnection.class);
        restart("warning", warnings, postgres);
        restart("warning_target", targets, postgres);
        restart("warning_match", matches, postgres);
        restart("warning_response", responses, postgres);
        restart("incident", incidents, postgres);
        restart("incident_event", events, postgres);
        restart("incident_report", reports, postgres);
    }

    // ---- warnings -------------------------------------------------------------------------------------------------

    private void warnings() throws SQLException {
        // The national body's security officer (vn.canbo: the third person generated) publishes them.
        long publisher = 3L;
        String publisherName = "vn.canbo";
        LocalDate[] published = new LocalDate[WARNINGS.size()];
        try (BulkWriter w = BulkWriter.open(
                        db,
                        "warning",
                        "id",
                        "organization_id",
                        "title",
                        "description",
                        "severity",
                        "recommended_action",
                        "legal_basis",
                        "cves",
                        "acknowledge_by",
                        "fix_by",
                        "tlp",
                        "scope_kind",
                        "published_by",
                        "published_at");
                BulkWriter t = BulkWriter.open(
                        db,
                        "warning_target",
                        "id",
                        "warning_id",
                        "system_id",
                        "organization_id",
                        "status",
                        "justification",
                        "note",
                        "planned_fix_on",
                        "acknowledged_by",
                        "acknowledged_at",
                        "reached_at",
                        "status_changed_at",
                        "version");
                BulkWriter m = BulkWriter.open(
                        db,
                        "warning_match",
                        "id",
                        "target_id",
                        "matched_by",
                        "component_id",
                        "finding_id",
                        "reason",
                        "matched_at");
                BulkWriter r = BulkWriter.open(
                        db,
                        "warning_response",
                        "id",
                        "target_id",
                        "from_status",
                        "to_status",
                        "justification",
                        "note",
                        "planned_fix_on",
                        "by_user_id",
                        "by_username",
                        "at")) {
            t.after(w);
            m.after(t);
            r.after(t);
            for (int i = 0; i < WARNINGS.size(); i++) {
                Advice a = WARNINGS.get(i);
                // Spread over the past year; the newest a few days ago, so some responses are still open.
                LocalDate on = asOf.minusDays(5 + (long) (WARNINGS.size() - 1 - i) * 55 + random.nextInt(10));
                published[i] = on;
                w.row(
                        (long) i + 1,
                        1L,
                        a.title(),
                        "Cảnh báo quốc gia về " + a.cve() + ": các hệ thống dùng phiên bản bị ảnh hưởng cần xử lý.",
                        a.severity(),
                        "Cập nhật lên phiên bản đã vá lỗi; rà soát dấu hiệu khai thác trong nhật ký hệ thống.",
                        "Luật An ninh mạng 116/2025/QH15",
                        "," + a.cve() + ",",
                        on.plusDays(2),
                        on.plusDays(a.severity().equals("CRITICAL") ? 15 : 30),
                        random.nextBoolean() ? "GREEN" : "AMBER",
                        "SUBTREE",
                        publisher,
                        on.atTime(9, 0).atOffset(VN));
                warnings++;
            }
            for (long[] x : reached) {
                int wi = (int) x[0];
                long system = x[1];
                long owner = x[2];
                long component = x[3];
                LocalDate on = published[wi];
                OffsetDateTime reachedAt = on.atTime(9, 1).atOffset(VN);
                long age = asOf.toEpochDay() - on.toEpochDay();
                // Older warnings are mostly settled; the newest mostly still waiting for an answer.
                int settledShare = (int) Math.min(85, age / 4);
                int roll = random.nextInt(100);
                String status;
                if (roll < settledShare) {
                    status = random.nextInt(5) == 0 ? "NOT_AFFECTED" : "FIXED";
                } else {
                    status = switch (random.nextInt(4)) {
                        case 0 -> "REACHED";
                        case 1 -> "ACKNOWLEDGED";
                        case 2 -> "FIXING";
                        default -> random.nextInt(4) == 0 ? "REOPENED" : "FIXING";
                    };
                }
                long id = ++targets;
                String username = orgs.get((int) owner - 1).code().toLowerCase() + ".canbo";
                OffsetDateTime ack = status.equals("REACHED") ? null : reachedAt.plusHours(4 + random.nextInt(60));
                String justification = status.equals("NOT_AFFECTED") ? "vulnerable_code_not_in_execute_path" : null;
                LocalDate plan = status.equals("FIXING") || status.equals("REOPENED")
                        ? on.plusDays(10 + random.nextInt(30))
                        : null;
                // The response history: each step from REACHED to the current status.
                List<String> steps = switch (status) {
                    case "REACHED" -> List.of();
                    case "ACKNOWLEDGED" -> List.of("ACKNOWLEDGED");
                    case "FIXING" -> List.of("ACKNOWLEDGED", "FIXING");
                    case "FIXED" -> List.of("ACKNOWLEDGED", "FIXING", "FIXED");
                    case "REOPENED" -> List.of("ACKNOWLEDGED", "FIXING", "FIXED", "REOPENED");
                    default -> List.of("ACKNOWLEDGED", "NOT_AFFECTED");
                };
                List<Object[]> history = new ArrayList<>();
                String from = "REACHED";
                OffsetDateTime at = ack == null ? reachedAt : ack;
                for (String to : steps) {
                    history.add(new Object[] {
                        ++responses,
                        id,
                        from,
                        to,
                        to.equals("NOT_AFFECTED") ? justification : null,
                        to.equals("REOPENED") ? "Quét lại vẫn phát hiện lỗ hổng" : null,
                        to.equals("FIXING") ? plan : null,
                        null,
                        username,
                        at
                    });
                    from = to;
                    at = at.plusDays(1 + random.nextInt(5));
                }
                OffsetDateTime changed = steps.isEmpty() ? reachedAt : at;
                if (changed.isAfter(now)) {
                    changed = now;
                }
                t.row(
                        id,
                        (long) wi + 1,
                        system,
                        owner,
                        status,
                        justification,
                        null,
                        plan,
                        null,
                        ack,
                        reachedAt,
                        changed,
                        steps.size());
                m.row(
                        ++matches,
                        id,
                        "COMPONENT",
                        component,
                        null,
                        "Thành phần phần mềm "
                                + Product.ALL.get(WARNINGS.get(wi).product()).product() + " "
                                + WARNINGS.get(wi).version(),
                        reachedAt);
                for (Object[] h : history) {
                    r.row(h);
                }
            }
        }
    }

    // ---- incidents -----------------------------------------------------------------------------------------------

    private void incidents() throws SQLException {
        int perQuarter = Math.max(1, (int) Math.round(INCIDENTS_PER_TOP_PER_QUARTER_AT_FULL_SCALE * scale));
        // Systems per top organisation, so each incident hits a system of its own province or ministry.
        Map<Long, List<Integer>> byTop = new HashMap<>();
        for (int i = 0; i < systemOwners.size(); i++) {
            byTop.computeIfAbsent(systemOwners.get(i).topOrg().id(), k -> new ArrayList<>())
                    .add(i);
        }
        LocalDate quarterStart = asOf.withDayOfMonth(1).withMonth((asOf.getMonthValue() - 1) / 3 * 3 + 1);
        try (BulkWriter inc = BulkWriter.open(
                        db,
                        "incident",
                        "id",
                        "organization_id",
                        "system_id",
                        "title",
                        "description",
                        "category",
                        "severity",
                        "status",
                        "source",
                        "detected_at",
                        "detected_offset",
                        "regime",
                        "beyond_capacity",
                        "serious",
                        "national_security_signs",
                        "response_ended_at",
                        "external_ref",
                        "reporter_name",
                        "created_at",
                        "updated_at");
                BulkWriter ev = BulkWriter.open(
                        db, "incident_event", "id", "incident_id", "at", "kind", "detail", "actor_name");
                BulkWriter rep = BulkWriter.open(
                        db,
                        "incident_report",
                        "id",
                        "incident_id",
                        "kind",
                        "rule_id",
                        "due_at",
                        "submitted_at",
                        "submitter_name",
                        "recipients",
                        "email_subject",
                        "document")) {
            ev.after(inc);
            rep.after(inc);
            for (Org top : orgs) {
                List<Integer> systems = byTop.get(top.id());
                if (top.top() != null || systems == null) {
                    continue;
                }
                for (int q = 1; q <= QUARTERS; q++) {
                    LocalDate from = quarterStart.minusMonths(3L * q);
                    int days = (int) (from.plusMonths(3).toEpochDay() - from.toEpochDay());
                    for (int n = 0; n < perQuarter; n++) {
                        int sys = systems.get(random.nextInt(systems.size()));
                        incident(inc, ev, rep, systemOwners.get(sys), sys + 1L, from.plusDays(random.nextInt(days)));
                    }
                }
            }
        }
    }

    private void incident(BulkWriter inc, BulkWriter ev, BulkWriter rep, Org owner, long system, LocalDate day)
            throws SQLException {
        long id = ++incidents;
        OffsetDateTime detected =
                day.atTime(7 + random.nextInt(12), random.nextInt(60)).atOffset(VN);
        String regime = day.isBefore(GAP_FROM) ? "tt20-2017" : day.isBefore(ND331_FROM) ? "gap-2026" : "nd331-2026";
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String severity = switch (random.nextInt(10)) {
            case 0 -> "CRITICAL";
            case 1, 2 -> "HIGH";
            case 3, 4, 5, 6 -> "MEDIUM";
            default -> "LOW";
        };
        boolean serious = severity.equals("CRITICAL") && random.nextBoolean();
        boolean beyond = serious && random.nextBoolean();
        // Most incidents of past quarters are closed; a few are still being handled or were rejected.
        int roll = random.nextInt(100);
        String status = roll < 70
                ? "CLOSED"
                : roll < 75 ? "REJECTED" : roll < 85 ? "RECOVERED" : roll < 93 ? "CONTAINED" : "VERIFIED";
        String actor = owner.code().toLowerCase() + ".canbo";
        long ev0 = events;
        OffsetDateTime at = detected.plusMinutes(20 + random.nextInt(120));
        event(ev, id, at, "REPORTED", "UI", actor);
        List<String> path = switch (status) {
            case "REJECTED" -> List.of("REJECTED");
            case "VERIFIED" -> List.of("VERIFIED");
            case "CONTAINED" -> List.of("VERIFIED", "CONTAINED");
            case "RECOVERED" -> List.of("VERIFIED", "CONTAINED", "ERADICATED", "RECOVERED");
            default -> List.of("VERIFIED", "CONTAINED", "ERADICATED", "RECOVERED", "CLOSED");
        };
        OffsetDateTime ended = null;
        for (String step : path) {
            at = at.plusHours(2 + random.nextInt(40));
            event(ev, id, at, "STATUS_" + step, null, actor);
            if (step.equals("RECOVERED")) {
                ended = at;
            }
        }
        // Reports: the legacy notice, or under Decree 331 the 24 h and 72 h reports of a serious incident.
        OffsetDateTime submitted = detected.plusHours(1 + random.nextInt(20));
        if (regime.equals("nd331-2026")) {
            if (serious || beyond) {
                report(rep, ev, id, "INITIAL_24H", "nd331.initial-24h", detected.plusHours(24), submitted, actor);
                report(
                        rep,
                        ev,
                        id,
                        "REPORT_72H",
                        "nd331.report-72h",
                        detected.plusHours(72),
                        submitted.plusHours(24 + random.nextInt(40)),
                        actor);
            }
        } else if (!status.equals("REJECTED")) {
            report(rep, ev, id, "NOTICE", "tt20.notice", detected.plusHours(24), submitted, actor);
        }
        OffsetDateTime updated = at.isAfter(now) ? now : at;
        inc.row(
                id,
                owner.id(),
                system,
                "Sự cố " + category.toLowerCase().replace('_', ' ') + " tại " + owner.code(),
                "Phát hiện qua giám sát của đơn vị; đã xác minh và xử lý theo phương án ứng phó.",
                category,
                severity,
                status,
                "UI",
                detected,
                "+07:00",
                regime,
                beyond,
                serious,
                false,
                ended,
                "SC-" + id,
                null,
                detected.plusMinutes(20),
                updated);
        if (events == ev0) {
            throw new IllegalStateException("an incident without a timeline");
        }
        // The incident's row first (batches on H2 are written in order), then its timeline and reports.
        for (Object[] e : pendingEvents) {
            ev.row(e);
        }
        for (Object[] r : pendingReports) {
            rep.row(r);
        }
        pendingEvents.clear();
        pendingReports.clear();
    }

    private void event(
            BulkWriter ev, long incident, OffsetDateTime at, String kind, @Nullable String detail, String actor)
            throws SQLException {
        pendingEvents.add(new Object[] {++events, incident, at, kind, detail, actor});
    }

    private void report(
            BulkWriter rep,
            BulkWriter ev,
            long incident,
            String kind,
            String rule,
            OffsetDateTime due,
            OffsetDateTime at,
            String actor)
            throws SQLException {
        String subject = "Báo cáo sự cố SC-" + incident + " (" + kind + ")";
        pendingReports.add(new Object[] {
            ++reports,
            incident,
            kind,
            rule,
            due,
            at,
            actor,
            "Cơ quan chủ quản; Cơ quan điều phối quốc gia",
            subject,
            ("%PDF-1.4\n% " + subject + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)
        });
        event(ev, incident, at, "REPORT_" + kind, "Cơ quan chủ quản; Cơ quan điều phối quốc gia", actor);
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
