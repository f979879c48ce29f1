package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Bulk state changes through the findings page's form, and the six-month scan duty's "due soon" state. */
class FindingPagesTest extends IntegrationTest {

    TestData.Org unit;
    TestData.Person officer;
    long system;

    @BeforeEach
    void systemWithOfficer() {
        unit = data.org(data.root(), "Đơn vị trang lỗ hổng");
        officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
    }

    Http.Session signedIn() {
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s;
    }

    @Test
    void aBulkStateChangeThroughThePageFormChangesEveryTickedFindingWithHistory() {
        Map<String, int[]> hosts = new LinkedHashMap<>();
        hosts.put("10.2.0.1", new int[] {1, 2, 3});
        ScanFixtures.importReport(http.api(officer.token()), system, "r.nessus", ScanFixtures.nessus(hosts), Map.of());
        JsonNode items = http.api(officer.token())
                .get("/api/v1/systems/" + system + "/findings")
                .json()
                .get("items");
        assertThat(items).hasSize(3);
        List<Long> ticked =
                List.of(items.get(0).get("id").asLong(), items.get(1).get("id").asLong());
        long untouched = items.get(2).get("id").asLong();

        Http.Session browser = signedIn();
        String page = "/systems/" + system + "/findings";
        Http.Response list = browser.get(page);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"bulk-form\"");
        List<Map.Entry<String, String>> form = new ArrayList<>();
        ticked.forEach(id -> form.add(Map.entry("ids", String.valueOf(id))));
        form.add(Map.entry("status", "FALSE_POSITIVE"));
        form.add(Map.entry("reason", "Dịch vụ này không chạy trên máy chủ (đã kiểm tra tay)"));
        form.add(Map.entry("returnTo", page));
        Http.Response posted = browser.postForm("/findings/state", form);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith(page);
        Http.Response after = browser.get(page);
        assertThat(after.body()).contains("id=\"state-message\"").contains("Đã đổi trạng thái 2 lỗ hổng.");

        for (long id : ticked) {
            JsonNode d = http.api(officer.token()).get("/api/v1/findings/" + id).json();
            assertThat(d.get("finding").get("status").asString()).isEqualTo("FALSE_POSITIVE");
            JsonNode last = d.get("history").get(0);
            assertThat(last.get("to").asString()).isEqualTo("FALSE_POSITIVE");
            assertThat(last.toString()).contains("không chạy trên máy chủ");
        }
        assertThat(http.api(officer.token())
                        .get("/api/v1/findings/" + untouched)
                        .json()
                        .get("finding")
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'finding.state' AND target_type = 'finding'"
                                        + " AND target_id IN (:ids)")
                        .param("ids", ticked.stream().map(String::valueOf).toList())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // A bad bulk request (accepted risk without reason or expiry) changes none and says why on the page.
        List<Map.Entry<String, String>> bad = new ArrayList<>();
        bad.add(Map.entry("ids", String.valueOf(untouched)));
        bad.add(Map.entry("status", "ACCEPTED_RISK"));
        bad.add(Map.entry("returnTo", page));
        browser.get(page);
        assertThat(browser.postForm("/findings/state", bad).status()).isEqualTo(302);
        assertThat(browser.get(page).body()).contains("id=\"state-error\"");
        assertThat(http.api(officer.token())
                        .get("/api/v1/findings/" + untouched)
                        .json()
                        .get("finding")
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
    }

    void completedScan(LocalDate scanDate) {
        data.jdbc()
                .sql("""
                INSERT INTO scan (system_id, scan_date, full_scan, status, uploaded_at, finished_at)
                VALUES (:s, :d, TRUE, 'COMPLETED', :now, :now)""")
                .param("s", system)
                .param("d", Date.valueOf(scanDate))
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    JsonNode duty() {
        for (JsonNode d : http.api(officer.token())
                .get("/api/v1/organizations/" + unit.id() + "/findings/summary")
                .json()
                .get("systems")) {
            if (d.get("systemId").asLong() == system) {
                return d;
            }
        }
        throw new AssertionError("system not in the summary");
    }

    @Test
    void theScanDutyIsDueSoonInTheLastThirtyDaysAndOverdueAfter() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(duty().get("duty").asString()).as("never scanned").isEqualTo("OVERDUE");

        LocalDate overdue = today.minusMonths(6).minusDays(1);
        completedScan(overdue);
        assertThat(duty().get("duty").asString()).isEqualTo("OVERDUE");

        LocalDate dueSoon = today.minusMonths(6).plusDays(10); // due in about ten days
        completedScan(dueSoon);
        JsonNode d = duty();
        assertThat(d.get("duty").asString()).isEqualTo("DUE_SOON");
        assertThat(d.get("lastScan").asString()).isEqualTo(dueSoon.toString());
        assertThat(d.get("nextDue").asString()).isEqualTo(dueSoon.plusMonths(6).toString());
        Http.Response page = signedIn().get("/systems/" + system + "/scans");
        assertThat(page.body()).contains("Sắp đến hạn quét").contains("text-bg-warning");

        LocalDate met = today.minusMonths(6).plusDays(31 + 3); // more than 30 days left
        completedScan(met);
        assertThat(duty().get("duty").asString()).isEqualTo("MET");
    }
}
