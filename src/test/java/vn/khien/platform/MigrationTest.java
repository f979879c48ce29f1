package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same migrations build the schema on the embedded H2 file database and on PostgreSQL. */
@Tag("database")
class MigrationTest {

    @Test
    void migratesAFreshEmbeddedH2FileDatabase(@TempDir Path dir) {
        MigrateResult result = migrate(
                "jdbc:h2:file:" + dir.resolve("khien")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                null);
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
    }

    @Test
    void migratesAFreshPostgresqlSchema() throws Exception {
        String url = System.getProperty("spring.datasource.url", "");
        Assumptions.assumeTrue(
                url.startsWith("jdbc:postgresql:"),
                "the test database is not PostgreSQL: PostgreSQL migration checked on the PostgreSQL pass (./test.sh)");
        String user = System.getProperty("spring.datasource.username");
        String password = System.getProperty("spring.datasource.password");
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS mig_test CASCADE");
            s.execute("CREATE SCHEMA mig_test");
        }
        MigrateResult result = migrate(url, user, password, "mig_test");
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
    }

    private static MigrateResult migrate(String url, String user, String password, String schema) {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        return config.load().migrate();
    }
}
