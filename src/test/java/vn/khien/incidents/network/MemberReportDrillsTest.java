package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Biểu mẫu 05's drill figure ({@code drillsLevel3Plus}) in the network member report comes from the drills recorded on
 * the member's systems, through the one figure the reports and dashboards read: over the report's period 15/12–14/06,
 * a live-fire drill of a level-3+ system on the period's first or last day counts, one on the day after does not,
 * nor a level-2 system's drill, nor a table-top exercise; the drill-down names the systems counted.
 */
class MemberReportDrillsTest extends IntegrationTest {

    @Test
    void theMemberReportCountsTheLevel3PlusSystemsDrilledInItsPeriod() {
        TestData.Org province = NetworkFixture.province(data, data.unique("Tỉnh diễn tập mạng lưới"));
        TestData.Org unit = NetworkFixture.responseUnit(data, province, "Sở diễn tập mạng lưới");
        TestData.Org hospital = data.org(province, "Bệnh viện diễn tập mạng lưới");
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        Http.Api officer = http.api(data.person(hospital, Role.SECURITY_OFFICER).token());

        String lastDay = data.unique("HIS diễn tập ngày cuối");
        String firstDay = data.unique("PACS diễn tập ngày đầu");
        String dayAfter = data.unique("LIS diễn tập ngày sau");
        String level2 = data.unique("Cổng cấp 2 diễn tập");
        long lastDayId = system(officer, hospital, lastDay, 3);
        long firstDayId = system(officer, hospital, firstDay, 4);
        long dayAfterId = system(officer, hospital, dayAfter, 3);
        long level2Id = system(officer, hospital, level2, 2);
        drill(officer, lastDayId, "LIVE_FIRE", "2026-06-14"); // the period's last day: counts
        drill(officer, firstDayId, "LIVE_FIRE", "2025-12-15"); // the period's first day: counts
        drill(officer, dayAfterId, "LIVE_FIRE", "2026-06-15"); // the day after: the next period
        drill(officer, dayAfterId, "TABLE_TOP", "2026-03-02"); // a table-top exercise is no live-fire drill
        drill(officer, level2Id, "LIVE_FIRE", "2026-05-04"); // level 2: not a level-3+ system

        Http.Api api = http.api(responder.token());
        Http.Response created = api.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "IR_NETWORK_MEMBER", "period", "2026-H1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.get("periodTo").asString()).isEqualTo("2026-06-14");
        assertThat(report.get("figures").get("drillsLevel3Plus").isNull())
                .as("the member report's drill figure has a source")
                .isFalse();
        assertThat(report.get("figures").get("drillsLevel3Plus").asLong()).isEqualTo(2);

        // The drill-down lists the systems counted, from their drills.
        long id = report.get("id").asLong();
        Http.Response rows =
                api.get("/api/v1/reports/" + id + "/figures/drillsLevel3Plus/rows?organizationId=" + hospital.id());
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        rows.json().forEach(r -> labels.add(r.get("label").asString()));
        assertThat(labels).containsExactlyInAnyOrder(lastDay + " — 14/06/2026", firstDay + " — 15/12/2025");
        assertThat(rows.body()).contains("/systems/" + lastDayId + "/drills");

        // The annual report covers the whole year (15/12/2025–14/12/2026, ADR 0075): the drill held the day after the
        // six months ended counts too.
        Http.Response annual = api.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "IR_NETWORK_MEMBER", "period", "2026"));
        assertThat(annual.status()).as(annual.body()).isEqualTo(201);
        assertThat(annual.json().get("periodFrom").asString()).isEqualTo("2025-12-15");
        assertThat(annual.json().get("periodTo").asString()).isEqualTo("2026-12-14");
        assertThat(annual.json().get("figures").get("drillsLevel3Plus").asLong())
                .isEqualTo(3);
    }

    private long system(Http.Api officer, TestData.Org owner, String name, int level) {
        long id = ComplianceFixture.createSystem(officer, data, owner, name);
        data.jdbc()
                .sql("UPDATE information_system SET approved_level = :l WHERE id = :id")
                .param("l", level)
                .param("id", id)
                .update();
        return id;
    }

    private static void drill(Http.Api officer, long systemId, String kind, String heldOn) {
        Http.Response r = officer.post(
                "/api/v1/systems/" + systemId + "/drills",
                Map.of("kind", kind, "heldOn", heldOn, "scenario", "Kịch bản diễn tập thử"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
