package vn.khien.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.KhienApplication;
import vn.khien.access.PersonPrincipal;
import vn.khien.warnings.advisories.AdvisoryImportService;
import vn.khien.warnings.alerts.WarningService;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.Component;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.NvdConfiguration;
import vn.khien.warnings.matching.PurlCriterion;

/**
 * Not a test: the warnings targets of issue 11 (bench/README.md "Warnings").
 * <ol>
 *   <li>Matching engine alone: one warning (a CPE range and a purl range) against 1,000,000 components of 100,000
 *   systems held in memory, every component through the engine (no SQL pre-selection).</li>
 *   <li>Publishing that warning through the real {@code WarningService} against PostgreSQL holding the same inventory
 *   (100,000 systems, 1,000,000 components loaded with COPY): scope query, candidate pre-selection by CPE/purl
 *   prefix, engine, targets and reasons written, audit.</li>
 *   <li>Importing the full CISA KEV catalogue (shared fixture) and a generated NVD API 2.0 file of one year's size
 *   (40,000 records built from a real record of the shared fixtures) through {@code AdvisoryImportService}.</li>
 * </ol>
 * Arguments: systems componentsPerSystem nvdRecords (0: no feed imports). Environment: TEST_PG_URL, TEST_PG_USER, TEST_PG_PASSWORD;
 * system property khien.fixtures.dir (default ../shared/fixtures).
 */
public final class WarningsBenchmark {

    private static final String SCHEMA = "khien_bench_warnings";

    private WarningsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int systems = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perSystem = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int nvdRecords = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        Path fixtures = Path.of(System.getProperty("khien.fixtures.dir", "../shared/fixtures"), "feeds");
        System.out.printf(
                "heap max %d MB, %,d systems x %d components%n",
                Runtime.getRuntime().maxMemory() >> 20, systems, perSystem);

        engineAlone(systems, perSystem);

