package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.khien.KhienApplication;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/**
 * Backup and restore with the tools every installation has (README, Operations): {@code copy-database} writes the
 * live database (the test's engine: H2, or a PostgreSQL schema with -Ppostgres) into an embedded H2 file, the backup;
 * after a loss, {@code copy-database} from that file into an empty database restores it. The restored database has
 * the same rows with the same ids, its audit chain verifies, and the application works on it (issue 15).
 */
@Tag("database")
class BackupRestoreTest {

    private final String testUrl = System.getProperty("spring.datasource.url", "jdbc:h2:mem:x");
    private final boolean postgres = testUrl.startsWith("jdbc:postgresql:");
    private final String user = System.getProperty("spring.datasource.username", "sa");
    private final String password = System.getProperty("spring.datasource.password", "");
    private final List<String> schemas = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void dropSchemas() throws SQLException {
        for (String schema : schemas) {
            try (Connection c = DriverManager.getConnection(testUrl, user, password);
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** An empty database of the test's engine. */
    private String emptyDatabase(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!postgres) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        try (Connection c = DriverManager.getConnection(testUrl, user, password);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        }
        schemas.add(name);
        return testUrl + (testUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    private static ConfigurableApplicationContext node(String url, String user, String password) {
        return new SpringApplicationBuilder(KhienApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password);
    }

    private static Http.Api admin(ConfigurableApplicationContext node) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return new Http("http://127.0.0.1:" + port).api(IntegrationTest.ADMIN_TOKEN);
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseGivesBackTheSameRowsAndAVerifyingAuditChain() throws Exception {
        String live = emptyDatabase("live_");
        NationalDataGenerator.generate(live, user, password, 0.001, 5, LocalDate.of(2026, 12, 1));
        long auditRecords;
        String lastHash;
        try (ConfigurableApplicationContext node = node(live, user, password)) {
            Http.Api api = admin(node);
            long root = api.get("/api/v1/organizations").json().get(0).get("id").asLong();
            for (int i = 0; i < 3; i++) {
                assertThat(api.post(
                                        "/api/v1/organizations",
                                        Map.of(
                                                "code",
                                                "BK-" + i,
                                                "name",
                                                "Đơn vị sao lưu " + i,
                                                "kind",
                                                "UNIT",
                                                "parentId",
                                                root))
                                .status())
                        .isEqualTo(201);
            }
            JsonNode verdict = api.post("/api/v1/audit/verify", Map.of()).json();
            assertThat(verdict.get("intact").asBoolean()).isTrue();
            auditRecords = verdict.get("recordsChecked").asLong();
        }
        Map<String, Long> before = fingerprint(live, user, password);
        lastHash = one(live, user, password, "SELECT last_hash FROM audit_head");

        Files.createDirectories(dir);
        String backup = "jdbc:h2:file:" + dir.resolve("khien-backup").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        DatabaseCopy.copy(live, user, password, backup, "sa", "");
        assertThat(fingerprint(backup, "sa", "")).isEqualTo(before);

        String restored = emptyDatabase("restored_");
        DatabaseCopy.copy(backup, "sa", "", restored, user, password);
        assertThat(fingerprint(restored, user, password)).isEqualTo(before);
        assertThat(one(restored, user, password, "SELECT last_hash FROM audit_head"))
                .isEqualTo(lastHash);

        try (ConfigurableApplicationContext node = node(restored, user, password)) {
            Http.Api api = admin(node);
            JsonNode verdict = api.post("/api/v1/audit/verify", Map.of()).json();
            assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("recordsChecked").asLong()).isGreaterThanOrEqualTo(auditRecords);
            long root = api.get("/api/v1/organizations").json().get(0).get("id").asLong();
            assertThat(api.post(
                                    "/api/v1/organizations",
                                    Map.of(
                                            "code",
                                            "BK-AFTER",
                                            "name",
                                            "Đơn vị sau khôi phục",
                                            "kind",
                                            "UNIT",
                                            "parentId",
                                            root))
                            .status())
                    .isEqualTo(201);
            assertThat(api.post("/api/v1/audit/verify", Map.of())
                            .json()
                            .get("intact")
                            .asBoolean())
                    .isTrue();
        }
    }

    private static Map<String, Long> fingerprint(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return Map.of(
                    "orgs", count(c, "SELECT COALESCE(SUM(id * LENGTH(path)), 0) FROM organization"),
                    "people", count(c, "SELECT COALESCE(SUM(id), 0) FROM app_user"),
                    "systems", count(c, "SELECT COALESCE(SUM(id * owner_organization_id), 0) FROM information_system"),
                    "findings", count(c, "SELECT COALESCE(SUM(id * severity_rank), 0) FROM finding"),
                    "locations", count(c, "SELECT COALESCE(SUM(id + finding_id), 0) FROM finding_location"),
                    "dossiers", count(c, "SELECT COUNT(*) FROM level_dossier"),
                    "audit", count(c, "SELECT COALESCE(SUM(id), 0) FROM audit_event"));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String one(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
