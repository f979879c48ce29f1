package vn.khien.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.khien.vulnerabilities.TallyCheck;

/**
 * The national data generator fills the per-system finding tally (docs/adr/0058) with exactly what a GROUP BY over its
 * findings and scans gives, at {@code --scale 0.01} (about 100,000 findings), on the test database's engine.
 */
@Tag("database")
class GeneratedTallyTest {

    private final String testUrl = System.getProperty("spring.datasource.url", "jdbc:h2:mem:x");
    private final boolean postgres = testUrl.startsWith("jdbc:postgresql:");
    private final String user = System.getProperty("spring.datasource.username", "sa");
    private final String password = System.getProperty("spring.datasource.password", "");

    @Test
    void theGeneratedTallyEqualsTheFindings() throws SQLException {
        String name = "tally_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        if (postgres) {
            try (Connection c = DriverManager.getConnection(testUrl, user, password);
                    Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + name);
            }
            url = testUrl + (testUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        } else {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        try {
            NationalDataGenerator.generate(url, user, password, 0.01, 42, LocalDate.of(2026, 12, 1));
            TallyCheck.assertTrue(JdbcClient.create(new DriverManagerDataSource(url, user, password)), null);
        } finally {
            try (Connection c = DriverManager.getConnection(postgres ? testUrl : url, user, password);
                    Statement st = c.createStatement()) {
                st.execute(postgres ? "DROP SCHEMA " + name + " CASCADE" : "DROP ALL OBJECTS");
            }
        }
    }
}
