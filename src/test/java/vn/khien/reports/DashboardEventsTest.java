package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Issue 14: the dashboard's pre-aggregated figures follow the events of the modules that change them (docs/adr/0041),
 * without waiting for the next refresh of the job (the job never runs in tests): a warning published (warnings
 * received and not acknowledged of every organisation reached) and answered (warnings not acknowledged) and an incident reported and rejected (incidents open) change the figures read from the snapshot as
 * soon as the listener, which runs after the commit, has refreshed the organisation.
 */
class DashboardEventsTest extends IntegrationTest {

    /**
     * The refresh runs after the publisher's commit on another thread (docs/adr/0041): the test waits for it, far less
     * than the job's 15 minutes; it never needs the job.
     */
    static final Duration WAIT = Duration.ofSeconds(30);

    static final String HTTPD = "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*";

    @Autowired
    FigureSnapshots snapshots;

    @Test
    void aWarningResponseChangesTheDashboardAtOnce() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử phản hồi cảnh báo");
        TestData.Org unit = data.org(province, "Đơn vị thử phản hồi cảnh báo");
        Http.Api publisher =
                http.api(data.person(province, Role.SECURITY_OFFICER).token());
        Http.Api officer = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
        long system = ScanTestSupport.system(data, unit);
        Map<String, Object> component = new HashMap<>();
        component.put("kind", "SOFTWARE");
        component.put("product", "httpd");
        component.put("cpe", HTTPD);
        assertThat(officer.post("/api/v1/systems/" + system + "/components", component)
                        .status())
                .isIn(200, 201);
        Map<String, Object> warning = new HashMap<>();
        warning.put("organizationId", province.id());
        warning.put("title", "Lỗ hổng Apache HTTP Server thử");
        warning.put("description", "Cảnh báo thử");
        warning.put("severity", "CRITICAL");
        warning.put("cves", List.of("CVE-2021-41773"));
        warning.put("affected", List.of(Map.of("cpe", HTTPD)));
        warning.put("acknowledgeBy", LocalDate.now().plusDays(3).toString());
        warning.put("fixBy", LocalDate.now().plusDays(10).toString());
        warning.put("tlp", "GREEN");
        Http.Response published = publisher.post("/api/v1/warnings", warning);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long warningId = published.json().get("id").asLong();
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);
        assertThat(standing(officer, unit).path("warningsUnacknowledged").asLong())
                .isEqualTo(1);

        Http.Response ack = officer.post(
                "/api/v1/warnings/" + warningId + "/responses", Map.of("systemId", system, "status", "ACKNOWLEDGED"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode after = standing(officer, unit);
            assertThat(after.path("warningsUnacknowledged").asLong()).isZero();
            assertThat(after.path("warningsAcknowledged").asLong()).isEqualTo(1);
        });
    }

    /**
     * docs/adr/0046: a newly published warning reaches the dashboards of the organisations it reached right after the
     * publishing commit (one event naming all of them), not at the next job run: two units under a province, each
     * with an affected system, both show a warning not acknowledged, and so does the province's subtree.
     */
    @Test
    void aPublishedWarningReachesTheDashboardsOfEveryOrganisationItReachedAtOnce() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử cảnh báo mới");
        TestData.Org first = data.org(province, "Đơn vị thứ nhất thử cảnh báo mới");
        TestData.Org second = data.org(province, "Đơn vị thứ hai thử cảnh báo mới");
        Http.Api publisher =
                http.api(data.person(province, Role.SECURITY_OFFICER).token());
        Http.Api firstOfficer =
                http.api(data.person(first, Role.SECURITY_OFFICER).token());
        Http.Api secondOfficer =
                http.api(data.person(second, Role.SECURITY_OFFICER).token());
        component(firstOfficer, ScanTestSupport.system(data, first));
        component(secondOfficer, ScanTestSupport.system(data, second));
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);
        assertThat(standing(firstOfficer, first).path("warningsReceived").asLong())
                .isZero();
        assertThat(standing(publisher, province).path("warningsUnacknowledged").asLong())
                .isZero();

        Http.Response published = publisher.post("/api/v1/warnings", httpdWarning(province));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("systemsReached").asInt()).isEqualTo(2);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(standing(firstOfficer, first)
                            .path("warningsUnacknowledged")
                            .asLong())
                    .isEqualTo(1);
            assertThat(standing(secondOfficer, second)
                            .path("warningsUnacknowledged")
                            .asLong())
                    .isEqualTo(1);
            JsonNode subtree = standing(publisher, province);
            assertThat(subtree.path("warningsReceived").asLong()).isEqualTo(2);
            assertThat(subtree.path("warningsUnacknowledged").asLong()).isEqualTo(2);
        });
    }

    private static void component(Http.Api officer, long system) {
        Map<String, Object> component = new HashMap<>();
        component.put("kind", "SOFTWARE");
        component.put("product", "httpd");
        component.put("cpe", HTTPD);
        Http.Response r = officer.post("/api/v1/systems/" + system + "/components", component);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static Map<String, Object> httpdWarning(TestData.Org publisher) {
        Map<String, Object> warning = new HashMap<>();
        warning.put("organizationId", publisher.id());
        warning.put("title", "Lỗ hổng Apache HTTP Server thử " + publisher.code());
        warning.put("description", "Cảnh báo thử");
        warning.put("severity", "CRITICAL");
        warning.put("cves", List.of("CVE-2021-41773"));
        warning.put("affected", List.of(Map.of("cpe", HTTPD)));
        warning.put("acknowledgeBy", LocalDate.now().plusDays(3).toString());
        warning.put("fixBy", LocalDate.now().plusDays(10).toString());
        warning.put("tlp", "GREEN");
        return warning;
    }

    @Test
    void anIncidentReportedThenRejectedChangesTheDashboardAtOnce() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử sự cố bảng điều khiển");
        TestData.Org unit = data.org(province, "Đơn vị thử sự cố bảng điều khiển");
        Http.Api officer = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);
        assertThat(standing(officer, unit).path("incidentsOpen").asLong()).isZero();

        Map<String, Object> incident = new HashMap<>();
        incident.put("organizationId", unit.id());
        incident.put("title", "Tấn công thử bảng điều khiển");
        incident.put("description", "Sự cố thử");
        incident.put("category", "MALWARE");
        incident.put(
                "detectedAt",
                OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .minusHours(1)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        Http.Response created = officer.post("/api/v1/incidents", incident);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                standing(officer, unit).path("incidentsOpen").asLong())
                        .isEqualTo(1));

        long id = created.json().get("id").asLong();
        Http.Response rejected = officer.post("/api/v1/incidents/" + id + "/reject", Map.of());
        assertThat(rejected.status()).as(rejected.body()).isIn(200, 201);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                standing(officer, unit).path("incidentsOpen").asLong())
                        .isZero());
    }

    /** The subtree's running-quarter figures, read from the snapshot (never the live fallback). */
    private static JsonNode standing(Http.Api api, TestData.Org org) {
        Http.Response r = api.get("/api/v1/organizations/" + org.id() + "/dashboard");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("computedAt").isNull())
                .as("read from the snapshot")
                .isFalse();
        return r.json().get("standing").get("figures");
    }
}
