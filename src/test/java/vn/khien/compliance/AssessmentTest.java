package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        String first = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("items")
                .get(0)
                .get("requirementId")
                .asText();
        LocalDate completed = TODAY.minusMonths(2);

        Http.Response internal = api.post(path(systemId), assessment("INTERNAL", completed, List.of()));
        assertThat(internal.status()).isEqualTo(422);
        assertThat(internal.body()).contains("assessorKind").contains("Nghị định 85/2016");

        Http.Response licensed = api.post(
                path(systemId),
                assessment(
                        "LICENSED_ORGANISATION",
                        completed,
                        List.of(Map.of(
                                "requirementId",
                                first,
                                "outcome",
                                "FAIL",
                                "note",
                                "Chưa có quy chế",
                                "remediationOwner",
                                "Phòng CNTT",
                                "remediationDue",
                                TODAY.plusMonths(1).toString()))));
        assertThat(licensed.status()).as(licensed.body()).isEqualTo(201);
        assertThat(licensed.json().get("results").get(0).get("outcome").asText())
                .isEqualTo("FAIL");

        JsonNode summary =
                api.get("/api/v1/compliance/systems/" + systemId + "/summary").json();
        assertThat(summary.get("assessment").get("nextDue").asText())
                .isEqualTo(completed.plusYears(1).toString());
        assertThat(summary.get("assessment").get("overdue").asBoolean()).isFalse();
        JsonNode tasks = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("tasks");
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("requirementId").asText()).isEqualTo(first);
        assertThat(tasks.get(0).get("owner").asText()).isEqualTo("Phòng CNTT");
        assertThat(api.get("/api/v1/compliance/systems/" + systemId + "/assessments")
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void legacyLevelFiveIsDueEverySixMonthsAndOverdueStandsOutInTheSubtree() {
        Http.Api api = http.api(officer.token());
        long level5 = ComplianceFixture.createSystem(api, data, department, "Hạ tầng trọng yếu");
        fixture.approve(level5, department, 5, "nd85-2016", LocalDate.of(2024, 1, 1));
        LocalDate completed = TODAY.minusMonths(7);
        assertThat(api.post(path(level5), assessment("DESIGNATED_ORGANISATION", completed, List.of()))
                        .status())
                .isEqualTo(201);
        JsonNode summary =
                api.get("/api/v1/compliance/systems/" + level5 + "/summary").json();
        assertThat(summary.get("assessment").get("nextDue").asText())
                .isEqualTo(completed.plusMonths(6).toString());
        assertThat(summary.get("assessment").get("overdue").asBoolean()).isTrue();

        long level2 = ComplianceFixture.createSystem(api, data, department, "Website");
        fixture.approve(level2, department, 2, "nd85-2016", LocalDate.of(2024, 1, 1));
        assertThat(api.post(path(level2), assessment("INTERNAL", TODAY.minusYears(1), List.of()))
                        .status())
                .isEqualTo(201);
        JsonNode level2Summary =
                api.get("/api/v1/compliance/systems/" + level2 + "/summary").json();
        assertThat(level2Summary.get("assessment").get("nextDue").asText())
                .isEqualTo(TODAY.minusYears(1).plusYears(2).toString());

        JsonNode subtree = http.api(provinceLeader.token())
                .get("/api/v1/compliance/organizations/" + province.id() + "/summary")
                .json();
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
        Map<String, Object> triggered = new HashMap<>(assessment("INDEPENDENT_UNIT", completed, List.of()));
        triggered.put("circumstances", List.of("AFTER_SERIOUS_INCIDENT"));
        assertThat(api.post(path(systemId), triggered).status()).isEqualTo(422);
        assertThat(api.post(path(systemId), assessment("INDEPENDENT_UNIT", completed, List.of()))
                        .status())
                .isEqualTo(201);
        JsonNode summary =
                api.get("/api/v1/compliance/systems/" + systemId + "/summary").json();
        // New regime, level 3, medium risk by default: one year (configurable platform default).
        assertThat(summary.get("assessment").get("nextDue").asText())
                .isEqualTo(completed.plusYears(1).toString());
    }

    @Test
    void legacySystemNeverAssessedIsFirstDueOneYearAfterApprovalNotAtOnce() {
        Http.Api api = http.api(officer.token());
        long fresh = ComplianceFixture.createSystem(api, data, department, "Mới phê duyệt");
        fixture.approve(fresh, department, 3, "nd85-2016", TODAY);
        JsonNode summary = api.get("/api/v1/compliance/systems/" + fresh + "/summary")
                .json()
                .get("assessment");
        assertThat(summary.get("overdue").asBoolean()).isFalse();
        assertThat(summary.get("firstFromApproval").asBoolean()).isTrue();
        assertThat(summary.get("nextDue").asText()).isEqualTo(TODAY.plusYears(1).toString());
        assertThat(summary.get("preGoLive").asText()).isEqualTo("NOT_REQUIRED");

        long stale = ComplianceFixture.createSystem(api, data, department, "Phê duyệt từ lâu");
        fixture.approve(stale, department, 3, "nd85-2016", TODAY.minusYears(1).minusDays(1));
        JsonNode late = api.get("/api/v1/compliance/systems/" + stale + "/summary")
                .json()
                .get("assessment");
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("nextDue").asText()).isEqualTo(TODAY.minusDays(1).toString());
        JsonNode subtree = http.api(provinceLeader.token())
                .get("/api/v1/compliance/organizations/" + province.id() + "/summary")
                .json();
        assertThat(subtree.get("overdueAssessments").asInt()).isEqualTo(1);

        Http.Response future = api.post(path(fresh), assessment("LICENSED_ORGANISATION", TODAY.plusDays(3), List.of()));
        assertThat(future.status()).isEqualTo(422);
    }

    @Test
    void newRegimeLevelFiveOwesAnAssessmentBeforeGoLiveBesidesThePeriodicOne() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Dữ liệu trọng yếu");
        data.jdbc()
                .sql("UPDATE information_system SET lifecycle_status = 'UNDER_INVESTMENT', operating_since = NULL"
                        + " WHERE id = :id")
                .param("id", systemId)
                .update();
        fixture.approve(systemId, department, 5, "nd331-2026", TODAY.minusDays(10));
        String summaryPath = "/api/v1/compliance/systems/" + systemId + "/summary";
        JsonNode beforeLive = api.get(summaryPath).json().get("assessment");
        assertThat(beforeLive.get("overdue").asBoolean()).isFalse();
        // Level 5, medium risk by default: six months from approval.
        assertThat(beforeLive.get("nextDue").asText())
                .isEqualTo(TODAY.minusDays(10).plusMonths(6).toString());
        assertThat(beforeLive.get("preGoLive").asText()).isEqualTo("DUE_BEFORE_GO_LIVE");

        data.jdbc()
                .sql(
                        "UPDATE information_system SET lifecycle_status = 'OPERATING', operating_since = :on WHERE id = :id")
                .param("on", TODAY.minusDays(2))
                .param("id", systemId)
                .update();
        JsonNode live = api.get(summaryPath).json().get("assessment");
        assertThat(live.get("preGoLive").asText()).isEqualTo("MISSING");
        assertThat(live.get("overdue").asBoolean()).isFalse();
        assertThat(http.api(provinceLeader.token())
                        .get("/api/v1/compliance/organizations/" + province.id() + "/summary")
                        .json()
                        .get("overdueAssessments")
                        .asInt())
                .isEqualTo(1);

        Map<String, Object> goLive =
                new HashMap<>(assessment("DESIGNATED_ORGANISATION", TODAY.minusDays(3), List.of()));
        goLive.put("kind", "BEFORE_GO_LIVE");
        assertThat(api.post(path(systemId), goLive).status()).isEqualTo(201);
        JsonNode done = api.get(summaryPath).json().get("assessment");
        assertThat(done.get("preGoLive").asText()).isEqualTo("DONE");
        assertThat(done.get("firstFromApproval").asBoolean()).isFalse();
        assertThat(done.get("nextDue").asText())
                .isEqualTo(TODAY.minusDays(3).plusMonths(6).toString());

        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        assertThat(session.get("/compliance/systems/" + systemId).body())
                .contains("id=\"pre-go-live\"")
                .contains("Đã đánh giá điều kiện an ninh mạng");
    }

    @Test
    void officersRateTheRiskAndNewRegimeDueDatesFollowIt() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Thuế địa phương");
        LocalDate approved = TODAY.minusMonths(1);
        fixture.approve(systemId, department, 3, "nd331-2026", approved);
        String summaryPath = "/api/v1/compliance/systems/" + systemId + "/summary";
        JsonNode assumed = api.get(summaryPath).json().get("assessment");
        assertThat(assumed.get("risk").asText()).isEqualTo("MEDIUM");
        assertThat(assumed.get("riskRated").asBoolean()).isFalse();
        assertThat(assumed.get("nextDue").asText())
                .isEqualTo(approved.plusYears(1).toString());

        String riskPath = "/api/v1/compliance/systems/" + systemId + "/risk";
        Http.Response missing = api.send("PUT", riskPath, Map.of("note", "x"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("rating").contains("assessedOn");
        TestData.Person auditor = data.person(department, Role.AUDITOR);
        Http.Response auditorTry = http.api(auditor.token())
                .send("PUT", riskPath, Map.of("rating", "LOW", "assessedOn", TODAY.toString()));
        assertThat(auditorTry.status()).isEqualTo(403);

        Http.Response high = api.send(
                "PUT",
                riskPath,
                Map.of(
                        "rating",
                        "HIGH",
                        "assessedOn",
                        TODAY.minusDays(3).toString(),
                        "note",
                        "Báo cáo đánh giá rủi ro số 12/BC"));
        assertThat(high.status()).as(high.body()).isEqualTo(200);
        JsonNode rated = api.get(summaryPath).json().get("assessment");
        assertThat(rated.get("risk").asText()).isEqualTo("HIGH");
        assertThat(rated.get("riskRated").asBoolean()).isTrue();
        // New regime, level 3, high risk: six months (configurable platform default).
        assertThat(rated.get("nextDue").asText())
                .isEqualTo(approved.plusMonths(6).toString());
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'compliance.risk.save' AND target_id = :id")
                        .param("id", String.valueOf(systemId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // From the page: lowering the rating back moves the due date.
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        session.get("/compliance/systems/" + systemId);
        Http.Response form = session.postForm(
                "/compliance/systems/" + systemId + "/risk",
                Map.of("rating", "LOW", "assessedOn", TODAY.toString(), "note", ""));
        assertThat(form.status()).isEqualTo(302);
        assertThat(api.get(summaryPath).json().get("assessment").get("nextDue").asText())
                .isEqualTo(approved.plusYears(1).toString());
        assertThat(session.get("/compliance/systems/" + systemId).body())
                .contains("id=\"risk-rating\"")
                .contains(">Thấp<");

        // The legacy regime fixes intervals by level: the rating changes nothing there.
        long legacy = ComplianceFixture.createSystem(api, data, department, "Văn bản");
        fixture.approve(legacy, department, 3, "nd85-2016", approved);
        api.send(
                "PUT",
                "/api/v1/compliance/systems/" + legacy + "/risk",
                Map.of("rating", "HIGH", "assessedOn", TODAY.toString()));
        assertThat(api.get("/api/v1/compliance/systems/" + legacy + "/summary")
                        .json()
                        .get("assessment")
                        .get("nextDue")
                        .asText())
                .isEqualTo(approved.plusYears(1).toString());
    }

    @Test
    void thePageFormRecordsAResultAndANotePerRequirementAndFailedOnesBecomeTasks() {
        Http.Api api = http.api(officer.token());
        long systemId = ComplianceFixture.createSystem(api, data, department, "Một cửa điện tử");
        fixture.approve(systemId, department, 3, "nd85-2016", TODAY.minusMonths(3));
        JsonNode items = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("items");
        String passed = items.get(0).get("requirementId").asText();
        String failed = items.get(1).get("requirementId").asText();
        String skipped = items.get(2).get("requirementId").asText();
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        String page = "/compliance/systems/" + systemId;
        assertThat(session.get(page).body()).contains("name=\"outcome." + skipped + "\"");
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "kind",
                "PERIODIC",
                "assessorKind",
                "LICENSED_ORGANISATION",
                "assessorName",
                "Trung tâm Kiểm định",
                "scopes",
                "COMPLIANCE",
                "startedOn",
                TODAY.minusDays(9).toString(),
                "completedOn",
                TODAY.minusDays(2).toString(),
                "remediationOwner",
                "Phòng CNTT"));
        form.put("outcome." + passed, "PASS");
        form.put("note." + passed, "Có quyết định ban hành");
        form.put("outcome." + failed, "FAIL");
        form.put("note." + failed, "Chưa phân công cán bộ");
        form.put("outcome." + skipped, "NOT_ASSESSED");
        form.put("note." + skipped, "");

        Http.Response noDue = session.postForm(page + "/assessments", form);
        assertThat(noDue.status()).isEqualTo(200);
        assertThat(noDue.body()).contains("Yêu cầu không đạt cần có hạn khắc phục.");
        assertThat(api.get(path(systemId)).json().size()).isZero();

        form.put("remediationDue", TODAY.plusMonths(1).toString());
        assertThat(session.postForm(page + "/assessments", form).status()).isEqualTo(302);
        JsonNode results = api.get(path(systemId)).json().get(0).get("results");
        Map<String, JsonNode> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.get("requirementId").asText(), r));
        assertThat(byId).hasSize(3);
        assertThat(byId.get(passed).get("outcome").asText()).isEqualTo("PASS");
        assertThat(byId.get(passed).get("note").asText()).isEqualTo("Có quyết định ban hành");
        assertThat(byId.get(failed).get("outcome").asText()).isEqualTo("FAIL");
        assertThat(byId.get(skipped).get("outcome").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(byId.get(skipped).get("note").isNull()).isTrue();
        JsonNode tasks = api.get("/api/v1/compliance/systems/" + systemId + "/plan")
                .json()
                .get("tasks");
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("requirementId").asText()).isEqualTo(failed);
        assertThat(tasks.get(0).get("title").asText()).contains("Chưa phân công cán bộ");
        assertThat(tasks.get(0).get("dueOn").asText())
                .isEqualTo(TODAY.plusMonths(1).toString());

        form.put("outcome." + passed, "MAYBE");
        assertThat(session.postForm(page + "/assessments", form).body()).contains("Giá trị không hợp lệ.");
    }

    static String path(long systemId) {
        return "/api/v1/compliance/systems/" + systemId + "/assessments";
    }

    static Map<String, Object> assessment(String assessor, LocalDate completed, List<Map<String, Object>> results) {
        return Map.of(
                "kind",
                "PERIODIC",
                "assessorKind",
                assessor,
                "assessorName",
                "Công ty Kiểm định ATTT",
                "scopes",
                List.of("COMPLIANCE", "GREY_BOX"),
                "startedOn",
                completed.minusDays(5).toString(),
                "completedOn",
                completed.toString(),
                "results",
                results);
    }
}
