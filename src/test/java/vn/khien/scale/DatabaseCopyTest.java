package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
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
 * Moving an evaluation installation (embedded H2 file database) into an empty database of the test's engine
 * (PostgreSQL on the -Ppostgres pass, in a schema of its own): every row keeps its id, the audit chain verifies on
 * the new database, the people's tokens still work, and a second copy into a non-empty target is refused.
 */
@Tag("database")
class DatabaseCopyTest {

    private final String testUrl = System.getProperty("spring.datasource.url", "jdbc:h2:mem:x");
    private final boolean postgres = testUrl.startsWith("jdbc:postgresql:");
    private final String user = System.getProperty("spring.datasource.username", "sa");
    private final String password = System.getProperty("spring.datasource.password", "");
    private String schema;

    @TempDir
    Path dir;

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(testUrl, user, password);
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private String target() throws SQLException {
        String name = "copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!postgres) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        try (Connection c = DriverManager.getConnection(testUrl, user, password);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        }
        schema = name;
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
    void anEvaluationDatabaseMovesWithItsIdsFilesAndAnAuditChainThatStillVerifies() throws Exception {
        Files.createDirectories(dir);
        String source = "jdbc:h2:file:" + dir.resolve("khien").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        NationalDataGenerator.generate(source, "sa", "", 0.001, 3, LocalDate.of(2026, 12, 1));
        long auditRecords;
        try (ConfigurableApplicationContext evaluation = node(source, "sa", "")) {
            Http.Api api = admin(evaluation);
            long root = api.get("/api/v1/organizations").json().get(0).get("id").asLong();
            for (int i = 0; i < 3; i++) {
                assertThat(api.post(
                                        "/api/v1/organizations",
                                        Map.of(
                                                "code",
                                                "MOVE-" + i,
                                                "name",
                                                "Đơn vị chuyển " + i,
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
            assertThat(auditRecords).isPositive();
        }
        Map<String, Long> before = fingerprint(source, "sa", "");

        String target = target();
        Map<String, Long> copied = DatabaseCopy.copy(source, "sa", "", target, user, password);
        assertThat(copied.get("finding")).isEqualTo(before.get("findings"));
        assertThat(fingerprint(target, user, password)).isEqualTo(before);

        try (ConfigurableApplicationContext production = node(target, user, password)) {
            Http.Api api = admin(production);
            JsonNode verdict = api.post("/api/v1/audit/verify", Map.of()).json();
            assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("recordsChecked").asLong()).isGreaterThanOrEqualTo(auditRecords);
            // New rows get new ids after the copied ones.
            long root = api.get("/api/v1/organizations").json().get(0).get("id").asLong();
            Http.Response created = api.post(
                    "/api/v1/organizations",
                    Map.of(
                            "code",
                            "AFTER-MOVE",
                            "name",
                            "Đơn vị mới sau khi chuyển",
                            "kind",
                            "UNIT",
                            "parentId",
                            root));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }

        assertThatThrownBy(() -> DatabaseCopy.copy(source, "sa", "", target, user, password))
                .hasMessageContaining("not empty");
    }

    @Test
    void aCommandWithoutItsOptionsSaysWhatIsMissing() {
        assertThat(DatabaseCopy.run(new String[] {}, Map.of("KHIEN_DB_URL", "jdbc:postgresql://x/y")))
                .isEqualTo(2);
        assertThat(DatabaseCopy.run(new String[] {"--from", "jdbc:h2:mem:a"}, Map.of()))
                .isEqualTo(2);
    }

    private static Map<String, Long> fingerprint(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return Map.of(
                    "orgs", one(c, "SELECT COALESCE(SUM(id * LENGTH(path)), 0) FROM organization"),
                    "people", one(c, "SELECT COUNT(*) FROM app_user"),
                    "systems", one(c, "SELECT COALESCE(SUM(id * owner_organization_id), 0) FROM information_system"),
                    "findings", one(c, "SELECT COUNT(*) FROM finding"),
                    "locations", one(c, "SELECT COALESCE(SUM(id + finding_id), 0) FROM finding_location"),
                    "audit", one(c, "SELECT COALESCE(MAX(id), 0) FROM audit_event"));
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
