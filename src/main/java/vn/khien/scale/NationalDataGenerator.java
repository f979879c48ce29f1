package vn.khien.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code java -jar khien.jar generate --scale 1.0 --seed 42 [--as-of 2026-12-01]}: fills an empty database (the usual
 * {@code KHIEN_DB_*} settings, the embedded H2 database otherwise) with a deterministic national data set for load
 * tests and benchmarks. It migrates the schema, refuses a database that already holds organisations, writes in bulk
 * ({@code COPY} on PostgreSQL) in one transaction and exits non-zero on any error, leaving nothing behind.
 *
 * <p>Every generated person signs in with the password {@link #PASSWORD}; usernames are the organisation code in
 * lower case and a role word, e.g. {@code t01.lanhdao} (Hà Nội's leader), {@code t01-s01.canbo}, {@code vn.quantri}.
 */
public final class NationalDataGenerator {

    /** The password of every generated person (a test data set; never used on a production database). */
    public static final String PASSWORD = "Khien@Scale2026";

    private NationalDataGenerator() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> env) {
        double scale = 1.0;
        long seed = 42;
        LocalDate asOf = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--scale" -> scale = Double.parseDouble(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--as-of" -> asOf = LocalDate.parse(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!(scale > 0 && scale <= 2)) {
                throw new IllegalArgumentException("--scale must be above 0 and at most 2, was " + scale);
            }
        } catch (RuntimeException e) {
            System.err.println("generate: " + e.getMessage()
                    + "\nusage: java -jar khien.jar generate [--scale 1.0] [--seed 42] [--as-of yyyy-MM-dd]");
            return 2;
        }
        String url = env.getOrDefault(
                "KHIEN_DB_URL",
                "jdbc:h2:file:./data/khien;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        String user = env.getOrDefault("KHIEN_DB_USER", "sa");
        String password = env.getOrDefault("KHIEN_DB_PASSWORD", "");
        try {
            NationalDataSet set = generate(url, user, password, scale, seed, asOf);
            System.out.println("generate: done");
            return set == null ? 1 : 0;
        } catch (Exception e) {
            System.err.println("generate: failed, nothing was written: " + e);
            return 1;
        }
    }

    /** Migrates and fills the database; throws (and rolls back) on any error. */
    static NationalDataSet generate(String url, String user, String password, double scale, long seed, LocalDate asOf)
            throws SQLException {
        long started = System.nanoTime();
        PhaseClock clock = new PhaseClock(System.out);
        clock.time(
                "migrations",
                () -> Flyway.configure()
                        .dataSource(url, user, password)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate());
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM organization")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("the database already holds " + rs.getLong(1)
                            + " organisations: generate fills an empty database only");
                }
            }
            db.setAutoCommit(false);
            String hash =
                    PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
            NationalDataSet set = new NationalDataSet(db, scale, seed, asOf, hash);
            try {
                set.write();
                clock.time("commit", db::commit);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
            if (db.isWrapperFor(PGConnection.class)) {
                db.setAutoCommit(true);
                clock.time("analyze", () -> {
                    try (Statement st = db.createStatement()) {
                        st.execute("ANALYZE");
                    }
                });
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(
                    "generate: scale %s, seed %d, as of %s: %,d organisations, %,d people, %,d systems, "
                            + "%,d dossiers, %,d components, %,d scans, %,d findings, %,d warnings reaching %,d systems, "
                            + "%,d incidents with %,d reports; %,d drills, %,d response plans, %,d response teams, "
                            + "%,d hunting campaigns, %,d network member profiles, %,d periodic reports, %,d budget plans, "
                            + "%,d supplier assessments, %,d awareness deliveries, %,d training records (%,d rows of the "
                            + "third wave) in %d s%n",
                    scale,
                    seed,
                    asOf,
                    set.orgs.size(),
                    set.people,
                    set.systems,
                    set.dossiers,
                    set.components,
                    set.scans,
                    set.findings,
                    set.warnings,
                    set.warningTargets,
                    set.incidents,
                    set.incidentReports,
                    set.drills,
                    set.responsePlans,
                    set.responseTeams,
                    set.huntingCampaigns,
                    set.memberProfiles,
                    set.periodicReports,
                    set.budgetPlans,
                    set.supplierAssessments,
                    set.awarenessDeliveries,
                    set.trainingRecords,
                    set.thirdWaveRows,
                    took.toSeconds());
            return set;
        }
    }
}
