package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * The national data generator on the test database's engine: on PostgreSQL in a schema of its own (COPY path), on H2
 * in a database of its own (batch path). A tiny scale keeps it to seconds.
 */
@Tag("database")
class NationalDataGeneratorTest {

    private static final double SCALE = 0.001;
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private final String testUrl = System.getProperty("spring.datasource.url", "jdbc:h2:mem:x");
    private final boolean postgres = testUrl.startsWith("jdbc:postgresql:");
    private final String user = System.getProperty("spring.datasource.username", "sa");
    private final String password = System.getProperty("spring.datasource.password", "");
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() throws SQLException {
        if (postgres) {
            try (Connection c = DriverManager.getConnection(testUrl, user, password);
                    Statement st = c.createStatement()) {
                for (String s : schemas) {
                    st.execute("DROP SCHEMA " + s + " CASCADE");
                }
            }
        }
    }

    private String freshDatabase() throws SQLException {
        String name = "gen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

    @Test
    void fillsAnEmptyDatabaseWithTheNationalTreeAndWorkAtEveryStep() throws SQLException {
        String url = freshDatabase();
        NationalDataGenerator.generate(url, user, password, SCALE, 42, AS_OF);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(count(c, "SELECT COUNT(*) FROM organization WHERE kind = 'PROVINCE'"))
                    .isEqualTo(34);
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM organization WHERE kind = 'PROVINCE' AND name_vi IN ("
                                    + "'Ủy ban nhân dân thành phố Hồ Chí Minh', 'Ủy ban nhân dân tỉnh An Giang', "
                                    + "'Ủy ban nhân dân thành phố Huế')"))
                    .isEqualTo(3);
            assertThat(count(c, "SELECT COUNT(*) FROM organization WHERE kind = 'MINISTRY'"))
                    .isEqualTo(30);
            // Every organisation's path extends its parent's, so subtree queries see the whole tree.
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM organization o JOIN organization p ON p.id = o.parent_id"
                                    + " WHERE o.path <> CONCAT(p.path, CAST(o.id AS VARCHAR(20)), '/')"))
                    .isZero();
            for (int level = 1; level <= 5; level++) {
                assertThat(count(c, "SELECT COUNT(*) FROM information_system WHERE approved_level = " + level))
                        .as("approved systems of level %d", level)
                        .isPositive();
            }
            assertThat(strings(c, "SELECT DISTINCT status FROM level_dossier ORDER BY status"))
                    .containsExactly("APPRAISED", "APPROVED", "DRAFT", "RETURNED", "SUBMITTED");
            assertThat(strings(c, "SELECT DISTINCT status FROM finding ORDER BY status"))
                    .containsExactly("ACCEPTED_RISK", "FALSE_POSITIVE", "FIXED", "OPEN", "REOPENED");
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM information_system WHERE owner_organization_id"
                                    + " <> operator_organization_id"))
                    .as("systems run by another unit")
                    .isPositive();
            assertThat(count(c, "SELECT COUNT(*) FROM system_component WHERE cpe LIKE 'cpe:2.3:a:%'"))
                    .isPositive();
            assertThat(count(c, "SELECT COUNT(*) FROM system_component WHERE purl LIKE 'pkg:%@%'"))
                    .isPositive();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM finding f LEFT JOIN finding_location l ON l.finding_id = f.id"
                                    + " WHERE l.id IS NULL"))
                    .as("findings without a location")
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM app_user u JOIN role_grant g ON g.user_id = u.id"
                                    + " JOIN organization o ON o.id = g.organization_id"
                                    + " WHERE u.username = 't01.lanhdao' AND g.role = 'LEADER' AND o.code = 'T01'"))
                    .isEqualTo(1);
            // Second wave: national warnings reach systems through a component of that system, with responses.
            assertThat(count(c, "SELECT COUNT(*) FROM warning WHERE organization_id = 1"))
                    .isEqualTo(SecondWave.WARNINGS.size());
            assertThat(count(c, "SELECT COUNT(*) FROM warning_target")).isPositive();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM warning_target t JOIN information_system s ON s.id = t.system_id"
                                    + " WHERE t.organization_id <> s.owner_organization_id"))
                    .as("targets owned by another organisation than their system's owner")
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM warning_target t LEFT JOIN warning_match m ON m.target_id = t.id"
                                    + " LEFT JOIN system_component k ON k.id = m.component_id"
                                    + " WHERE k.system_id IS NULL OR k.system_id <> t.system_id"))
                    .as("targets without a match on a component of their own system")
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM warning_target t WHERE t.version <>"
                                    + " (SELECT COUNT(*) FROM warning_response r WHERE r.target_id = t.id)"))
                    .as("targets whose version is not their number of responses")
                    .isZero();
            assertThat(strings(c, "SELECT DISTINCT status FROM warning_target ORDER BY status"))
                    .contains("ACKNOWLEDGED", "FIXED", "FIXING", "REACHED");
            // Incidents: per top organisation per quarter, in a system of the incident's own organisation.
            long tops = count(
                    c,
                    "SELECT COUNT(DISTINCT t.id) FROM organization t JOIN information_system s"
                            + " ON s.owner_organization_id IN (SELECT o.id FROM organization o"
                            + " WHERE o.path LIKE CONCAT(t.path, '%'))"
                            + " WHERE t.kind IN ('PROVINCE', 'MINISTRY')");
            long perQuarter = Math.max(1, Math.round(SecondWave.INCIDENTS_PER_TOP_PER_QUARTER_AT_FULL_SCALE * SCALE));
            assertThat(count(c, "SELECT COUNT(*) FROM incident")).isEqualTo(tops * SecondWave.QUARTERS * perQuarter);
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM incident i JOIN information_system s ON s.id = i.system_id"
                                    + " WHERE s.owner_organization_id <> i.organization_id"))
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_event e"
                                    + " WHERE e.incident_id = i.id AND e.kind = 'REPORTED')"))
                    .as("incidents without a timeline")
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM incident_report r WHERE NOT EXISTS (SELECT 1 FROM incident_event e"
                                    + " WHERE e.incident_id = r.incident_id AND e.kind = CONCAT('REPORT_', r.kind))"))
                    .as("reports missing from the timeline")
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM incident_report")).isPositive();
            assertThat(strings(c, "SELECT DISTINCT regime FROM incident ORDER BY regime"))
                    .contains("nd331-2026", "tt20-2017");
            // Ids continue after the generated rows: the application can insert at once.
            try (Statement st = c.createStatement()) {
                st.executeUpdate(
                        "INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)"
                                + " VALUES ('NEW', 'Đơn vị mới', 'UNIT', 1, '/1/x/', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws SQLException {
        String a = freshDatabase();
        String b = freshDatabase();
        String c = freshDatabase();
        NationalDataGenerator.generate(a, user, password, SCALE, 7, AS_OF);
        NationalDataGenerator.generate(b, user, password, SCALE, 7, AS_OF);
        NationalDataGenerator.generate(c, user, password, SCALE, 8, AS_OF);
        assertThat(digest(a)).isEqualTo(digest(b)).isNotEqualTo(digest(c));
    }

    @Test
    void refusesADatabaseThatIsNotEmptyAndChangesNothing() throws SQLException {
        String url = freshDatabase();
        NationalDataGenerator.generate(url, user, password, SCALE, 1, AS_OF);
        Map<String, Long> before = digest(url);
        assertThatThrownBy(() -> NationalDataGenerator.generate(url, user, password, SCALE, 1, AS_OF))
                .hasMessageContaining("already holds");
        assertThat(digest(url)).isEqualTo(before);
    }

    @Test
    void badOptionsExitWithUsage() {
        assertThat(NationalDataGenerator.run(new String[] {"--scale", "zero"}, Map.of()))
                .isEqualTo(2);
        assertThat(NationalDataGenerator.run(new String[] {"--scale", "0"}, Map.of()))
                .isEqualTo(2);
        assertThat(NationalDataGenerator.run(new String[] {"--colour"}, Map.of()))
                .isEqualTo(2);
    }

    private static Map<String, Long> digest(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                url,
                System.getProperty("spring.datasource.username", "sa"),
                System.getProperty("spring.datasource.password", ""))) {
            return Map.of(
                    "orgs", count(c, "SELECT COUNT(*) FROM organization"),
                    "systems",
                            count(
                                    c,
                                    "SELECT COALESCE(SUM(id * COALESCE(approved_level, 7)), 0) FROM information_system"),
                    "owners", count(c, "SELECT COALESCE(SUM(id * owner_organization_id), 0) FROM information_system"),
                    "components", count(c, "SELECT COUNT(*) FROM system_component"),
                    "findings", count(c, "SELECT COALESCE(SUM(id * (severity_rank + 1)), 0) FROM finding"),
                    "open", count(c, "SELECT COUNT(*) FROM finding WHERE status = 'OPEN'"));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
