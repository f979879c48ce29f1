package vn.khien.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.khien.KhienApplication;
import vn.khien.access.PersonPrincipal;
import vn.khien.identity.ApiTokenService;
import vn.khien.vulnerabilities.scans.ScanImportService;
import vn.khien.vulnerabilities.scans.Upload;

/**
 * Not a test: generates a Nessus report of N hosts x M plugins (one ReportItem, i.e. one affected location, per
 * host and plugin), starts the application against PostgreSQL in its own schema, imports the report through the real
 * import path (ScanImportService: raw-report storage, streaming parser, batched all-or-nothing import, audit), imports
 * it again, and prints results per second, peak heap, and the time of a plain COPY of as many rows into a table of
 * the shape of finding_location. See README "Benchmark" for how to run it with a 256 MB heap.
 *
 * <p>Arguments: hosts plugins. Environment: TEST_PG_URL, TEST_PG_USER, TEST_PG_PASSWORD. With {@code -Dbench.api=true}
 * the report is uploaded through the public HTTP API instead (issue 15).
 */
public final class ScanImportBenchmark {

    private static final String SCHEMA = "khien_bench";
    /** {@code -Dbench.api=true}: import through the HTTP API (multipart upload) instead of calling the service. */
    private static final boolean THROUGH_API = Boolean.getBoolean("bench.api");
    /**
     * {@code -Dbench.warm-up=true}: first import a report a tenth the size into another system by the same path, so
     * the timed runs measure a server whose code is already compiled (the JIT compiles the parser and the writer
     * during the first import of a fresh JVM, on the core PostgreSQL needs).
     */
    private static final boolean WARM_UP = Boolean.getBoolean("bench.warm-up");

    private ScanImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int plugins = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String url = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/khien_test");
        String user = env("TEST_PG_USER", "khien");
        String password = env("TEST_PG_PASSWORD", "khien");
        long results = (long) hosts * plugins;

