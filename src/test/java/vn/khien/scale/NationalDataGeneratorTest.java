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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
            thirdWave(c);
            // Ids continue after the generated rows: the application can insert at once.
            try (Statement st = c.createStatement()) {
                st.executeUpdate(
                        "INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)"
                                + " VALUES ('NEW', 'Đơn vị mới', 'UNIT', 1, '/1/x/', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }
    }

    /** Drills, plans, teams, hunting, network members, periodic reports with snapshots, obligations data. */
    private static void thirdWave(Connection c) throws SQLException {
        for (String table : List.of(
                "system_drill",
                "drill_finding",
                "response_plan",
                "response_plan_section",
                "response_team",
                "response_team_member",
                "response_team_skill",
                "response_team_shift",
                "hunting_campaign",
                "hunting_finding",
                "ir_member_profile",
                "ir_contact_point",
                "periodic_report",
                "periodic_report_figure",
                "periodic_report_step",
                "budget_plan",
                "system_supplier",
                "supplier_assessment",
                "awareness_campaign",
                "awareness_round",
                "awareness_delivery",
                "training_record")) {
            assertThat(count(c, "SELECT COUNT(*) FROM " + table)).as(table).isPositive();
        }
        // Level 3+ operating systems drilled this year in a realistic share (not none, not all).
        long level3 = count(
                c,
                "SELECT COUNT(*) FROM information_system WHERE approved_level >= 3 AND lifecycle_status = 'OPERATING'");
        long drilled = count(
                c,
                "SELECT COUNT(DISTINCT s.id) FROM information_system s JOIN system_drill d ON d.system_id = s.id"
                        + " WHERE s.approved_level >= 3 AND s.lifecycle_status = 'OPERATING'"
                        + " AND d.held_on >= DATE '2026-01-01'");
        assertThat(drilled).isPositive().isLessThan(level3);
        // Teams and network members are ministries and provinces; a team's unit lies in its own subtree.
        assertThat(
                        count(
                                c,
                                "SELECT COUNT(*) FROM response_team t JOIN organization o ON o.id = t.organization_id"
                                        + " JOIN organization u ON u.id = t.unit_organization_id"
                                        + " WHERE o.kind NOT IN ('PROVINCE', 'MINISTRY') OR u.path NOT LIKE CONCAT(o.path, '%')"))
                .isZero();
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM ir_member_profile p JOIN organization o ON o.id = p.organization_id"
                                + " WHERE o.kind NOT IN ('PROVINCE', 'MINISTRY')"))
                .isZero();
        // Hunting findings are on systems of the campaign's own subtree.
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM hunting_finding f JOIN hunting_campaign h ON h.id = f.campaign_id"
                                + " JOIN organization t ON t.id = h.organization_id"
                                + " JOIN information_system s ON s.id = f.system_id"
                                + " JOIN organization o ON o.id = s.owner_organization_id"
                                + " WHERE o.path NOT LIKE CONCAT(t.path, '%')"))
                .isZero();
        // Reports at every status; every version that was submitted has its frozen snapshot, no other has one.
        assertThat(strings(c, "SELECT DISTINCT status FROM periodic_report ORDER BY status"))
                .containsExactly("ACCEPTED", "CHECKED", "DRAFT", "RETURNED", "SIGNED", "SUBMITTED");
        assertThat(strings(c, "SELECT DISTINCT kind FROM periodic_report ORDER BY kind"))
                .containsExactly("ANNUAL_LEVEL", "QUARTERLY_STATUS");
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM periodic_report r WHERE r.status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')"
                                + " AND NOT EXISTS (SELECT 1 FROM periodic_report_figure f WHERE f.report_id = r.id"
                                + " AND f.row_kind = 'TOTAL')"))
                .isZero();
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM periodic_report r JOIN periodic_report_figure f ON f.report_id = r.id"
                                + " WHERE r.status IN ('DRAFT', 'CHECKED', 'SIGNED')"))
                .isZero();
        // The snapshot adds up: TOTAL = OWN + the children's rows, without counting a system twice.
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM periodic_report_figure t WHERE t.row_kind = 'TOTAL'"
                                + " AND t.figure = 'systemsTotal' AND t.figure_value <> (SELECT o.figure_value"
                                + " FROM periodic_report_figure o WHERE o.report_id = t.report_id AND o.row_kind = 'OWN'"
                                + " AND o.figure = 'systemsTotal') + COALESCE((SELECT SUM(x.figure_value)"
                                + " FROM periodic_report_figure x WHERE x.report_id = t.report_id"
                                + " AND x.row_kind = 'CHILD' AND x.figure = 'systemsTotal'), 0)"))
                .isZero();
        // A child's row names a report of that child when it had one, and its state with its due day.
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM periodic_report_figure f JOIN periodic_report r ON r.id = f.child_report_id"
                                + " WHERE f.row_kind = 'CHILD' AND r.organization_id <> f.row_organization_id"))
                .isZero();
        assertThat(strings(
                        c,
                        "SELECT DISTINCT child_state FROM periodic_report_figure WHERE row_kind = 'CHILD'"
                                + " AND child_state LIKE 'ACCEPTED|%'"))
                .isNotEmpty();
        // The root's systems count once in the national roll-up: a province's frozen total is its subtree's systems
        // that are not retired (as SystemFigures counts them; the set has retired systems, so this can fail).
        assertThat(count(c, "SELECT COUNT(*) FROM information_system WHERE lifecycle_status = 'RETIRED'"))
                .isPositive();
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM periodic_report r JOIN organization o ON o.id = r.organization_id"
                                + " JOIN periodic_report_figure f ON f.report_id = r.id AND f.row_kind = 'TOTAL'"
                                + " AND f.figure = 'systemsTotal' WHERE o.kind = 'PROVINCE'"
                                + " AND f.figure_value <> (SELECT COUNT(*) FROM information_system s"
                                + " JOIN organization x ON x.id = s.owner_organization_id"
                                + " WHERE x.path LIKE CONCAT(o.path, '%') AND s.lifecycle_status <> 'RETIRED')"))
                .isZero();
        // Every frozen OWN row counts the organisation's own systems that are not retired, nothing else.
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM periodic_report_figure f WHERE f.row_kind = 'OWN'"
                                + " AND f.figure = 'systemsTotal' AND f.figure_value <> (SELECT COUNT(*)"
                                + " FROM information_system s WHERE s.owner_organization_id = f.row_organization_id"
                                + " AND s.lifecycle_status <> 'RETIRED')"))
                .isZero();
        // Budget plans scatter around the 10 % security line: some below it, some at or above.
        assertThat(count(c, "SELECT COUNT(*) FROM budget_plan WHERE security_amount * 10 < total_amount"))
                .isPositive();
        assertThat(count(c, "SELECT COUNT(*) FROM budget_plan WHERE security_amount * 10 >= total_amount"))
                .isPositive();
        // Awareness: deliveries to people of the campaign's audience, some acknowledged, some not yet.
        assertThat(count(c, "SELECT COUNT(*) FROM awareness_delivery WHERE acknowledged_at IS NOT NULL"))
                .isPositive();
        assertThat(count(c, "SELECT COUNT(*) FROM awareness_delivery WHERE acknowledged_at IS NULL"))
                .isPositive();
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM awareness_delivery d JOIN awareness_campaign a ON a.id = d.campaign_id"
                                + " JOIN organization o ON o.id = a.organization_id"
                                + " JOIN organization x ON x.id = d.organization_id"
                                + " WHERE x.path NOT LIKE CONCAT(o.path, '%')"))
                .isZero();
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM awareness_round r WHERE r.recipients <> (SELECT COUNT(*)"
                                + " FROM awareness_delivery d WHERE d.campaign_id = r.campaign_id"
                                + " AND d.round_no = r.round_no)"))
                .isZero();
        // Suppliers are assessed by the organisation that owns a system they serve.
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM supplier_assessment a WHERE NOT EXISTS (SELECT 1 FROM system_supplier ss"
                                + " JOIN information_system s ON s.id = ss.system_id"
                                + " WHERE s.owner_organization_id = a.organization_id AND ss.name = a.supplier_name)"))
                .isZero();
        // Approved response plans have every section of their outline.
        assertThat(count(
                        c,
                        "SELECT COUNT(*) FROM response_plan p WHERE p.status = 'APPROVED' AND (SELECT COUNT(*)"
                                + " FROM response_plan_section s WHERE s.plan_id = p.id) < 5"))
                .isZero();
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

    /**
     * PostgreSQL loads the big tables without their secondary indexes and foreign keys and makes them again at the
     * end (DeferredIndexes): afterwards each of them is exactly what the migrations made, and the keys hold.
     */
    @Test
    void theIndexesAndForeignKeysDroppedForTheLoadAreAllBack() throws SQLException {
        Assumptions.assumeTrue(postgres, "the COPY path and its deferred indexes are PostgreSQL's");
        String empty = freshDatabase();
        Flyway.configure()
                .dataSource(empty, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String generated = freshDatabase();
        NationalDataGenerator.generate(generated, user, password, SCALE, 3, AS_OF);
        List<String> tables = List.of("finding", "finding_location", "system_component", "periodic_report_figure");
        List<String> migrated = definitions(empty, tables);
        assertThat(migrated).anyMatch(d -> d.contains("uq_finding_fingerprint")).hasSizeGreaterThan(15);
        assertThat(definitions(generated, tables)).containsExactlyElementsOf(migrated);
        try (Connection c = DriverManager.getConnection(generated, user, password)) {
            assertThat(count(c, "SELECT COUNT(*) FROM finding_location")).isPositive();
            assertThatThrownBy(() -> count(
                            c, "INSERT INTO finding_location (finding_id, location_key) VALUES (-1, 'x') RETURNING 1"))
                    .as("the foreign key to finding is enforced again")
                    .hasMessageContaining("foreign key");
        }
    }

    /** Index and constraint definitions of the tables, without the schema's name, sorted. */
    private List<String> definitions(String url, List<String> tables) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            String schema = strings(c, "SELECT current_schema()").get(0);
            for (String t : tables) {
                all.addAll(strings(
                        c,
                        "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = CAST('" + t
                                + "' AS regclass)"));
                all.addAll(strings(
                        c,
                        "SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint"
                                + " WHERE conrelid = CAST('" + t + "' AS regclass)"));
            }
            return all.stream().map(d -> d.replace(schema + ".", "")).sorted().toList();
        }
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
                    "open", count(c, "SELECT COUNT(*) FROM finding WHERE status = 'OPEN'"),
                    "reports",
                            count(
                                    c,
                                    "SELECT COALESCE(SUM(id * organization_id * (CASE status WHEN 'ACCEPTED' THEN 2"
                                            + " ELSE 3 END)), 0) FROM periodic_report"),
                    "snapshots", count(c, "SELECT COALESCE(SUM(figure_value), 0) FROM periodic_report_figure"),
                    "deliveries", count(c, "SELECT COUNT(*) FROM awareness_delivery WHERE acknowledged_at IS NULL"),
                    "budget", count(c, "SELECT COALESCE(SUM(security_amount), 0) / 1000000 FROM budget_plan"));
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
