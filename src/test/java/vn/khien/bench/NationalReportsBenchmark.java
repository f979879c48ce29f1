package vn.khien.bench;

import static vn.khien.bench.BenchApplication.time;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.bench.BenchApplication.Timed;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureSource;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;
import vn.khien.reports.periodic.Compilation;
import vn.khien.reports.periodic.ReportCompiler;
import vn.khien.scale.NationalDataGenerator;

/**
 * Issue 14's targets measured on the generated national data set (issue 15), not on a data set of its own: fills the
 * schema {@code khien_bench_national} with {@code generate --scale S --seed 42 --as-of today} (kept between runs:
 * {@code -Dbench.regenerate=true} starts again), starts the application on it and times, five times each, compiling
 * the largest province's quarterly report (running quarter: children frozen or live as generated), the national
 * roll-up of the previous quarter (most provinces and ministries frozen) and of the running quarter (all live), and
 * the national and provincial dashboards (after the snapshot refresh the reports job does), counting the SQL
 * statements of each. {@code -Dbench.schema=…} points it at another schema, e.g. the {@code public} schema of a
 * database filled by {@code generate} (it is only regenerated when it holds no periodic report or with
 * {@code -Dbench.regenerate=true}).
 *
 * <p>A {@code main}, not a test: {@code java … vn.khien.bench.NationalReportsBenchmark 0.1 42}.
 */
public final class NationalReportsBenchmark {
    /**
     * The schema holding the generated set; {@code -Dbench.schema=public} with {@code TEST_PG_URL} naming a database
     * that {@code java -jar khien.jar generate} already filled measures that set as it is (e.g. scale 1.0).
     */
    static final String SCHEMA = System.getProperty("bench.schema", "khien_bench_national");

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private NationalReportsBenchmark() {}

