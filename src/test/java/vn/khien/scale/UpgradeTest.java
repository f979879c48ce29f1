package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.khien.KhienApplication;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/**
 * Upgrades are tested from the previous release's schema with data in it (issue 15): a database migrated to
 * {@link #PREVIOUS_RELEASE} (the schema main had when the second wave began: foundation, register, scans and
 * findings, compliance, notices) is filled the way that release wrote it, then the application starts on it, Flyway
 * takes it to the latest version, and the application's own reads (sign-in, home page, register, findings list, the
 * API) answer over the old rows with nothing lost. On H2 in-memory by default, on PostgreSQL (a schema of the test
 * database) with -Ppostgres.
 */
@Tag("database")
class UpgradeTest {

    /** The last version of the previous release (wave 1, before V41). */
    static final String PREVIOUS_RELEASE = "40";

    static final String PASSWORD = "Upgrade-Test-Password-2026";

    @Test
    void aDatabaseOfThePreviousReleaseWithDataUpgradesAndTheApplicationReadsIt() throws Exception {
        String name = "upg_" + UUID.randomUUID().toString().substring(0, 8);
        String url = System.getProperty("spring.datasource.url", "");
        String user;
        String password;
        String schema = null;
        if (url.startsWith("jdbc:postgresql:")) {
            user = System.getProperty("spring.datasource.username");
            password = System.getProperty("spring.datasource.password");
            schema = name;
            JdbcClient.create(new DriverManagerDataSource(url, user, password))
                    .sql("CREATE SCHEMA " + schema)
                    .update();
            url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        } else {
            url = "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        }
        var flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        assertThat(flyway.target(PREVIOUS_RELEASE).load().migrate().targetSchemaVersion)
                .isEqualTo(PREVIOUS_RELEASE);

        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, user, password));
        Old old = fill(db);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(KhienApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--khien.audit.checkpoint-dir=target/upgrade-checkpoints/" + name);
        try {
            assertThat(Flyway.configure()
                            .dataSource(url, user, password)
                            .schemas(schema == null ? new String[0] : new String[] {schema})
                            .locations("classpath:db/migration")
                            .load()
                            .info()
                            .current()
                            .getVersion()
                            .getVersion())
                    .isNotEqualTo(PREVIOUS_RELEASE);
            // Data preserved, and carried over by the migrations in between (V56 renamed a system type).
            assertThat(db.sql("SELECT system_type FROM information_system WHERE id = :id")
                            .param("id", old.system)
                            .query(String.class)
                            .single())
                    .isEqualTo("CITIZEN_BUSINESS");
            assertThat(db.sql("SELECT COUNT(*) FROM finding WHERE system_id = :id")
                            .param("id", old.system)
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);
            assertThat(db.sql("SELECT COUNT(*) FROM finding_location l JOIN finding f ON f.id = l.finding_id"
                                    + " WHERE f.system_id = :id")
                            .param("id", old.system)
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);

            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient browser =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String login = get(browser, base + "/login").body();
            Matcher csrf =
                    Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> signIn = browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + old.username + "&password="
                                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

            assertThat(get(browser, base + "/").statusCode()).isEqualTo(200);
            HttpResponse<String> register = get(browser, base + "/systems");
            assertThat(register.statusCode()).isEqualTo(200);
            assertThat(register.body()).contains(old.code);
            HttpResponse<String> findings = get(browser, base + "/systems/" + old.system + "/findings");
            assertThat(findings.statusCode()).isEqualTo(200);
            assertThat(findings.body()).contains("Lỗ hổng cũ 1").contains("Lỗ hổng cũ 3");
            assertThat(get(browser, base + "/findings").body()).contains("Lỗ hổng cũ 2");

            Http.Response token = new Http(base)
                    .api(null)
                    .post(
                            "/api/v1/tokens",
                            Map.of(
                                    "username",
                                    old.username,
                                    "password",
                                    PASSWORD,
                                    "name",
                                    "upgrade",
                                    "expiresInDays",
                                    1));
            assertThat(token.status()).as(token.body()).isEqualTo(201);
            Http.Api api = new Http(base).api(token.json().get("token").asString());
            Http.Response list = api.get("/api/v1/systems/" + old.system + "/findings");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().get("total").asLong()).isEqualTo(3);
            assertThat(new Http(base)
                            .api(IntegrationTest.ADMIN_TOKEN)
                            .post("/api/v1/audit/verify", "")
                            .json()
                            .get("intact")
                            .asBoolean())
                    .isTrue();
        } finally {
            app.close();
            if (schema != null) {
                JdbcClient.create(new DriverManagerDataSource(
                                System.getProperty("spring.datasource.url"), user, password))
                        .sql("DROP SCHEMA " + schema + " CASCADE")
                        .update();
            }
        }
    }

    record Old(long system, String code, String username) {}

    /** Rows as the previous release wrote them (its columns only). */
    private static Old fill(JdbcClient db) {
        Timestamp now = Timestamp.from(Instant.now());
        db.sql("""
                INSERT INTO organization (id, code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES (900001, 'UPG-ROOT', 'Cơ quan cũ', 'MINISTRY', NULL, '/900001/', :now, :now)""").param("now", now).update();
        db.sql("""
                INSERT INTO organization (id, code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES (900002, 'UPG-UNIT', 'Đơn vị cũ', 'DEPARTMENT', 900001, '/900001/900002/', :now, :now)""").param("now", now).update();
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        db.sql("""
                INSERT INTO app_user (id, username, password_hash, display_name, created_at)
                VALUES (900001, 'upg.canbo', :hash, 'Cán bộ cũ', :now)""").param("hash", hash).param("now", now).update();
        db.sql("""
                INSERT INTO role_grant (user_id, organization_id, role, granted_at)
                VALUES (900001, 900002, 'SECURITY_OFFICER', :now)""").param("now", now).update();
        db.sql("""
                INSERT INTO information_system (id, owner_organization_id, operator_organization_id, code, name,
                    system_type, lifecycle_status, created_at, updated_at)
                VALUES (900001, 900002, 900002, 'UPG-SYS-1', 'Cổng dịch vụ công cũ', 'PUBLIC_SERVICE', 'OPERATING',
                    :now, :now)""").param("now", now).update();
        for (String role : new String[] {"OWNER", "OPERATOR"}) {
            db.sql("INSERT INTO system_party (system_id, organization_id, party_role) VALUES (900001, 900002, :r)")
                    .param("r", role)
                    .update();
        }
        LocalDate seen = LocalDate.now().minusDays(40);
        for (int i = 1; i <= 3; i++) {
            db.sql("""
                    INSERT INTO finding (id, system_id, tool, fingerprint, title, severity, severity_rank, status,
                        first_seen, last_seen, due_date)
                    VALUES (:id, 900001, 'Nessus', :fp, :title, 'HIGH', 1, 'OPEN', :seen, :seen, :due)""")
                    .param("id", 900000 + i)
                    .param("fp", "upgrade-fingerprint-" + i)
                    .param("title", "Lỗ hổng cũ " + i)
                    .param("seen", Date.valueOf(seen))
                    .param("due", Date.valueOf(seen.plusDays(30)))
                    .update();
            db.sql("""
                    INSERT INTO finding_location (finding_id, location_key, host, port)
                    VALUES (:f, :k, '10.0.0.1', 443)""").param("f", 900000 + i).param("k", "10.0.0.1:443/" + i).update();
        }
        return new Old(900001, "UPG-SYS-1", "upg.canbo");
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
