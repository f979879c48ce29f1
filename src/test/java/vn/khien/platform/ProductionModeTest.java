package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import vn.khien.KhienApplication;

/** Production mode refuses unsafe settings at start-up, naming what to set; a safe configuration starts. */
class ProductionModeTest {

    @TempDir
    Path dir;

    /** Started like the jar is, with command-line arguments (they override application.properties). */
    private Started app(String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa",
                "--spring.datasource.password="));
        for (String p : properties) {
            args.add("--" + p);
        }
        return () -> new SpringApplicationBuilder(KhienApplication.class).run(args.toArray(String[]::new));
    }

    interface Started {
        ConfigurableApplicationContext run();
    }

    @Test
    void refusesTheEmbeddedDatabaseAWeakAdminPasswordAndDemoData() {
        assertThatThrownBy(() -> app("khien.mode=production", "khien.bootstrap.admin-password=admin", "khien.demo=true")
                        .run())
                .isInstanceOf(UnsafeProductionConfigurationException.class)
                .hasMessageContaining("KHIEN_DB_URL")
                .hasMessageContaining("KHIEN_ALLOW_EMBEDDED_DB=true")
                .hasMessageContaining("KHIEN_BOOTSTRAP_ADMIN_PASSWORD is a default or weak password")
                .hasMessageContaining("demo");
    }

    @Test
    void refusesAFirstStartWithoutABootstrapAdministrator() {
        assertThatThrownBy(() -> app(
                                "khien.mode=production",
                                "khien.allow-embedded-database=true",
                                "khien.bootstrap.admin-password=")
                        .run())
                .hasStackTraceContaining("Set KHIEN_BOOTSTRAP_ADMIN_USERNAME and KHIEN_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void refusesAWellKnownDatabasePassword() {
        assertThat(ProductionModeGuard.problems(new MockEnvironment()
                        .withProperty("khien.mode", "production")
                        .withProperty("spring.datasource.url", "jdbc:postgresql://db/khien")
                        .withProperty("spring.datasource.password", "postgres")))
                .singleElement()
                .asString()
                .contains("KHIEN_DB_PASSWORD");
    }

    @Test
    void startsWhenConfiguredSafelyAndSendsHsts() throws Exception {
        try (ConfigurableApplicationContext ctx = app(
                        "khien.mode=production",
                        "khien.allow-embedded-database=true",
                        "khien.bootstrap.admin-username=root-admin",
                        "khien.bootstrap.admin-password=A-long-and-unusual-secret-2026")
                .run()) {
            int port = ctx.getEnvironment().getProperty("local.server.port", Integer.class);
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        }
    }
}
