package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The obligations API and pages over real evidence from the scans and assessments tables, scoped to the subtree. */
class ObligationsApiTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static Map<String, JsonNode> byRule(JsonNode list) {
        Map<String, JsonNode> out = new HashMap<>();
        list.forEach(n -> out.put(n.get("rule").asString(), n));
        return out;
    }

    @Test
    void aSystemsObligationsComeFromItsModulesEvidenceAndRulesWithoutAModuleShowNoData() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử");
        TestData.Org unit = data.org(province, "Sở thử");
        long late = ObligationFixtures.system(data, unit, 3, "LEGACY", TODAY.minusYears(2));
        ObligationFixtures.scan(data, late, TODAY.minusMonths(7));
        ObligationFixtures.assessment(data, late, 3, "LEGACY", TODAY.minusMonths(3));
        TestData.Person leader = data.person(province, Role.LEADER);

        Http.Response r = http.api(leader.token()).get("/api/v1/systems/" + late + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> rules = byRule(r.json());
        JsonNode r21 = rules.get("R21");
        assertThat(r21.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(r21.get("lastMetOn").asString())
                .isEqualTo(TODAY.minusMonths(7).toString());
        assertThat(r21.get("dueOn").asString()).isEqualTo(TODAY.minusMonths(1).toString());
        assertThat(r21.get("evidence").get("kind").asString()).isEqualTo("scan-report");
        assertThat(r21.get("evidence").get("url").asString()).isEqualTo("/systems/" + late + "/scans");
        assertThat(r21.get("legalSource").asString()).contains("Chỉ thị 18/CT-TTg");
        assertThat(r21.get("regime").asString()).isEqualTo("BOTH");
        assertThat(rules.get("R19").get("status").asString()).isEqualTo("MET");
        assertThat(rules.get("R19").get("dueOn").asString())
                .isEqualTo(TODAY.minusMonths(3).plusYears(1).toString());
        // drills (R24) are reported by the incidents module: a level-3 system without a live-fire drill this year
        assertThat(rules.get("R24").get("status").asString()).isEqualTo("OVERDUE");
        // warnings (R22) are reported by the warnings module: nothing was warned about this system, so the duty has not
        // arisen: not applicable with that reason, never "met"
        assertThat(rules.get("R22").get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(rules.get("R22").get("reason").asString()).isEqualTo("obligation.reason.no-event");
        assertThat(rules.get("R09").get("status").asString()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void anOrganisationsObligationsListItsOwnDutiesAndItsSystemsAndStayInsideTheSubtree() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử");
        TestData.Org unit = data.org(province, "Sở thử");
        TestData.Org other = data.org(province, "Sở khác");
        long system = ObligationFixtures.system(data, unit, 2, "NEW", TODAY.minusMonths(2));
        ObligationFixtures.scan(data, system, TODAY.minusDays(10));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person stranger = data.person(other, Role.SECURITY_OFFICER);

        Http.Response r = http.api(officer.token()).get("/api/v1/organizations/" + unit.id() + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        boolean systemScanMet = false;
        for (JsonNode n : r.json()) {
            if (n.get("rule").asString().equals("R21")) {
                assertThat(n.get("system").get("id").asLong()).isEqualTo(system);
                systemScanMet = n.get("status").asString().equals("MET");
            }
            if (n.get("rule").asString().equals("R37")) {
                assertThat(n.get("status").asString()).isEqualTo("NO_DATA");
            }
        }
        assertThat(systemScanMet).isTrue();
        assertThat(http.api(stranger.token())
                        .get("/api/v1/organizations/" + unit.id() + "/obligations")
                        .status())
                .isEqualTo(404);
        assertThat(http.api(stranger.token())
                        .get("/api/v1/systems/" + system + "/obligations")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theMatrixPutsTheLateUnitFirstAndItsCellLeadsToTheMissingScan() {
        TestData.Org province = data.org(data.root(), "Tỉnh ma trận");
        TestData.Org good = data.org(province, "Sở đúng hạn");
        TestData.Org late = data.org(province, "Sở trễ hạn");
        long ok = ObligationFixtures.system(data, good, 2, "NEW", TODAY.minusMonths(2));
        ObligationFixtures.scan(data, ok, TODAY.minusDays(5));
        long missing = ObligationFixtures.system(data, late, 2, "NEW", TODAY.minusMonths(2));
        TestData.Person leader = data.person(province, Role.LEADER);

        Http.Session browser = http.session();
        browser.login(leader.username(), TestData.PASSWORD);
        Http.Response page = browser.get("/organizations/" + province.id() + "/obligations/matrix");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String body = page.body();
        assertThat(body.indexOf("row-" + late.id())).isLessThan(body.indexOf("row-" + good.id()));
        assertThat(body)
                .contains("id=\"cell-" + late.id() + "-R21\"")
                .contains("href=\"/systems/" + missing + "/scans\"");
        assertThat(browser.get("/systems/" + missing + "/obligations").body()).contains("Quá hạn");
        assertThat(browser.get("/organizations/" + late.id() + "/obligations").status())
                .isEqualTo(200);
        Http.Response start = browser.get("/obligations");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).endsWith("/organizations/" + province.id() + "/obligations/matrix");
    }
}
