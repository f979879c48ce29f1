package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The dashboard's pre-aggregated figures (ADR 0025): after the job's refresh the dashboard reads the snapshot and shows
 * the figures of a report compiled at that moment; a later change shows after the organisation's refresh (or live on
 * request), never a mix; the drill-down leads to the children and the systems behind a figure; a leader's home page
 * opens on the dashboard.
 */
class DashboardSnapshotTest extends IntegrationTest {

    static final String SYSTEMS_TOTAL = "Tổng số hệ thống thông tin";

    @Autowired
    FigureSnapshots snapshots;

    @Test
    void dashboardFromTheSnapshotEqualsTheReportAndDrillsDown() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử tổng hợp sẵn");
        TestData.Org unit = data.org(province, "Đơn vị thử tổng hợp sẵn");
        TestData.Person leader = data.person(province, Role.LEADER);
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        long system = system(unit);
        system(province);
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        Http.Response report = officer.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "QUARTERLY_STATUS", "period", quarter));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        JsonNode d = officer.get("/api/v1/organizations/" + province.id() + "/dashboard")
                .json();
        assertThat(d.get("computedAt").isNull()).as("read from the snapshot").isFalse();
        JsonNode figures = d.get("standing").get("figures");
        report.json()
                .get("figures")
                .properties()
                .forEach(e -> assertThat(figures.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue()));
        assertThat(figures.get("systemsTotal").asLong()).isEqualTo(2);

        // A later system: the snapshot stands until refreshed; live=true and the organisation's refresh show it.
        system(unit);
        assertThat(officer.get("/api/v1/organizations/" + province.id() + "/dashboard")
                        .json()
                        .get("standing")
                        .get("figures")
                        .get("systemsTotal")
                        .asLong())
                .isEqualTo(2);
        JsonNode live = officer.get("/api/v1/organizations/" + province.id() + "/dashboard?live=true")
                .json();
        assertThat(live.get("computedAt").isNull()).isTrue();
        assertThat(live.get("standing").get("figures").get("systemsTotal").asLong())
                .isEqualTo(3);
        refresh(unit.id());
        assertThat(officer.get("/api/v1/organizations/" + province.id() + "/dashboard")
                        .json()
                        .get("standing")
                        .get("figures")
                        .get("systemsTotal")
                        .asLong())
                .isEqualTo(3);

        // Drill-down: the province's total, the unit's share, the province's own system.
        JsonNode drill = officer.get("/api/v1/organizations/" + province.id() + "/dashboard/figures/systemsTotal")
                .json();
        assertThat(drill.get("total").asLong()).isEqualTo(3);
        assertThat(drill.get("own").asLong()).isEqualTo(1);
        assertThat(drill.get("children")).hasSize(1);
        assertThat(drill.get("children").get(0).get("organizationId").asLong()).isEqualTo(unit.id());
        assertThat(drill.get("children").get(0).get("value").asLong()).isEqualTo(2);
        JsonNode unitDrill = officer.get("/api/v1/organizations/" + unit.id() + "/dashboard/figures/systemsTotal")
                .json();
        assertThat(unitDrill.get("rows").toString()).contains("/systems/" + system);
        assertThat(officer.get("/api/v1/organizations/" + province.id() + "/dashboard/figures/noSuchFigure")
                        .status())
                .isEqualTo(404);

        // The leader's home page opens on the dashboard, whose lines lead to the drill-down.
        Http.Session session = http.session();
        assertThat(session.login(leader.username(), TestData.PASSWORD).status()).isEqualTo(302);
        String home = session.get("/").body();
        assertThat(home)
                .contains(
                        "home-panel-0",
                        "Tỉnh thử tổng hợp sẵn",
                        "/organizations/" + province.id() + "/dashboard/figures/systemsOperatingApproved");
        String dashboardPage =
                session.get("/organizations/" + province.id() + "/dashboard").body();
        assertThat(dashboardPage)
                .contains(
                        "figures-computed",
                        "Số liệu được tổng hợp sẵn lúc",
                        "/organizations/" + province.id() + "/dashboard/figures/systemsTotal");
        String page = session.get("/organizations/" + province.id() + "/dashboard/figures/systemsTotal")
                .body();
        assertThat(page).contains("Đơn vị thử tổng hợp sẵn", "drill-total");
        // The report page names each figure and links it to its drill-down (the report's own values).
        long reportId = report.json().get("id").asLong();
        String shown = session.get("/reports/" + reportId).body();
        assertThat(shown).contains("href=\"/reports/" + reportId + "/figures/systemsTotal\">" + SYSTEMS_TOTAL + "</a>");
        String reportDrill =
                session.get("/reports/" + reportId + "/figures/systemsTotal").body();
        assertThat(reportDrill).contains(SYSTEMS_TOTAL, "Đơn vị thử tổng hợp sẵn");
    }

    @Test
    void anImportedScanRefreshesItsOwnersSnapshotAtOnce() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử quét cập nhật");
        TestData.Org unit = data.org(province, "Đơn vị thử quét cập nhật");
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        long system = system(unit);
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);
        assertThat(standing(officer, province).path("findingsOpenCritical").asLong())
                .isZero();

        String nessus = """
                <?xml version="1.0" ?>
                <NessusClientData_v2><Report name="t"><ReportHost name="10.9.8.7"><HostProperties>
                <tag name="host-ip">10.9.8.7</tag></HostProperties>
                <ReportItem port="443" svc_name="www" protocol="tcp" severity="4" pluginID="990001"
                  pluginName="Critical thing" pluginFamily="General"><description>D</description>
                  <solution>Upgrade</solution><synopsis>S</synopsis><cve>CVE-2024-99001</cve></ReportItem>
                </ReportHost></Report></NessusClientData_v2>
                """;
        Http.Response scan = officer.upload(
                "/api/v1/systems/" + system + "/scans",
                "critical.nessus",
                nessus.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);

        // The refresh runs after the import commits, on its own thread (docs/adr/0041); no job run is awaited.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode standing = standing(officer, province);
            assertThat(standing.get("findingsOpenCritical").asLong()).isEqualTo(1);
            assertThat(standing.get("systemsScannedSixMonths").asLong()).isEqualTo(1);
        });
    }

    /**
     * docs/adr/0046: the dashboard added up in SQL from the snapshot (each child's subtree summed by its path) shows
     * the same standing, children and trend as the dashboard computed live, through three levels; and a system retired
     * before today counts in no figure — neither in the systems, nor its late dossier, nor its open findings.
     */
    @Test
    void theSummedSnapshotEqualsTheLiveDashboardThroughThreeLevelsAndCountsNoRetiredSystem() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử cộng dồn");
        TestData.Org department = data.org(province, "Sở thử cộng dồn");
        TestData.Org unit = data.org(department, "Đơn vị thử cộng dồn");
        TestData.Org other = data.org(province, "Sở khác thử cộng dồn");
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        system(province);
        system(department);
        system(unit);
        system(unit);
        system(other);
        long retired = system(unit);
        upload(officer, retired);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        jdbc.sql("""
                INSERT INTO level_dossier (system_id, regime, proposed_level, status, preparer_org_id, appraiser_org_id,
                    approver_org_id, step_due_on, created_at, updated_at)
                VALUES (:s, 'nd331-2026', 2, 'SUBMITTED', :u, :p, :p, :due, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .param("s", retired)
                .param("u", unit.id())
                .param("p", province.id())
                .param("due", today.minusDays(10))
                .update();
        // While it runs, the system counts everywhere (the import may finish in the background).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode before = officer.get("/api/v1/organizations/" + province.id() + "/dashboard?live=true")
                    .json()
                    .get("standing")
                    .get("figures");
            assertThat(before.get("systemsTotal").asLong()).isEqualTo(6);
            assertThat(before.get("dossiersLate").asLong()).isEqualTo(1);
            assertThat(before.get("findingsOpenCritical").asLong()).isEqualTo(1);
        });
        jdbc.sql("UPDATE information_system SET lifecycle_status = 'RETIRED', retired_on = :on WHERE id = :id")
                .param("on", today.minusDays(1))
                .param("id", retired)
                .update();
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);

        JsonNode summed = officer.get("/api/v1/organizations/" + province.id() + "/dashboard")
                .json();
        JsonNode live = officer.get("/api/v1/organizations/" + province.id() + "/dashboard?live=true")
                .json();
        assertThat(summed.get("computedAt").isNull())
                .as("read from the snapshot")
                .isFalse();
        assertThat(live.get("computedAt").isNull()).as("computed live").isTrue();
        assertThat(summed.get("standing")).isEqualTo(live.get("standing"));
        assertThat(summed.get("children")).isEqualTo(live.get("children"));
        assertThat(summed.get("trend")).isEqualTo(live.get("trend"));
        // Each target's ranking, summed per child in SQL (one query per target), equals the live one (issue 14).
        assertThat(summed.get("rankings")).hasSize(live.get("rankings").size());
        assertThat(summed.get("rankings")).isEqualTo(live.get("rankings"));
        JsonNode figures = summed.get("standing").get("figures");
        assertThat(figures.get("systemsTotal").asLong()).isEqualTo(5);
        assertThat(figures.get("dossiersLate").asLong()).isZero();
        assertThat(figures.get("findingsOpenCritical").asLong()).isZero();
        assertThat(summed.get("children")).hasSize(2);
        for (JsonNode child : summed.get("children")) {
            assertThat(child.get("figures").get("systemsTotal").asLong())
                    .as(child.get("name").asText())
                    .isEqualTo(child.get("organizationId").asLong() == department.id() ? 3 : 1);
        }
        // The home panel's standing is the same subtree total, summed in SQL too.
        assertThat(officer.get("/api/v1/organizations/" + department.id() + "/dashboard")
                        .json()
                        .get("standing")
                        .get("figures")
                        .get("systemsTotal")
                        .asLong())
                .isEqualTo(3);
    }

    static void upload(Http.Api officer, long system) {
        String nessus = """
                <?xml version="1.0" ?>
                <NessusClientData_v2><Report name="t"><ReportHost name="10.9.8.6"><HostProperties>
                <tag name="host-ip">10.9.8.6</tag></HostProperties>
                <ReportItem port="443" svc_name="www" protocol="tcp" severity="4" pluginID="990002"
                  pluginName="Critical thing" pluginFamily="General"><description>D</description>
                  <solution>Upgrade</solution><synopsis>S</synopsis><cve>CVE-2024-99002</cve></ReportItem>
                </ReportHost></Report></NessusClientData_v2>
                """;
        Http.Response scan = officer.upload(
                "/api/v1/systems/" + system + "/scans",
                "retired.nessus",
                nessus.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
    }

    @Autowired
    JdbcClient jdbc;

    private static JsonNode standing(Http.Api api, TestData.Org org) {
        Http.Response r = api.get("/api/v1/organizations/" + org.id() + "/dashboard");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("computedAt").isNull())
                .as("read from the snapshot")
                .isFalse();
        return r.json().get("standing").get("figures");
    }

    private void refresh(long organizationId) {
        new TransactionTemplate(txManager)
                .executeWithoutResult(s -> snapshots.refresh(organizationId, DashboardService.TREND_QUARTERS));
    }

    @Autowired
    PlatformTransactionManager txManager;

    private long system(TestData.Org owner) {
        Http.Response r = admin().post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HT"),
                                "name",
                                "Hệ thống tổng hợp sẵn",
                                "ownerOrganizationId",
                                owner.id(),
                                "operatorOrganizationId",
                                owner.id(),
                                "systemType",
                                "INTERNAL",
                                "informationKinds",
                                List.of("PRIVATE"),
                                "userCount",
                                50));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
