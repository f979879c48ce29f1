package vn.khien.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.khien.KhienApplication;
import vn.khien.access.PersonPrincipal;
import vn.khien.platform.StatementCounter;

/**
 * What the reports benchmarks ({@link ReportsBenchmark}, {@link NationalReportsBenchmark}) share: the database from
 * {@code TEST_PG_URL} / {@code TEST_PG_USER} / {@code TEST_PG_PASSWORD}, the application started on one schema of it
 * (jobs off, so the reports job does not refresh while a benchmark measures), a platform administrator signed in on
 * the main thread, and timing with the SQL statements counted and the machine's load average noted.
 */
final class BenchApplication {

    /** The database: {@code TEST_PG_URL} (without a schema), user and password. */
    record Database(String url, String user, String password) {

        static Database fromEnvironment(String defaultUrl) {
            return new Database(
                    env("TEST_PG_URL", defaultUrl), env("TEST_PG_USER", "khien"), env("TEST_PG_PASSWORD", "khien"));
        }

        /** The URL with {@code currentSchema} set. */
        String url(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        /** Drops the schema with everything in it and creates it empty. */
        void resetSchema(String schema) throws Exception {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            }
        }
    }

    private BenchApplication() {}

    /**
     * Starts the whole application (web server on a free port) on the schema, migrating it with Flyway, with the jobs
     * off and the logs at WARN.
     */
    static ConfigurableApplicationContext start(Database db, String schema) {
        String[] settings = {
            "spring.datasource.url=" + db.url(schema),
            "spring.datasource.username=" + db.user(),
            "spring.datasource.password=" + db.password(),
            "spring.flyway.schemas=" + schema,
            "spring.flyway.default-schema=" + schema,
            "logging.level.root=WARN",
            "server.port=0",
            "spring.main.banner-mode=off",
            "khien.jobs.enabled=false",
            "khien.bootstrap.admin-password=Bench-Admin-Password-2026"
        };
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            System.setProperty(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return new SpringApplicationBuilder(KhienApplication.class)
                .web(WebApplicationType.SERVLET)
                .run();
    }

    /** Signs the first platform administrator in on this thread (services check the caller's scope). */
    static void signInAsAdministrator(JdbcClient jdbc) {
        long admin = jdbc.sql("SELECT user_id FROM role_grant WHERE role = 'PLATFORM_ADMIN' ORDER BY user_id")
                .query(Long.class)
                .list()
                .get(0);
        PersonPrincipal principal = new PersonPrincipal() {
            @Override
            public long personId() {
                return admin;
            }

            @Override
            public String username() {
                return "bench";
            }
        };
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
    }

    /** A result, the milliseconds it took and the SQL statements it prepared. */
    record Timed<T>(T value, double ms, int statements) {}

    interface Work<T> {
        T run();
    }

    static <T> Timed<T> time(Work<T> work) {
        StatementCounter.start();
        long t = System.nanoTime();
        T value = work.run();
        double ms = (System.nanoTime() - t) / 1e6;
        return new Timed<>(value, ms, StatementCounter.stop(null));
    }

    /** The machine's one-minute load average (the machine is shared: every figure is printed with it). */
    static String load() {
        return String.format(
                "load %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