        String url = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/khien_test");
        String user = env("TEST_PG_USER", "khien");
        String password = env("TEST_PG_PASSWORD", "khien");
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
        }
        String appUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        String[] settings = {
            "spring.datasource.url=" + appUrl,
            "spring.datasource.username=" + user,
            "spring.datasource.password=" + password,
            "spring.flyway.schemas=" + SCHEMA,
            "spring.flyway.default-schema=" + SCHEMA,
            "logging.level.root=WARN",
            "server.port=0",
            "spring.main.banner-mode=off",
            "khien.bootstrap.admin-password=Bench-Admin-Password-2026"
        };
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            System.setProperty(setting.substring(0, eq), setting.substring(eq + 1));
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KhienApplication.class)
                .web(WebApplicationType.SERVLET)
                .run();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long[] orgs = setUp(jdbc);
            long t = System.nanoTime();
            loadInventory(url, user, password, orgs[1], systems, perSystem);
            System.out.printf("%-34s %6.1f s%n", "inventory loaded with COPY", secs(t));
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement st = c.createStatement()) {
                st.execute("ANALYZE " + SCHEMA + ".information_system");
                st.execute("ANALYZE " + SCHEMA + ".system_component");
            }
            WarningService warnings = app.getBean(WarningService.class);
            for (String run : List.of("publish + match (1st)", "publish + match (2nd)")) {
                t = System.nanoTime();
                WarningService.Published p = warnings.publish(new WarningService.PublishRequest(
                        orgs[0],
                        "Bench " + run,
                        null,
                        "HIGH",
                        List.of("CVE-2021-41773", "CVE-2021-44228"),
                        List.of(
                                new WarningService.ProductInput(
                                        "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*",
                                        "2.4.0",
                                        null,
                                        null,
                                        "2.4.51",
                                        null,
                                        null),
                                new WarningService.ProductInput(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "pkg:maven/org.apache.logging.log4j/log4j-core",
                                        "vers:maven/>=2.0|<2.15.0")),
                        LocalDate.now().plusDays(3),
                        LocalDate.now().plusDays(10),
                        "AMBER",
                        null,
                        null,
                        null,
                        null));
                System.out.printf("%-34s %6.2f s  (%,d systems reached)%n", run, secs(t), p.systemsReached());
            }

            if (nvdRecords == 0) {
                return; // third argument 0: the publish figures only, no feed imports
            }
            AdvisoryImportService imports = app.getBean(AdvisoryImportService.class);
            Path kev = fixtures.resolve("kev/known_exploited_vulnerabilities.json");
            for (String run : List.of("KEV catalogue import", "KEV catalogue re-import")) {
                System.gc();
                t = System.nanoTime();
                AdvisoryImportService.Result r =
                        imports.importFeed(kev.getFileName().toString(), () -> Files.newInputStream(kev));
                System.out.printf(
                        "%-34s %6.2f s  (%,d advisories, %,d created, %,d updated)%n",
                        run, secs(t), r.advisories(), r.created(), r.updated());
            }
            Path nvd = generateNvd(fixtures.resolve("nvd/CVE-2021-41773.json"), nvdRecords);
            System.gc();
            t = System.nanoTime();
            AdvisoryImportService.Result r =
                    imports.importFeed(nvd.getFileName().toString(), () -> Files.newInputStream(nvd));
            System.out.printf(
                    "%-34s %6.1f s  (%,d advisories, %,d MB file)%n",
                    "NVD year import", secs(t), r.advisories(), Files.size(nvd) >> 20);
        } finally {
            app.close();
        }
    }

    /** Every component of the national inventory through the engine, grouped by system as the matcher does. */
    private static void engineAlone(int systems, int perSystem) {
        AffectedProducts warning = new AffectedProducts(
                List.of(NvdConfiguration.single(new CpeCriterion(
                        "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", "2.4.0", null, null, "2.4.51"))),
                List.of(new PurlCriterion("pkg:maven/org.apache.logging.log4j/log4j-core", "vers:maven/>=2.0|<2.15.0")),
                List.of());
        long t = System.nanoTime();
        List<List<Component>> inventory = new ArrayList<>(systems);
        long id = 1;
        for (int s = 0; s < systems; s++) {
            List<Component> cs = new ArrayList<>(perSystem);
            for (int k = 0; k < perSystem; k++) {
                String[] row = component(s, k);
                cs.add(new Component(id++, s, row[0], row[1], null));
            }
            inventory.add(cs);
        }
        System.out.printf("%-34s %6.1f s%n", "in-memory inventory built", secs(t));
        for (String run : List.of("engine, every component (1st)", "engine, every component (2nd)")) {
            t = System.nanoTime();
            int reached = 0;
            for (List<Component> cs : inventory) {
                if (!warning.match(cs).isEmpty()) {
                    reached++;
                }
            }
            System.out.printf("%-34s %6.2f s  (%,d systems reached)%n", run, secs(t), reached);
        }
    }

    /** Component k of system s: cpe and purl (one of them may be null). 1 % run an affected httpd, 1 % log4j. */
    static String[] component(int s, int k) {
        if (k == 0 && s % 100 == 0) {
            return new String[] {"cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null};
        }
        if (k == 0 && s % 100 == 1) {
            return new String[] {"cpe:2.3:a:apache:http_server:2.4.51:*:*:*:*:*:*:*", null};
        }
        if (k == 1 && s % 100 == 2) {
            return new String[] {null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"};
        }
        if (k == 1 && s % 100 == 3) {
            return new String[] {null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"};
        }
        int n = (s * 7 + k * 131) % 2000;
        String version = "1." + k + "." + (s % 50);
        return k % 2 == 0
                ? new String[] {"cpe:2.3:a:vendor" + n + ":product" + n + ":" + version + ":*:*:*:*:*:*:*", null}
                : new String[] {null, "pkg:maven/org.example" + n + "/lib" + n + "@" + version};
    }

    private static long[] setUp(JdbcClient jdbc) {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Object> root = jdbc.sql(
                        "SELECT id, path FROM organization WHERE parent_id IS NULL ORDER BY id LIMIT 1")
                .query()
                .singleRow();
        long rootId = ((Number) root.get("id")).longValue();
        jdbc.sql("""
                INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES ('BENCH-UNIT', 'Đơn vị benchmark', 'UNIT', :p, 'x', :now, :now)""").param("p", rootId).param("now", now).update();
        long unit = jdbc.sql("SELECT id FROM organization WHERE code = 'BENCH-UNIT'")
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE organization SET path = :p WHERE id = :id")
                .param("p", root.get("path") + "" + unit + "/")
                .param("id", unit)
                .update();
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, email, created_at) VALUES"
                        + " ('bench', 'x', 'Bench', 'bench@example.test', :now)")
                .param("now", now)
                .update();
        long person = jdbc.sql("SELECT id FROM app_user WHERE username = 'bench'")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO role_grant (user_id, organization_id, role, granted_at) VALUES (:u, :o, 'SECURITY_OFFICER', :now)")
                .param("u", person)
                .param("o", rootId)
                .param("now", now)
                .update();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(new BenchPrincipal(person), null, List.of()));
        return new long[] {rootId, unit};
    }

    private record BenchPrincipal(long personId) implements PersonPrincipal {
        @Override
        public String username() {
            return "bench";
        }
    }

    private static void loadInventory(String url, String user, String password, long unit, int systems, int perSystem)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "COPY " + SCHEMA
                            + ".information_system (owner_organization_id, operator_organization_id, code, name,"
                            + " system_type, lifecycle_status, created_at, updated_at) FROM STDIN WITH (FORMAT csv)",
                    new Rows(
                            systems,
                            (long s) -> unit + "," + unit + ",BENCH-" + s + ",He thong " + s
                                    + ",INTERNAL,OPERATING,2026-01-01 00:00:00+00,2026-01-01 00:00:00+00\n"));
            long first;
            try (Statement st = c.createStatement();
                    var rs = st.executeQuery(
                            "SELECT MIN(id) FROM " + SCHEMA + ".information_system WHERE code LIKE 'BENCH-%'")) {
                rs.next();
                first = rs.getLong(1);
            }
            copy.copyIn(
                    "COPY " + SCHEMA + ".system_component (system_id, kind, name, cpe, purl, created_at)"
                            + " FROM STDIN WITH (FORMAT csv)",
                    new Rows((long) systems * perSystem, (long i) -> {
                        int s = (int) (i / perSystem);
                        String[] row = component(s, (int) (i % perSystem));
                        return (first + s) + ",SOFTWARE,c" + i + "," + (row[0] == null ? "" : row[0]) + ","
                                + (row[1] == null ? "" : row[1]) + ",2026-01-01 00:00:00+00\n";
                    }));
        }
    }

    /** Generated CSV rows, streamed. */
    private static final class Rows extends Reader {
        private final long rows;
        private final LongFunction<String> line;
        private long row;
        private StringReader current = new StringReader("");

        Rows(long rows, LongFunction<String> line) {
            this.rows = rows;
            this.line = line;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int n;
            try {
                n = current.read(buf, off, len);
                while (n < 0) {
                    if (row >= rows) {
                        return -1;
                    }
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < 1000 && row < rows; i++, row++) {
                        b.append(line.apply(row));
                    }
                    current = new StringReader(b.toString());
                    n = current.read(buf, off, len);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return n;
        }

        @Override
        public void close() {}
    }

    /** An NVD API 2.0 file of n records: a real record of the fixtures with the CVE id changed (CVE-2099-nnnnn). */
    private static Path generateNvd(Path template, int n) throws IOException {
        Path out = Path.of("target", "bench", "nvd-synthetic-" + n + ".json");
        if (Files.exists(out)) {
            return out;
        }
        Files.createDirectories(out.getParent());
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode root = mapper.readTree(template.toFile());
        JsonNode record = root.has("vulnerabilities")
                ? root.get("vulnerabilities").get(0)
                : (JsonNode) mapper.createObjectNode().set("cve", root);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\"resultsPerPage\":" + n + ",\"startIndex\":0,\"totalResults\":" + n
                    + ",\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"timestamp\":\"2026-12-06T00:00:00.000\","
                    + "\"vulnerabilities\":[");
            for (int i = 0; i < n; i++) {
                ObjectNode copy = (ObjectNode) record.deepCopy();
                ((ObjectNode) copy.get("cve")).put("id", String.format("CVE-2099-%05d", i + 10000));
                if (i > 0) {
                    w.write(',');
                }
                w.write(mapper.writeValueAsString(copy));
            }
            w.write("]}");
        }
        return out;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
