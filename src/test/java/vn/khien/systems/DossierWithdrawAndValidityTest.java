package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.dossier.DossierDeadlines;

/**
 * Withdrawal (who may, from which states, audit, what the system shows after) and the incomplete-dossier limit of
 * NĐ 331/2026 Đ23 (regulation.md §6.1 and §12 R10: the appraiser answers an invalid dossier within 5 working days of
 * receipt), tracked as the deadline of the RETURN action alongside the appraisal limit.
 */
class DossierWithdrawAndValidityTest extends IntegrationTest {

    @Autowired
    DossierDeadlines deadlines;

    private long submittedDossier(ProvinceFixture p, Http.Api officer, String name) {
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, name);
        assertThat(officer.post(
                                "/api/v1/systems/" + systemId + "/classifications",
                                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331))
                        .status())
                .isEqualTo(201);
        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(officer, dossierId);
        Http.Response submitted = officer.post(action(dossierId, "SUBMIT"), Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return dossierId;
    }

    @Test
    void ownerSideWithdrawsOpenDossiersOthersCannotAndTheSystemShowsIt() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        Http.Api appraiser = http.api(p.appraiser.token());
        Http.Api auditor = http.api(data.person(p.department, Role.AUDITOR).token());

        // From DRAFT, by the officer who prepared it.
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống quản lý tài sản");
        officer.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        long draft = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        assertThat(auditor.post(action(draft, "WITHDRAW"), Map.of()).status()).isEqualTo(403);
        Http.Response withdrawn =
                officer.post(action(draft, "WITHDRAW"), Map.of("comment", "Lập lại sau khi rà soát phạm vi"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("dossier").get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("allowedActions").size()).isZero();
        // Withdrawn is final: no step, not even another withdrawal; parts can no longer be changed.
        assertThat(officer.post(action(draft, "WITHDRAW"), Map.of()).status()).isEqualTo(422);
        assertThat(officer.post(action(draft, "SUBMIT"), Map.of()).status()).isEqualTo(422);
        assertThat(officer.send("PUT", "/api/v1/dossiers/" + draft + "/parts/OVERVIEW", Map.of("content", "x"))
                        .status())
                .isEqualTo(422);

        // From SUBMITTED: the appraiser may return it but not withdraw it; the department's leader may.
        long submitted = submittedDossier(p, officer, "Hệ thống một cửa liên thông");
        assertThat(appraiser.post(action(submitted, "WITHDRAW"), Map.of()).status())
                .isEqualTo(403);
        Http.Response byLeader = http.api(p.leader.token()).post(action(submitted, "WITHDRAW"), Map.of());
        assertThat(byLeader.status()).isEqualTo(200);
        JsonNode history = byLeader.json().get("history");
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("WITHDRAW");
        assertThat(history.get(history.size() - 1).get("fromStatus").asText()).isEqualTo("SUBMITTED");
        // The appraiser no longer has anything to do, and the validity limit is over.
        assertThat(byLeader.json().get("dossier").get("validityDueOn").isNull()).isTrue();
        assertThat(appraiser.post(action(submitted, "APPRAISE"), Map.of()).status())
                .isEqualTo(422);

        // From RETURNED and from APPRAISED as well.
        long returned = submittedDossier(p, officer, "Hệ thống quản lý hồ sơ cán bộ");
        appraiser.post(action(returned, "RETURN"), Map.of("comment", "Thiếu sơ đồ mạng"));
        assertThat(officer.post(action(returned, "WITHDRAW"), Map.of()).status())
                .isEqualTo(200);
        long appraised = submittedDossier(p, officer, "Hệ thống quản lý đất đai");
        assertThat(appraiser
                        .post(action(appraised, "APPRAISE"), Map.of("comment", "Đạt"))
                        .status())
                .isEqualTo(200);
        assertThat(officer.post(action(appraised, "WITHDRAW"), Map.of()).status())
                .isEqualTo(200);

        // From APPROVED: refused; withdrawing a re-determination keeps the level in force.
        long approved = submittedDossier(p, officer, "Hệ thống quản lý văn bản");
        appraiser.post(action(approved, "APPRAISE"), Map.of("comment", "Đạt"));
        ProvinceFixture.recordRegulation(
                officer,
                officer.get("/api/v1/dossiers/" + approved)
                        .json()
                        .get("dossier")
                        .get("systemId")
                        .asLong(),
                "2026-11-02");
        assertThat(http.api(p.leader.token())
                        .post(
                                action(approved, "APPROVE"),
                                Map.of(
                                        "decisionNumber",
                                        "9/QĐ-SYT",
                                        "decisionDate",
                                        "2026-11-20",
                                        "decisionSigner",
                                        "Lãnh đạo Sở"))
                        .status())
                .isEqualTo(200);
        assertThat(officer.post(action(approved, "WITHDRAW"), Map.of()).status())
                .isEqualTo(422);
        long approvedSystem = officer.get("/api/v1/dossiers/" + approved)
                .json()
                .get("dossier")
                .get("systemId")
                .asLong();
        long redetermination = officer.post("/api/v1/systems/" + approvedSystem + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        assertThat(officer.post(action(redetermination, "WITHDRAW"), Map.of()).status())
                .isEqualTo(200);
        JsonNode system = officer.get("/api/v1/systems/" + approvedSystem).json();
        assertThat(system.get("approvedLevel").asInt()).isEqualTo(3);
        assertThat(system.get("approvalDecisionNumber").asText()).isEqualTo("9/QĐ-SYT");

        // The system of the withdrawn draft: no level, dossier listed as withdrawn, a new dossier may be opened.
        assertThat(officer.get("/api/v1/systems/" + systemId)
                        .json()
                        .get("approvedLevel")
                        .isNull())
                .isTrue();
        Http.Session page = http.session();
        page.login(p.officer.username(), TestData.PASSWORD);
        assertThat(page.get("/systems/" + systemId).body()).contains("Đã rút");
        assertThat(page.get("/dossiers/" + draft).body())
                .contains("data-status=\"WITHDRAWN\"")
                .doesNotContain("action-WITHDRAW");
        assertThat(officer.post("/api/v1/systems/" + systemId + "/dossiers", "").status())
                .isEqualTo(201);

        // Every withdrawal is in the owner's audit trail with the status it left.
        Http.Response trail = admin().get("/api/v1/audit?organizationId=" + p.department.id() + "&size=200");
        assertThat(trail.body()).contains("dossier.withdraw").contains("Lập lại sau khi rà soát phạm vi");
        assertThat(trail.body().split("dossier\\.withdraw", -1).length - 1).isGreaterThanOrEqualTo(5);
    }

    @Test
    void incompleteDossierLimitCountsFiveWorkingDaysAcrossWeekendsAndHolidays() {
        // Received Wed 29/04/2026: 30/04 and 01/05 are holidays, then the weekend; Mon 04/05 is day 1, Fri 08/05 day 5.
        assertThat(validityDue(LocalDate.of(2026, 4, 29))).isEqualTo(LocalDate.of(2026, 5, 8));
        // Received Fri 24/04/2026: weekend, Giỗ Tổ (Sun 26/04, moved to Mon 27/04), Tue 28 (1), Wed 29 (2), the
        // 30/04–01/05 holidays and the weekend, Mon 04/05 (3), Tue 05/05 (4), Wed 06/05 (5).
        assertThat(validityDue(LocalDate.of(2026, 4, 24))).isEqualTo(LocalDate.of(2026, 5, 6));
        // Received Wed 03/02/2027, the day before Tết (05–11/02/2027, estimated): Thu 04/02 (1), Fri 12/02 (2) ... Wed
        // 17/02 (5).
        assertThat(validityDue(LocalDate.of(2027, 2, 3))).isEqualTo(LocalDate.of(2027, 2, 17));
        // Received on a Friday: the weekend does not count.
        assertThat(validityDue(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 27));
        // Decree 85/2016 has no such limit since TT 03/2017 was replaced (01/10/2022).
        assertThat(deadlines.due("nd85-2016", ProcedureStep.DOSSIER_VALIDITY_CHECK, 3, LocalDate.of(2026, 4, 29)))
                .isEmpty();
    }

    @Test
    void submissionStartsTheValidityLimitReturnIsMeasuredAgainstItAndLateChecksShow() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        Http.Api appraiser = http.api(p.appraiser.token());
        LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);

        long onTime = submittedDossier(p, officer, "Hệ thống quản lý văn bản điều hành");
        JsonNode d = officer.get("/api/v1/dossiers/" + onTime).json().get("dossier");
        LocalDate expected = validityDue(today);
        assertThat(d.get("validityDueOn").asText()).isEqualTo(expected.toString());
        assertThat(d.get("validityLimitRef").asText()).isEqualTo("NĐ 331/2026 Đ23");
        // Five working days, never fewer calendar days; the appraisal limit (15 working days) runs alongside.
        assertThat(expected).isAfterOrEqualTo(today.plusDays(5));
        assertThat(LocalDate.parse(d.get("stepDueOn").asText())).isAfter(expected);

        Http.Session appraiserPage = http.session();
        appraiserPage.login(p.appraiser.username(), TestData.PASSWORD);
        String page = appraiserPage.get("/dossiers/" + onTime).body();
        assertThat(page)
                .contains("Hạn thông báo hồ sơ chưa hợp lệ")
                .contains("dossier-validity-due")
                .doesNotContain("dossier-validity-late");

        Http.Response returned =
                appraiser.post(action(onTime, "RETURN"), Map.of("comment", "Thiếu thuyết minh phương án"));
        JsonNode step = returned.json()
                .get("history")
                .get(returned.json().get("history").size() - 1);
        assertThat(step.get("action").asText()).isEqualTo("RETURN");
        assertThat(step.get("limitDueOn").asText()).isEqualTo(expected.toString());
        assertThat(step.get("late").asBoolean()).isFalse();
        assertThat(returned.json().get("dossier").get("validityDueOn").isNull()).isTrue();
        // Resubmission is a new receipt: a new validity limit starts.
        Http.Response resubmitted = officer.post(action(onTime, "SUBMIT"), Map.of());
        assertThat(resubmitted.json().get("dossier").get("validityDueOn").asText())
                .isEqualTo(expected.toString());

        // A dossier received nine days ago and still unanswered: the validity check is late, on the page and in the
        // province's progress, and a return now is recorded as late.
        long late = submittedDossier(p, officer, "Hệ thống quản lý tài chính");
        LocalDate received = today.minusDays(9);
        LocalDate lateDue = validityDue(received);
        data.jdbc()
                .sql("UPDATE level_dossier SET step_started_on = :r, validity_due_on = :v WHERE id = :id")
                .param("r", received)
                .param("v", lateDue)
                .param("id", late)
                .update();
        assertThat(lateDue).isBefore(today);
        assertThat(appraiserPage.get("/dossiers/" + late).body()).contains("dossier-validity-late");
        Http.Session leader = http.session();
        leader.login(p.provinceLeader.username(), TestData.PASSWORD);
        String progress =
                leader.get("/level-progress?organizationId=" + p.province.id()).body();
        assertThat(progress).contains("data-step=\"VALIDITY_CHECK\"").contains("Thông báo hồ sơ chưa hợp lệ");
        JsonNode lateList = http.api(p.provinceLeader.token())
                .get("/api/v1/level-progress?organizationId=" + p.province.id())
                .json()
                .get("late");
        List<Long> lateIds = new ArrayList<>();
        lateList.forEach(n -> lateIds.add(n.get("id").asLong()));
        assertThat(lateIds).contains(late);

        Http.Response lateReturn =
                appraiser.post(action(late, "RETURN"), Map.of("comment", "Thiếu báo cáo đánh giá rủi ro"));
        JsonNode lateStep = lateReturn
                .json()
                .get("history")
                .get(lateReturn.json().get("history").size() - 1);
        assertThat(lateStep.get("limitDueOn").asText()).isEqualTo(lateDue.toString());
        assertThat(lateStep.get("late").asBoolean()).isTrue();
        String history = appraiserPage.get("/dossiers/" + late).body();
        assertThat(history).contains("data-late=\"true\"");
        Http.Response trail = admin().get("/api/v1/audit?organizationId=" + p.department.id() + "&size=200");
        assertThat(trail.body()).contains("validityDueOn").contains("limitDueOn");
    }

    private LocalDate validityDue(LocalDate received) {
        return deadlines
                .due("nd331-2026", ProcedureStep.DOSSIER_VALIDITY_CHECK, 3, received)
                .orElseThrow()
                .due();
    }

    private static String action(long dossierId, String action) {
        return "/api/v1/dossiers/" + dossierId + "/actions/" + action;
    }
}