    public static void main(String[] args) throws Exception {
        String scale = args.length > 0 ? args[0] : "0.1";
        String seed = args.length > 1 ? args[1] : "42";
        int runs = Integer.getInteger("bench.runs", 5);
        BenchApplication.Database db =
                BenchApplication.Database.fromEnvironment("jdbc:postgresql://127.0.0.1:5432/khien_generator");
        LocalDate today = LocalDate.now(VN);
        boolean regenerate = Boolean.getBoolean("bench.regenerate") || !generated(db);
        if (regenerate && System.getProperty("bench.schema") != null && !Boolean.getBoolean("bench.regenerate")) {
            throw new IllegalStateException("schema " + SCHEMA + " holds no generated set: fill it with generate first,"
                    + " or give -Dbench.regenerate=true to drop and regenerate it");
        }
        if (regenerate) {
            db.resetSchema(SCHEMA);
            long t = System.nanoTime();
            int exit = NationalDataGenerator.run(
                    new String[] {"--scale", scale, "--seed", seed, "--as-of", today.toString()},
                    Map.of(
                            "KHIEN_DB_URL",
                            db.url(SCHEMA),
                            "KHIEN_DB_USER",
                            db.user(),
                            "KHIEN_DB_PASSWORD",
                            db.password()));
            if (exit != 0) {
                throw new IllegalStateException("generate exited with " + exit);
            }
            System.out.printf(
                    "generated scale %s seed %s as of %s in %.0f s%n",
                    scale, seed, today, (System.nanoTime() - t) / 1e9);
        } else {
            System.out.println("reusing the generated set in schema " + SCHEMA + " (-Dbench.regenerate=true to redo)");
        }
        ConfigurableApplicationContext app = BenchApplication.start(db, SCHEMA);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            BenchApplication.signInAsAdministrator(jdbc);
            long root = jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id")
                    .query(Long.class)
                    .list()
                    .get(0);
            // The largest province of the set: the most organisations in its subtree.
            Map<String, Object> province = jdbc.sql("""
                    SELECT p.id, p.name_vi,
                      (SELECT COUNT(*) FROM organization o WHERE o.path LIKE CONCAT(p.path, '%')) AS orgs,
                      (SELECT COUNT(*) FROM information_system s JOIN organization o ON o.id = s.owner_organization_id
                       WHERE o.path LIKE CONCAT(p.path, '%')) AS systems
                    FROM organization p WHERE p.kind = 'PROVINCE' ORDER BY orgs DESC, systems DESC, p.id""").query().listOfRows().get(0);
            long provinceId = ((Number) province.get("id")).longValue();
            long organisations = jdbc.sql("SELECT COUNT(*) FROM organization")
                    .query(Long.class)
                    .single();
            long systems = jdbc.sql("SELECT COUNT(*) FROM information_system")
                    .query(Long.class)
                    .single();
            long findings =
                    jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
            System.out.printf(
                    "set: %,d organisations, %,d systems, %,d findings; largest province %s: %s organisations,"
                            + " %s systems%n",
                    organisations,
                    systems,
                    findings,
                    province.get("name_vi"),
                    province.get("orgs"),
                    province.get("systems"));

            ReportCompiler compiler = app.getBean(ReportCompiler.class);
            ReportKind kind =
                    app.getBean(ReportKinds.class).find("QUARTERLY_STATUS").orElseThrow();
            ReportPeriod current = ReportPeriod.containing(today, kind.period());
            ReportPeriod previous =
                    ReportPeriod.containing(current.days().from().minusDays(1), kind.period());
            DashboardService dashboards = app.getBean(DashboardService.class);

            long r = System.nanoTime();
            int rows = app.getBean(FigureSnapshots.class).refreshAll(DashboardService.TREND_QUARTERS);
            System.out.printf(
                    "figure snapshots refreshed as the reports job does: %,d rows in %.0f ms%n",
                    rows, (System.nanoTime() - r) / 1e6);

            // Where a compilation's time goes: each figure source over every organisation, for both quarters.
            List<Long> all =
                    jdbc.sql("SELECT id FROM organization").query(Long.class).list();
            FigureBook book = app.getBean(FigureBook.class);
            for (ReportPeriod period : List.of(previous, current)) {
                FigurePeriod days = book.asOfToday(period.days());
                for (FigureSource source :
                        app.getBeansOfType(FigureSource.class).values()) {
                    Timed<Map<Long, Map<String, Long>>> t = time(() -> source.compute(all, days));
                    System.out.printf(
                            "  %s source %s: %.0f ms, %d sql, %,d organisations%n",
                            period.code(), source.getClass().getSimpleName(), t.ms(), t.statements(), all.size());
                }
            }

            for (int i = 1; i <= runs; i++) {
                Timed<Compilation> p = time(() -> compiler.compile(provinceId, kind, current, today));
                Timed<Compilation> n = time(() -> compiler.compile(root, kind, previous, today));
                // The running quarter at the root: no province or ministry has submitted, every figure is live over
                // the whole set (at scale 0.1 more organisations and systems than the largest province).
                Timed<Compilation> l = time(() -> compiler.compile(root, kind, current, today));
                Timed<DashboardService.Dashboard> d = time(() -> dashboards.dashboard(root));
                Timed<DashboardService.Dashboard> pd = time(() -> dashboards.dashboard(provinceId));
                System.out.printf(
                        "run %d (%s): province %s report %.0f ms (%d sql; %d children, %d frozen; systemsTotal %d) |"
                                + " national %s roll-up %.0f ms (%d sql; %d children, %d frozen) |"
                                + " national %s live %.0f ms (%d sql; %d frozen; systemsTotal %d) |"
                                + " national dashboard %.0f ms (%d sql, %s) | province dashboard %.0f ms (%d sql)%n",
                        i,
                        BenchApplication.load(),
                        current.code(),
                        p.ms(),
                        p.statements(),
                        p.value().children().size(),
                        p.value().children().stream()
                                .filter(Compilation.ChildRow::frozen)
                                .count(),
                        p.value().totals().get("systemsTotal"),
                        previous.code(),
                        n.ms(),
                        n.statements(),
                        n.value().children().size(),
                        n.value().children().stream()
                                .filter(Compilation.ChildRow::frozen)
                                .count(),
                        current.code(),
                        l.ms(),
                        l.statements(),
                        l.value().children().stream()
                                .filter(Compilation.ChildRow::frozen)
                                .count(),
                        l.value().totals().get("systemsTotal"),
                        d.ms(),
                        d.statements(),
                        d.value().computedAt() == null ? "live fallback" : "pre-aggregated",
                        pd.ms(),
                        pd.statements());
            }
        } finally {
            app.close();
        }
    }

    private static boolean generated(BenchApplication.Database db) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + ".periodic_report")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
