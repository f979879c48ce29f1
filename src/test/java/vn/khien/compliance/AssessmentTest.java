package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Assessments: who may assess under each regime, due dates from the periodicity data, overdue in the subtree. */
class AssessmentTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    ComplianceFixture fixture;

    TestData.Org province;
    TestData.Org department;
    TestData.Person officer;
    TestData.Person provinceLeader;

    @BeforeEach
    void province() {
        province = data.org(data.root(), "Tỉnh Đánh Giá");
        department = data.org(province, "Sở Tài chính");
        officer = data.person(department, Role.SECURITY_OFFICER);
        provinceLeader = data.person(province, Role.LEADER);
    }

    @Test
    void legacyLevelThreeNeedsALicensedAssessorAndIsDueYearly() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Ngân sách");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2025, 1, 1));
        String first = api.get("/api/v1/compliance/systems/" + systemId + "/plan").json().get("items").get(0)
                .get("requirementId").asText();
        LocalDate completed = TODAY.minusMonths(2);

        Http.Response internal = api.post(path(systemId), assessment("INTERNAL", completed, List.of()));
        assertThat(internal.status()).isEqualTo(422);
        assertThat(internal.body()).contains("assessorKind").contains("Nghị định 85/2016");

        Http.Response licensed = api.post(path(systemId), assessment("LICENSED_ORGANISATION", completed,
                List.of(Map.of("requirementId", first, "outcome", "FAIL", "note", "Chưa có quy chế",
                        "remediationOwner", "Phòng CNTT", "remediationDue", TODAY.plusMonths(1).toString()))));
        assertThat(licensed.status()).as(licensed.body()).isEqualTo(201);
        assertThat(licensed.json().get("results").get(0).get("outcome").asText()).isEqualTo("FAIL");

        JsonNode summary = api.get("/api/v1/compliance/systems/" + systemId + "/summary").json();
        assertThat(summary.get("assessment").get("nextDue").asText()).isEqualTo(completed.plusYears(1).toString());
        assertThat(summary.get("assessment").get("overdue").asBoolean()).isFalse();
        JsonNode tasks = api.get("/api/v1/compliance/systems/" + systemId + "/plan").json().get("tasks");
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("requirementId").asText()).isEqualTo(first);
        assertThat(tasks.get(0).get("owner").asText()).isEqualTo("Phòng CNTT");
        assertThat(api.get("/api/v1/compliance/systems/" + systemId + "/assessments").json().size()).isEqualTo(1);
    }

    @Test
    void legacyLevelFiveIsDueEverySixMonthsAndOverdueStandsOutInTheSubtree() {
        Http.Api api = http.api(officer.token());
        long level5 = ComplianceFixture.createSystem(api, data, department, "Hạ tầng trọng yếu");
        fixture.approve(level5, department, 5, "nd85-2016", LocalDate.of(2024, 1, 1));
        LocalDate completed = TODAY.minusMonths(7);
        assertThat(api.post(path(level5), assessment("DESIGNATED_ORGANISATION", completed, List.of())).status())
                .isEqualTo(201);
        JsonNode summary = api.get("/api/v1/compliance/systems/" + level5 + "/summary").json();
        assertThat(summary.get("assessment").get("nextDue").asText()).isEqualTo(completed.plusMonths(6).toString());
        assertThat(summary.get("assessment").get("overdue").asBoolean()).isTrue();

        long level2 = ComplianceFixture.createSystem(api, data, department, "Website");
        fixture.approve(level2, department, 2, "nd85-2016", LocalDate.of(2024, 1, 1));
        assertThat(api.post(path(level2), assessment("INTERNAL", TODAY.minusYears(1), List.of())).status())
                .isEqualTo(201);
        JsonNode level2Summary = api.get("/api/v1/compliance/systems/" + level2 + "/summary").json();
        assertThat(level2Summary.get("assessment").get("nextDue").asText())
                .isEqualTo(TODAY.minusYears(1).plusYears(2).toString());

        JsonNode subtree = http.api(provinceLeader.token())
                .get("/api/v1/compliance/organizations/" + province.id() + "/summary").json();
        assertThat(subtree.get("overdueAssessments").asInt()).isEqualTo(1);
        assertThat(subtree.get("systems").size()).isEqualTo(2);
    }

    @Test
    void newRegimeNeedsAnIndependentUnitAndExternalOnTriggers() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Dữ liệu dân cư địa phương");
        fixture.approve(systemId, department, 3, "nd331-2026", LocalDate.of(2026, 9, 1));
        LocalDate completed = TODAY.minusDays(10);
        Http.Response internal = api.post(path(systemId), assessment("INTERNAL", completed, List.of()));
        assertThat(internal.status()).isEqualTo(422);
        assertThat(internal.body()).contains("Nghị định 331/2026");
        Map<String, Object> triggered = new java.util.HashMap<>(assessment("INDEPENDENT_UNIT", completed, List.of()));
        triggered.put("circumstances", List.of("AFTER_SERIOUS_INCIDENT"));
        assertThat(api.post(path(systemId), triggered).status()).isEqualTo(422);
        assertThat(api.post(path(systemId), assessment("INDEPENDENT_UNIT", completed, List.of())).status())
                .isEqualTo(201);
        JsonNode summary = api.get("/api/v1/compliance/systems/" + systemId + "/summary").json();
        // New regime, level 3, medium risk by default: one year (configurable platform default).
        assertThat(summary.get("assessment").get("nextDue").asText()).isEqualTo(completed.plusYears(1).toString());
    }

    @Test
    void aSystemNeverAssessedIsOverdue() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Chưa đánh giá");
        fixture.approve(systemId, department, 3, "nd85-2016", LocalDate.of(2026, 1, 1));
        JsonNode summary = api.get("/api/v1/compliance/systems/" + systemId + "/summary").json();
        assertThat(summary.get("assessment").get("overdue").asBoolean()).isTrue();
        assertThat(summary.get("assessment").get("nextDue").isNull()).isTrue();
        Http.Response future = api.post(path(systemId), assessment("LICENSED_ORGANISATION", TODAY.plusDays(3), List.of()));
        assertThat(future.status()).isEqualTo(422);
    }

    static String path(long systemId) {
        return "/api/v1/compliance/systems/" + systemId + "/assessments";
    }

    static Map<String, Object> assessment(String assessor, LocalDate completed, List<Map<String, Object>> results) {
        return Map.of("kind", "PERIODIC", "assessorKind", assessor, "assessorName", "Công ty Kiểm định ATTT",
                "scopes", List.of("COMPLIANCE", "GREY_BOX"), "startedOn", completed.minusDays(5).toString(),
                "completedOn", completed.toString(), "results", results);
    }
}
