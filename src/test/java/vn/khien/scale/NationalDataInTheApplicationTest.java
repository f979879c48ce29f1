package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.khien.KhienApplication;
import vn.khien.platform.StatementCounter;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/**
 * The generated national data set read by the application itself (a node started on it, as the benchmark does): a
 * province's frozen report and its children's rows answer through the reports API, a running one compiles live, and
 * the obligations pages of a generated province answer for its leader.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalDataInTheApplicationTest {

    private final String testUrl = System.getProperty("spring.datasource.url", "jdbc:h2:mem:x");
    private final boolean postgres = testUrl.startsWith("jdbc:postgresql:");
    private final String user = System.getProperty("spring.datasource.username", "sa");
    private final String password = System.getProperty("spring.datasource.password", "");
    private String schema;
    private String url;
    private ConfigurableApplicationContext node;
    private Http http;

    @BeforeAll
    void generateAndStart() throws SQLException {
        String name = "genapp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (postgres) {
            try (Connection c = DriverManager.getConnection(testUrl, user, password);
                    Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + name);
            }
            schema = name;
            url = testUrl + (testUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        } else {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        NationalDataGenerator.generate(url, user, password, 0.001, 42, LocalDate.of(2026, 12, 1));
        node = new SpringApplicationBuilder(KhienApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--khien.jobs.enabled=false",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password);
        http = new Http("http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    @AfterAll
    void stop() throws SQLException {
        if (node != null) {
            node.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(testUrl, user, password);
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aGeneratedFrozenReportAndItsChildrenReadThroughTheReportsApi() throws SQLException {
        Http.Api admin = http.api(IntegrationTest.ADMIN_TOKEN);
        // A compiler's submitted version: its frozen snapshot with a row per reporting child.
        long id = one("SELECT MIN(r.id) FROM periodic_report r JOIN organization o ON o.id = r.organization_id"
                + " WHERE r.status IN ('SUBMITTED', 'ACCEPTED') AND o.kind IN ('PROVINCE', 'DEPARTMENT')"
                + " AND EXISTS (SELECT 1 FROM periodic_report_figure f WHERE f.report_id = r.id"
                + " AND f.row_kind = 'CHILD')");
        Http.Response r = admin.get("/api/v1/reports/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("frozen").asBoolean()).isTrue();
        long children = one("SELECT COUNT(DISTINCT row_organization_id) FROM periodic_report_figure"
                + " WHERE row_kind = 'CHILD' AND report_id = " + id);
        assertThat(json.get("children").size()).isEqualTo((int) children);
        assertThat(json.get("figures").get("systemsTotal").asLong())
                .isEqualTo(one("SELECT figure_value FROM periodic_report_figure WHERE report_id = " + id
                        + " AND row_kind = 'TOTAL' AND figure = 'systemsTotal'"));
        assertThat(json.get("history").size()).isGreaterThanOrEqualTo(4);

        // A running draft compiles live from the generated data, its children frozen or live.
        long draft = one("SELECT MIN(r.id) FROM periodic_report r JOIN organization o ON o.id = r.organization_id"
                + " WHERE r.status = 'DRAFT' AND o.kind = 'PROVINCE'");
        Http.Response d = admin.get("/api/v1/reports/" + draft);
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        assertThat(d.json().get("frozen").asBoolean()).isFalse();
        assertThat(d.json().get("figures").get("systemsTotal").asLong()).isPositive();
        assertThat(admin.get("/api/v1/reports/" + draft + ".pdf").status()).isEqualTo(200);
    }

    @Test
    void theNationalRollUpReadsItsChildrensFrozenSnapshotsInOneQueryNotOnePerChild() throws SQLException {
        Http.Api admin = http.api(IntegrationTest.ADMIN_TOKEN);
        long root = one("SELECT id FROM organization WHERE parent_id IS NULL");
        // 2026-Q3 is finished: most provinces and ministries submitted it; in 2026-Q4 none has yet.
        long frozenQ3 = one(
                "SELECT COUNT(DISTINCT r.organization_id) FROM periodic_report r"
                        + " JOIN organization o ON o.id = r.organization_id WHERE o.parent_id = " + root
                        + " AND r.kind = 'QUARTERLY_STATUS' AND r.period = '2026-Q3' AND r.status IN ('SUBMITTED', 'ACCEPTED')");
        assertThat(frozenQ3).isGreaterThan(30);
        Http.Response q4 = admin.post(
                "/api/v1/reports", Map.of("organizationId", root, "kind", "QUARTERLY_STATUS", "period", "2026-Q4"));
        Http.Response q3 = admin.post(
                "/api/v1/reports", Map.of("organizationId", root, "kind", "QUARTERLY_STATUS", "period", "2026-Q3"));
        assertThat(q4.status()).as(q4.body()).isEqualTo(201);
        assertThat(q3.status()).as(q3.body()).isEqualTo(201);
        JsonNode q3Report =
                admin.get("/api/v1/reports/" + q3.json().get("id").asLong()).json();
        long frozenRows = 0;
        for (JsonNode child : q3Report.get("children")) {
            frozenRows += child.get("frozen").asBoolean() ? 1 : 0;
        }
        assertThat(frozenRows).isEqualTo(frozenQ3);
        // Compiling with ~50 frozen children costs no more statements than with none, but for the one query that
        // reads what their snapshots carried as lacking from below (issue 14: gaps): one query reads them all.
        Http.Response again4 =
                admin.get("/api/v1/reports/" + q4.json().get("id").asLong());
        Http.Response again3 =
                admin.get("/api/v1/reports/" + q3.json().get("id").asLong());
        assertThat(statements(again3)).isLessThanOrEqualTo(statements(again4) + 1);
    }

    @Test
    void theObligationsPagesOfAGeneratedProvinceAnswerForItsLeader() throws SQLException {
        long province = one("SELECT id FROM organization WHERE code = 'T01'");
        Http.Session leader = http.session();
        assertThat(leader.login("t01.lanhdao", NationalDataGenerator.PASSWORD).status())
                .isEqualTo(302);
        for (String page : List.of(
                "/organizations/" + province + "/obligations",
                "/organizations/" + province + "/budget",
                "/organizations/" + province + "/training",
                "/organizations/" + province + "/suppliers",
                "/awareness",
                "/reports")) {
            Http.Response r = leader.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
        }
        // The generated budget plans and training records of the province show on its pages.
        // The page opens on a year of its own choosing (the next one late in the year): ask for the plan's year.
        String year = strings("SELECT CAST(plan_year AS VARCHAR(4)) FROM budget_plan WHERE organization_id = "
                        + province + " ORDER BY id")
                .get(0);
        String budget = leader.get("/organizations/" + province + "/budget?year=" + year)
                .body();
        assertThat(budget)
                .contains(strings("SELECT name FROM budget_plan WHERE organization_id = " + province + " ORDER BY id")
                        .get(0));
    }

    /** The request's statement count; the server records it right after the response, so wait a moment for it. */
    private static int statements(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.header("X-Request-Id");
        assertThat(id).isNotBlank();
        long deadline = System.nanoTime() + 5_000_000_000L;
        OptionalInt n = StatementCounter.statementsOf(id);
        while (n.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
            n = StatementCounter.statementsOf(id);
        }
        assertThat(n).as("statements of request " + id).isPresent();
        return n.getAsInt();
    }

    private long one(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