        Path report = Path.of("target", "bench", "report-" + hosts + "x" + plugins + ".nessus");
        if (!Files.exists(report)) {
            long t = System.nanoTime();
            generate(report, hosts, plugins);
            System.out.printf("generated %s (%,d bytes) in %.1f s%n", report, Files.size(report), secs(t));
        }
        resetSchema(url, user, password);
        Cpu.databaseName = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        String appUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema="
                + SCHEMA; // reWriteBatchedInserts: added by PostgresTuning
        // System properties: they win over application.properties (builder defaults would not).
        String[] settings = {
            "spring.datasource.url=" + appUrl,
            "spring.datasource.username=" + user,
            "spring.datasource.password=" + password,
            "spring.flyway.schemas=" + SCHEMA,
            "spring.flyway.default-schema=" + SCHEMA,
            "khien.scans.background-threshold=1TB",
            "khien.scans.reports-dir=target/bench/reports",
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
            long system = setUp(jdbc);
            ScanImportService imports = app.getBean(ScanImportService.class);
            System.out.printf(
                    "report: %d hosts x %d plugins = %,d results, %,d MB, heap max %d MB%n",
                    hosts,
                    plugins,
                    results,
                    Files.size(report) / 1_000_000,
                    Runtime.getRuntime().maxMemory() / 1024 / 1024);
            Path small = Path.of("target", "bench", "report-" + Math.max(1, hosts / 10) + "x" + plugins + ".nessus");
            long warmSystem = 0;
            if (WARM_UP) {
                if (!Files.exists(small)) {
                    generate(small, Math.max(1, hosts / 10), plugins);
                }
                warmSystem = newSystem(jdbc, "BENCH-WARM");
            }
            long smallResults = (long) Math.max(1, hosts / 10) * plugins;
            if (THROUGH_API) {
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                String token = "khn_" + UUID.randomUUID() + UUID.randomUUID();
                app.getBean(ApiTokenService.class)
                        .register(person(jdbc), "bench", token, Instant.now().plusSeconds(3600));
                if (WARM_UP) {
                    viaApi("warm-up (API)", base, token, warmSystem, small, smallResults);
                }
                viaApi("first import (API)", base, token, system, report, results);
                viaApi("re-import (API)", base, token, system, report, results);
            } else {
                if (WARM_UP) {
                    run("warm-up", imports, warmSystem, small, smallResults);
                }
                run("first import", imports, system, report, results);
                run("re-import", imports, system, report, results);
            }
            copy(url, user, password, results);
        } finally {
            app.close();
        }
    }

    /**
     * Through the public API as a client would: {@code POST /api/v1/systems/{id}/scans} with the report streamed from
     * disk as the multipart body over HTTP (bearer token), timed from the first byte sent to the 201 received.
     */
    private static void viaApi(String label, String base, String token, long system, Path report, long results)
            throws Exception {
        System.gc();
        resetPeaks();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        String boundary = "----khienbench" + System.nanoTime();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nnessus\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + report.getFileName()
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(report),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/systems/" + system + "/scans"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body)
                .build();
        Cpu cpu = Cpu.start();
        long t = System.nanoTime();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double s = secs(t);
        sampler.interrupt();
        String used = cpu.used();
        if (r.statusCode() != 201) {
            throw new IllegalStateException(label + ": HTTP " + r.statusCode() + " " + r.body());
        }
        String counts = r.body().replaceAll(".*\"findings\":(\\{[^}]*\\}).*", "$1");
        System.out.printf(
                "%-19s %6.1f s  %,9.0f results/s  peak heap used %4d MB (pool peaks summed %d MB)  %s  %s%n",
                label, s, results / s, sampler.peak / 1024 / 1024, peakHeap() / 1024 / 1024, counts, used);
    }

    private static long person(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = 'bench'")
                .query(Long.class)
                .single();
    }

    private static void run(String label, ScanImportService imports, long system, Path report, long results) {
        System.gc();
        resetPeaks();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        Cpu cpu = Cpu.start();
        long t = System.nanoTime();
        ScanImportService.Accepted a = imports.upload(
                system,
                new Upload(report.getFileName().toString(), sizeOf(report), () -> Files.newInputStream(report)),
                "nessus",
                null,
                true);
        double s = secs(t);
        sampler.interrupt();
        String used = cpu.used();
        System.out.printf(
                "%-13s %6.1f s  %,9.0f results/s  peak heap used %4d MB (pool peaks summed %d MB)  %s  %s%n",
                label,
                s,
                results / s,
                sampler.peak / 1024 / 1024,
                peakHeap() / 1024 / 1024,
                a.scan().counts(),
                used);
    }

    /** For scale: COPY of as many rows of the shape of finding_location into a scratch table. */
    private static void copy(String url, String user, String password, long rows) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + SCHEMA + ".copy_probe");
            st.execute("CREATE TABLE " + SCHEMA + ".copy_probe (LIKE " + SCHEMA + ".finding_location INCLUDING ALL)");
            st.execute("ALTER TABLE " + SCHEMA + ".copy_probe ALTER COLUMN finding_id DROP NOT NULL");
            long t = System.nanoTime();
            long copied = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + SCHEMA
                                    + ".copy_probe (finding_id, location_key, host, port, protocol, fixed, first_scan_id)"
                                    + " FROM STDIN WITH (FORMAT csv)",
                            new CsvRows(rows));
            System.out.printf(
                    "%-13s %6.1f s  %,9.0f rows/s  (%,d rows)  load average %.1f%n",
                    "COPY",
                    secs(t),
                    copied / secs(t),
                    copied,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Generated CSV rows, streamed so the COPY measures the database, not our memory. */
    private static final class CsvRows extends Reader {
        private final long rows;
        private long row;
        private StringReader current = new StringReader("");

        CsvRows(long rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = current.read(buf, off, len);
            while (n < 0) {
                if (row >= rows) {
                    return -1;
                }
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 1000 && row < rows; i++, row++) {
                    long host = row / 200;
                    b.append(row % 200 + 1)
                            .append(",tcp://10.")
                            .append(host / 65536)
                            .append('.')
                            .append(host / 256 % 256)
                            .append('.')
                            .append(host % 256)
                            .append(":443/,10.0.")
                            .append(host / 256)
                            .append('.')
                            .append(host % 256)
                            .append(",443,tcp,f,1\n");
                }
                current = new StringReader(b.toString());
                n = current.read(buf, off, len);
            }
            return n;
        }

        @Override
        public void close() {}
    }

    private static long setUp(JdbcClient jdbc) {
        Instant now = Instant.now();
        long org = jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, email, created_at) VALUES"
                        + " ('bench', 'x', 'Bench', 'bench@example.test', :now)")
                .param("now", Timestamp.from(now))
                .update();
        long person = jdbc.sql("SELECT id FROM app_user WHERE username = 'bench'")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO role_grant (user_id, organization_id, role, granted_at) VALUES (:u, :o, 'SECURITY_OFFICER', :now)")
                .param("u", person)
                .param("o", org)
                .param("now", Timestamp.from(now))
                .update();
        long system = newSystem(jdbc, "BENCH");
        PersonPrincipal principal = new BenchPrincipal(person);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        return system;
    }

    /** A system of the root organisation, owned by it. */
    private static long newSystem(JdbcClient jdbc, String code) {
        Instant now = Instant.now();
        long org = jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id LIMIT 1")
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO information_system (owner_organization_id, operator_organization_id, code, name, system_type,
                    lifecycle_status, created_at, updated_at) VALUES (:o, :o, :code, 'Benchmark', 'INTERNAL', 'OPERATING', :now, :now)""")
                .param("o", org)
                .param("code", code)
                .param("now", Timestamp.from(now))
                .update();
        long system = jdbc.sql("SELECT id FROM information_system WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO system_party (system_id, organization_id, party_role) VALUES (:s, :o, 'OWNER')")
                .param("s", system)
                .param("o", org)
                .update();
        return system;
    }

    private record BenchPrincipal(long personId) implements PersonPrincipal {
        @Override
        public String username() {
            return "bench";
        }
    }

    /** A realistic .nessus file: host properties, then one ReportItem per plugin with the usual text fields. */
    static void generate(Path file, int hosts, int plugins) throws IOException {
        Files.createDirectories(file.getParent());
        String filler = "The remote host is affected by a vulnerability that allows a remote, unauthenticated attacker"
                + " to execute arbitrary code or cause a denial of service via crafted requests. ";
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Report name=\"bench\">\n");
            for (int h = 0; h < hosts; h++) {
                String ip = "10." + (h / 65536) + "." + (h / 256 % 256) + "." + (h % 256);
                w.write("<ReportHost name=\"" + ip + "\"><HostProperties><tag name=\"host-ip\">" + ip
                        + "</tag><tag name=\"operating-system\">Linux Kernel 5.15</tag>"
                        + "<tag name=\"HOST_START\">Mon Jan 12 08:00:00 2026</tag></HostProperties>\n");
                for (int p = 0; p < plugins; p++) {
                    int id = 100000 + p;
                    int sev = p % 5;
                    w.write("<ReportItem port=\"443\" svc_name=\"www\" protocol=\"tcp\" severity=\"" + sev
                            + "\" pluginID=\"" + id + "\" pluginName=\"Vendor product multiple vulnerabilities (" + id
                            + ")\" pluginFamily=\"General\">\n<agent>unix</agent><fname>plugin_" + id
                            + ".nasl</fname><risk_factor>"
                            + new String[] {"None", "Low", "Medium", "High", "Critical"}[sev]
                            + "</risk_factor><synopsis>The remote service is affected by multiple vulnerabilities.</synopsis>\n"
                            + "<description>" + filler + filler + filler + "</description>\n"
                            + "<solution>Upgrade to the latest version provided by the vendor.</solution>\n"
                            + "<see_also>https://vendor.example/advisories/" + id
                            + "\nhttps://nvd.nist.gov/vuln/detail/CVE-2025-"
                            + id + "</see_also>\n<cvss3_base_score>" + (sev * 2 + 1.5) + "</cvss3_base_score>"
                            + "<cvss3_vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</cvss3_vector>"
                            + "<cve>CVE-2025-" + id + "</cve><cwe>79</cwe>\n<plugin_output>Installed version : 1.2." + h
                            + "\nFixed version     : 1.3.0\nPath              : /opt/vendor/product-" + p
                            + "\n</plugin_output>\n</ReportItem>\n");
                }
                w.write("</ReportHost>\n");
            }
            w.write("</Report>\n</NessusClientData_v2>\n");
        }
    }

    private static void resetSchema(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    /** Heap in use, sampled every 5 ms: the pools' own peaks are reached at different times, so their sum overstates. */
    private static final class HeapSampler extends Thread {
        volatile long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime r = Runtime.getRuntime();
            while (!isInterrupted()) {
                peak = Math.max(peak, r.totalMemory() - r.freeMemory());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * CPU time spent while a run lasts: by the calling thread (the import itself when in-process) and by the whole JVM
     * (the server's threads, the garbage collector, and the client's when through the API), with the machine's load
     * average. On a shared machine the wall time mostly measures the others; the CPU time much less so.
     */
    private record Cpu(long thread, long process, long database) {
        /** The database whose PostgreSQL backends are counted (Linux: their CPU ticks in /proc). */
        static volatile String databaseName = "";

        static Cpu start() {
            return new Cpu(
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), processCpu(), databaseTicks());
        }

        String used() {
            return String.format(
                    "cpu: this thread %.1f s, JVM %.1f s, PostgreSQL backends %.1f s, load average %.1f",
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread) / 1e9,
                    (processCpu() - process) / 1e9,
                    (databaseTicks() - database) / 100.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        /** utime + stime (1/100 s) of this database's backends ("postgres: … user database host …"); 0 off Linux. */
        private static long databaseTicks() {
            long ticks = 0;
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    try {
                        String cmd = Files.readString(proc.resolve("cmdline"));
                        if (cmd.startsWith("postgres:") && cmd.contains(" " + databaseName + " ")) {
                            String stat = Files.readString(proc.resolve("stat"));
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended or is not readable
                    }
                }
            } catch (IOException noProc) {
                return 0;
            }
            return ticks;
        }

        private static long processCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                    ? os.getProcessCpuTime()
                    : 0;
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the live peak). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
