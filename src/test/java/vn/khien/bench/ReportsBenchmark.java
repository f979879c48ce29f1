package vn.khien.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureSource;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;
import vn.khien.reports.periodic.ReportCompiler;
import vn.khien.vulnerabilities.FindingTally;

/**
 * Periodic-report benchmark (issue 14): generates a province of {@code units} organisations (departments with units
 * below) owning {@code systems} systems with scans and findings, plus {@code provinces - 1} small provinces beside it,
 * then times compiling the province's quarterly report (half of its departments submitted, so their rows come from
 * frozen snapshots) and the national dashboard (root subtree, current quarter and a four-quarter trend).
 * A {@code main}, not a test: {@code java … vn.khien.bench.ReportsBenchmark 700 5000 34}. {@code -Dbench.warm-up=false}
 * skips the job's warm-up after its refresh (the first dashboard call is then a cold one, as before ADR 0041);
 * {@code -Dbench.cold-breakdown=true} times the dashboard's two reads on their first execution.
 */
public final class ReportsBenchmark {
    static final String SCHEMA = System.getProperty("bench.schema", "khien_bench_reports");

    private ReportsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 700;
        int systems = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int provinces = args.length > 2 ? Integer.parseInt(args[2]) : 34;
        BenchApplication.Database db =
                BenchApplication.Database.fromEnvironment("jdbc:postgresql://127.0.0.1:5432/khien_test");
        db.resetSchema(SCHEMA);
        ConfigurableApplicationContext app = BenchApplication.start(db, SCHEMA);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t = System.nanoTime();
            long root = jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id")
                    .query(Long.class)
                    .list()
                    .get(0);
            long province = generate(jdbc, root, "BENCH", units, systems);
            for (int p = 1; p < provinces; p++) {
                generate(jdbc, root, "BENCH" + p, 20, 100);
            }
            System.out.printf(
                    "generated %d units / %d systems in the province, %d other provinces, in %.1f s%n",
                    units, systems, provinces - 1, (System.nanoTime() - t) / 1e9);
            ReportKinds kinds = app.getBean(ReportKinds.class);
            var kind = kinds.find("QUARTERLY_STATUS").orElseThrow();
            ReportPeriod period = ReportPeriod.containing(LocalDate.now(), kind.period());
            freezeHalfOfTheDepartments(jdbc, province, period.code());
            ReportCompiler compiler = app.getBean(ReportCompiler.class);
            BenchApplication.signInAsAdministrator(jdbc);
            DashboardService dashboards = app.getBean(DashboardService.class);
            // The dashboard's figures pre-aggregated as the reports job does every 15 minutes (ADR 0025).
            long r = System.nanoTime();
            int rows = app.getBean(FigureSnapshots.class).refreshAll(DashboardService.TREND_QUARTERS);
            System.out.printf(
                    "figure snapshots (running quarter + 3 finished) refreshed, as the job does: %d rows in"
                            + " %.0f ms%n",
                    rows, (System.nanoTime() - r) / 1e6);
            if (Boolean.getBoolean("bench.cold-breakdown")) {
                // Where the first (cold) dashboard call spends its time: its two reads, each on its first execution.
                FigureBook book = app.getBean(FigureBook.class);
                long b = System.nanoTime();
                var nodes = book.subtree(root);
                double subtree = (System.nanoTime() - b) / 1e6;
                b = System.nanoTime();
                var stored = app.getBean(FigureSnapshots.class)
                        .readByChild(
                                root,
                                nodes.get(0).path(),
                                app.getBean(FigureSnapshots.class).quarters(DashboardService.TREND_QUARTERS).stream()
                                        .map(ReportPeriod::code)
                                        .toList());
                double read = (System.nanoTime() - b) / 1e6;
                System.out.printf(
                        "cold breakdown: subtree (%d organisations) %.0f ms, snapshot read (%d periods) %.0f ms%n",
                        nodes.size(), subtree, stored.size(), read);
            }
            if (!"false".equals(System.getProperty("bench.warm-up"))) {
                // What the reports job does after its refresh at start-up (docs/adr/0041).
                long w = System.nanoTime();
                int roots = dashboards.warmUp();
                System.out.printf(
                        "dashboards read once after the refresh, as the job does: %d root(s) in %.0f ms%n",
                        roots, (System.nanoTime() - w) / 1e6);
            }
            // The first dashboard call after the refresh: what the first leader to open it after a start waits for.
            long first = System.nanoTime();
            var firstDashboard = dashboards.dashboard(root);
            System.out.printf(
                    "first national dashboard call after the refresh: %.0f ms (%s)%n",
                    (System.nanoTime() - first) / 1e6,
                    firstDashboard.computedAt() == null ? "LIVE fallback" : "pre-aggregated");
            for (var source : app.getBeansOfType(FigureSource.class).values()) {
                List<Long> all = jdbc.sql("SELECT id FROM organization")
                        .query(Long.class)
                        .list();
                long a = System.nanoTime();
                source.compute(all, new FigurePeriod(period.days().from(), LocalDate.now()));
                System.out.printf(
                        "  source %s: %.0f ms for %d organisations%n",
                        source.getClass().getSimpleName(), (System.nanoTime() - a) / 1e6, all.size());
            }
            for (int i = 0; i < 5; i++) {
                long a = System.nanoTime();
                var c = compiler.compile(province, kind, period, LocalDate.now());
                double compile = (System.nanoTime() - a) / 1e6;
                long b = System.nanoTime();
                var d = dashboards.dashboard(root);
                double dash = (System.nanoTime() - b) / 1e6;
                long l = System.nanoTime();
                var dl = dashboards.dashboard(root, true);
                double live = (System.nanoTime() - l) / 1e6;
                System.out.printf(
                        "run %d (%s): province quarterly report compiled in %.0f ms (%d children, systemsTotal %d);"
                                + " national dashboard in %.0f ms from the snapshot (%d children, %s) / %.0f ms live"
                                + " (systemsTotal %d = %d)%n",
                        i + 1,
                        BenchApplication.load(),
                        compile,
                        c.children().size(),
                        c.totals().get("systemsTotal"),
                        dash,
                        d.children().size(),
                        d.computedAt() == null ? "LIVE fallback" : "pre-aggregated",
                        live,
                        d.standing().figures().get("systemsTotal"),
                        dl.standing().figures().get("systemsTotal"));
            }
        } finally {
            app.close();
        }
    }

    /** A province with departments of about 25 units each, systems spread over all of them, scans and findings. */
    static long generate(JdbcClient jdbc, long root, String code, int units, int systems) {
        Timestamp now = Timestamp.from(Instant.now());
        long province = org(jdbc, root, "/" + root + "/", code, "Tỉnh " + code, now);
        String provincePath = "/" + root + "/" + province + "/";
        List<Long> orgs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        int departments = Math.max(1, units / 25);
        for (int d = 0; d < departments; d++) {
            long dep = org(jdbc, province, provincePath, code + "-S" + d, "Sở " + d + " " + code, now);
            orgs.add(dep);
            String depPath = provincePath + dep + "/";
            for (int u = 0; u < units / departments - 1; u++) {
                orgs.add(org(jdbc, dep, depPath, code + "-S" + d + "-U" + u, "Đơn vị " + u + " sở " + d, now));
            }
        }
        for (int i = 0; i < systems; i++) {
            long owner = orgs.get(i % orgs.size());
            long operator = orgs.get((i * 7) % orgs.size());
            Integer level = i % 4 == 0 ? null : 1 + i % 5;
            long id = jdbc.sql("""
                    INSERT INTO information_system (owner_organization_id, operator_organization_id, code, name,
                        system_type, lifecycle_status, approved_level, approved_on, created_at, updated_at)
                    VALUES (:o, :op, :c, :n, 'INTERNAL', 'OPERATING', :l, :on, :now, :now)""")
                    .param("o", owner)
                    .param("op", operator)
                    .param("c", code + "-HT" + i)
                    .param("n", "Hệ thống " + i)
                    .param("l", level)
                    .param("on", level == null ? null : LocalDate.now().minusMonths(3))
                    .param("now", now)
                    .update(new GeneratedKeyHolder(), "id");
            if (i % 2 == 0) {
                jdbc.sql(
                                "INSERT INTO scan (system_id, scan_date, full_scan, status, uploaded_at) SELECT id, :d, TRUE,"
                                        + " 'COMPLETED', :now FROM information_system WHERE code = :c AND owner_organization_id = :o")
                        .param("d", LocalDate.now().minusMonths(1))
                        .param("now", now)
                        .param("c", code + "-HT" + i)
                        .param("o", owner)
                        .update();
            }
        }
        jdbc.sql("""
                INSERT INTO finding (id, system_id, tool, fingerprint, title, severity, severity_rank, status, first_seen,
                    last_seen, due_date)
                SELECT s.id * 10 + 1, s.id, 'bench', 'fp' || s.id, 'Lỗ hổng thử', 'HIGH', 3, 'OPEN', :seen, :seen, :due
                FROM information_system s JOIN organization o ON o.id = s.owner_organization_id
                WHERE o.path LIKE :path""")
                .param("seen", LocalDate.now().minusMonths(2))
                .param("due", LocalDate.now().minusMonths(1))
                .param("path", provincePath + "%")
                .update();
        // the per-system counts the running quarter's figures read (docs/adr/0058), as an import would keep them
        new FindingTally(jdbc)
                .refresh(jdbc.sql("SELECT s.id FROM information_system s JOIN organization o"
                                + " ON o.id = s.owner_organization_id WHERE o.path LIKE :path")
                        .param("path", provincePath + "%")
                        .query(Long.class)
                        .list());
        return province;
    }

    /** Half of the province's departments submitted: their frozen TOTAL rows stand in for their subtrees. */
    static void freezeHalfOfTheDepartments(JdbcClient jdbc, long province, String period) {
        List<Long> departments = jdbc.sql("SELECT id FROM organization WHERE parent_id = :p ORDER BY id")
                .param("p", province)
                .query(Long.class)
                .list();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < departments.size(); i += 2) {
            long id = jdbc.sql("""
                    INSERT INTO periodic_report (organization_id, kind, period, period_from, period_to, version, status,
                        due_on, rules_version, created_at, submitted_at, updated_at)
                    VALUES (:o, 'QUARTERLY_STATUS', :p, :f, :t, 1, 'SUBMITTED', :t, 'bench', :now, :now, :now)""")
                                    .param("o", departments.get(i))
                                    .param("p", period)
                                    .param("f", LocalDate.now().withDayOfMonth(1))
                                    .param("t", LocalDate.now())
                                    .param("now", now)
                                    .update(new GeneratedKeyHolder(), "id")
                            > 0
                    ? jdbc.sql("SELECT MAX(id) FROM periodic_report")
                            .query(Long.class)
                            .single()
                    : 0;
            for (String f : List.of("systemsTotal", "systemsApproved", "findingsOpenHigh")) {
                jdbc.sql("""
                        INSERT INTO periodic_report_figure (report_id, row_kind, row_organization_id, figure, figure_value)
                        VALUES (:r, 'TOTAL', :o, :f, 100)""")
                        .param("r", id)
                        .param("o", departments.get(i))
                        .param("f", f)
                        .update();
            }
        }
    }

    private static long org(JdbcClient jdbc, long parent, String parentPath, String code, String name, Timestamp now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES (:c, :n, 'UNIT', :p, '/', :now, :now)""")
                .param("c", code)
                .param("n", name)
                .param("p", parent)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE organization SET path = :path WHERE id = :id")
                .param("path", parentPath + id + "/")
                .param("id", id)
                .update();
        return id;
    }
}
