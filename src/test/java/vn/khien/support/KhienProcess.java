package vn.khien.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Khiên as a separate child JVM (same classpath as the test JVM, main class {@code vn.khien.KhienApplication}), for
 * crash tests: a {@code kill -9} ({@link #kill()}) loses what a real crash loses, which stopping a Spring context in
 * this JVM cannot show. Each instance has its own port and data directory (the working directory of the child: raw
 * reports, audit checkpoints and, on the H2 pass, the embedded database file) and runs with the {@code test} profile
 * (the bootstrap administrator and its token of {@link IntegrationTest}).
 *
 * <p>The database: the PostgreSQL server of the test run when the test datasource is PostgreSQL (the PostgreSQL pass
 * of {@code ./test.sh}, embedded or given), otherwise the zero-setup default of {@code application.properties}: an H2
 * file under the child's working directory, killed with it as an evaluation installation's database would be. Readiness is awaited on {@code /actuator/health/readiness} with a
 * time limit; the child's output goes to {@code khien-<n>.log} in the data directory and its tail is quoted when it
 * fails to start. Close it in a finally block (or try-with-resources): the child is killed if still alive.
 */
public final class KhienProcess implements AutoCloseable {

    private final Path dataDir;
    private final Map<String, String> properties;
    private final String jdbcUrl;
    private Path h2File;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    private KhienProcess(Path dataDir, Map<String, String> properties) {
        this.dataDir = dataDir.toAbsolutePath();
        this.properties = properties;
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            jdbcUrl = url;
            jdbcUser = System.getProperty("spring.datasource.username", "khien");
            jdbcPassword = System.getProperty("spring.datasource.password", "");
        } else {
            // the zero-setup default of application.properties (./data/khien under the child's working directory)
            jdbcUrl = null;
            h2File = this.dataDir.resolve("data/khien");
            jdbcUser = "sa";
            jdbcPassword = "";
        }
        this.port = freePort();
    }

    /** A child on its own free port and data directory, with extra Spring properties; call {@link #start()}. */
    public static KhienProcess in(Path dataDir, Map<String, String> properties) {
        return new KhienProcess(dataDir, new LinkedHashMap<>(properties));
    }

    public boolean onPostgres() {
        return jdbcUrl != null;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Http.Api admin() {
        return new Http(base()).api(IntegrationTest.ADMIN_TOKEN);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Starts the child (again, after a kill: same port, data directory and database) and waits until it is ready. */
    public KhienProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=Asia/Ho_Chi_Minh",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.khien.KhienApplication"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.profiles.active", "test");
        props.put("server.port", Integer.toString(port));
        props.put("spring.main.banner-mode", "off");
        if (onPostgres()) {
            props.put("spring.datasource.url", jdbcUrl);
            props.put("spring.datasource.username", jdbcUser);
            props.put("spring.datasource.password", jdbcPassword);
        }
        props.put("spring.datasource.hikari.maximum-pool-size", "8");
        props.put("khien.scans.reports-dir", dataDir.resolve("reports").toString());
        props.put(
                "khien.audit.checkpoint-dir",
                dataDir.resolve("audit-checkpoints").toString());
        props.putAll(properties);
        props.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        starts++;
        log = dataDir.resolve("khien-" + starts + ".log");
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(cmd)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(150));
        return this;
    }

    private void awaitReady(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Khiên exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(200);
        }
        kill();
        throw new IllegalStateException("Khiên was not ready within " + timeout + ":\n" + logTail());
    }

    /** {@code kill -9}: no shutdown hook, no graceful shutdown, open transactions cut off. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the killed child JVM did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A normal stop (SIGTERM: graceful shutdown), e.g. before the test opens the H2 file itself. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /**
     * A connection to the child's database: at any time on PostgreSQL; on H2 only once the child is stopped (the file
     * is locked by the running child).
     */
    public Connection database() throws SQLException {
        if (!onPostgres() && process != null && process.isAlive()) {
            throw new IllegalStateException("stop the child before opening its H2 file");
        }
        if (onPostgres()) {
            return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + h2File + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                jdbcUser,
                jdbcPassword);
    }

    public String logTail() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
