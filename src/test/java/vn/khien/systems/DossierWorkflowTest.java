package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Actor;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.dossier.DossierDeadlines;

/** The level-dossier workflow over HTTP: authorities from rule data, self-approval ban, approval onto the system. */
class DossierWorkflowTest extends IntegrationTest {

    @Autowired
    DossierDeadlines deadlines;

    @Autowired
    ApprovedLevelRecorder approvals;

    @Test
    void dossierGoesFromDraftThroughReturnToApprovalByTheRightPeople() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        Http.Api appraiser = http.api(p.appraiser.token());
        Http.Api leader = http.api(p.leader.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống một cửa điện tử");

        Http.Response noClassification = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(noClassification.status()).isEqualTo(422);

        Http.Response c = officer.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        assertThat(c.json().get("proposedLevel").asInt()).isEqualTo(3);
        assertThat(c.json().get("deciding").get(0).get("legalRef").asText()).contains("331/2026");

        Http.Response created = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long dossierId = created.json().get("dossier").get("id").asLong();
        assertThat(created.json().get("dossier").get("appraiserOrgId").asLong()).isEqualTo(p.securityUnit.id());
        assertThat(created.json().get("dossier").get("approverOrgId").asLong()).isEqualTo(p.department.id());
        // The appraiser does not see the draft until it is submitted.
        assertThat(appraiser.get("/api/v1/dossiers/" + dossierId).status()).isEqualTo(404);

        Http.Response incomplete = officer.post(action(dossierId, "SUBMIT"), Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body()).contains("parts.OVERVIEW").contains("parts.RISK_ASSESSMENT");

        ProvinceFixture.fillParts(officer, dossierId);
        Http.Response submitted = officer.post(action(dossierId, "SUBMIT"), Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("dossier").get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("dossier").get("stepDueOn").isNull()).isFalse();

        // The officer may not appraise; the appraiser must give reasons to return it.
        assertThat(officer.post(action(dossierId, "APPRAISE"), Map.of()).status())
                .isEqualTo(403);
        assertThat(appraiser.post(action(dossierId, "RETURN"), Map.of()).status())
                .isEqualTo(422);
        Http.Response returned = appraiser.post(
                action(dossierId, "RETURN"), Map.of("comment", "Bổ sung sơ đồ mạng và danh mục thiết bị"));
        assertThat(returned.json().get("dossier").get("status").asText()).isEqualTo("RETURNED");

        // The department leader resubmits, so must not approve it later.
        leader.send(
                "PUT", "/api/v1/dossiers/" + dossierId + "/parts/DESIGN", Map.of("content", "Sơ đồ mạng đã bổ sung"));
        Http.Response resubmitted = leader.post(action(dossierId, "SUBMIT"), Map.of());
        assertThat(resubmitted.json().get("dossier").get("status").asText())
                .as(resubmitted.body())
                .isEqualTo("SUBMITTED");
        assertThat(appraiser
                        .post(action(dossierId, "APPRAISE"), Map.of("comment", "Đạt yêu cầu"))
                        .status())
                .isEqualTo(200);

        assertThat(appraiser.post(action(dossierId, "APPROVE"), approval()).status())
                .isEqualTo(403);
        Http.Response own = leader.post(action(dossierId, "APPROVE"), approval());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asText()).contains("chính mình");
        Http.Api second = http.api(p.secondLeader.token());
        assertThat(second.post(action(dossierId, "APPROVE"), Map.of()).status()).isEqualTo(422);
        // No security regulation yet: refused, naming the rule (NĐ 331/2026 Đ30.7).
        Http.Response noRegulation = second.post(action(dossierId, "APPROVE"), approval());
        assertThat(noRegulation.status()).isEqualTo(422);
        assertThat(noRegulation.body()).contains("securityRegulation").contains("NĐ 331/2026/NĐ-CP Đ30.7");
        assertThat(second.get("/api/v1/dossiers/" + dossierId)
                        .json()
                        .get("approvalPreconditions")
                        .get(0)
                        .get("met")
                        .asBoolean())
                .isFalse();
        // Issued after the decision date: still refused.
        ProvinceFixture.recordRegulation(officer, systemId, "2026-11-21");
        Http.Response lateRegulation = second.post(action(dossierId, "APPROVE"), approval());
        assertThat(lateRegulation.status()).isEqualTo(422);
        assertThat(lateRegulation.body()).contains("21/11/2026");
        ProvinceFixture.recordRegulation(officer, systemId, "2026-11-20");
        Http.Response approved = second.post(action(dossierId, "APPROVE"), approval());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("history"))
                .extracting(s -> s.get("action").asText())
                .containsExactly("CREATE", "SUBMIT", "RETURN", "RESUBMIT", "APPRAISE", "APPROVE");

        // The event names the approver, so listeners after the commit can put them in the audit trail.
        assertThat(approvals.received())
                .contains(new SystemLevelApproved(
                        systemId,
                        p.department.id(),
                        3,
                        "nd331-2026",
                        LocalDate.of(2026, 11, 20),
                        new Actor(p.secondLeader.id(), p.secondLeader.username())));

        Http.Response system = officer.get("/api/v1/systems/" + systemId);
        assertThat(system.json().get("approvedLevel").asInt()).isEqualTo(3);
        assertThat(system.json().get("approvedRegime").asText()).isEqualTo("nd331-2026");
        assertThat(system.json().get("approvedOn").asText()).isEqualTo("2026-11-20");

        // Every step is in the audit trail of the owner.
        Http.Response trail = admin().get("/api/v1/audit?organizationId=" + p.department.id() + "&size=200");
        assertThat(trail.body())
                .contains(
                        "dossier.submit",
                        "dossier.return",
                        "dossier.resubmit",
                        "dossier.appraise",
                        "dossier.approve",
                        "system.levelApproved");

        // A material change after approval starts a re-determination.
        Map<String, Object> changed = new HashMap<>(Map.of(
                "code",
                system.json().get("code").asText(),
                "name",
                "Hệ thống một cửa điện tử",
                "ownerOrganizationId",
                p.department.id(),
                "operatorOrganizationId",
                p.department.id(),
                "systemType",
                "PUBLIC_SERVICE",
                "informationKinds",
                List.of("PRIVATE", "PERSONAL"),
                "userCount",
                500));
        Http.Response updated = officer.send("PUT", "/api/v1/systems/" + systemId, changed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("redeterminationRequired").asBoolean()).isTrue();
        assertThat(updated.json().get("approvedLevel").asInt()).isEqualTo(3);
    }

    @Test
    void appraisalLimitsCountWorkingDaysAcrossTet() {
        // NĐ 331/2026: level 3 appraisal 15 working days. Received Wed 03/02/2027; Tết 05–11/02/2027 (estimated).
        LocalDate due = deadlines
                .due("nd331-2026", ProcedureStep.APPRAISAL, 3, LocalDate.of(2027, 2, 3))
                .orElseThrow()
                .due();
        // Thu 04/02 is day 1, Fri 12/02 day 2, then four full weeks to Fri 26/02 (day 12): Wed 03/03 is day 15.
        assertThat(due).isEqualTo(LocalDate.of(2027, 3, 3));
        // NĐ 85/2016: 15 calendar days, moved to the next working day when it ends on a holiday or weekend.
        // Received 02/02/2026: day 15 is Tue 17/02/2026 (Tết), so the limit ends on Mon 23/02/2026.
        LocalDate legacy = deadlines
                .due("nd85-2016", ProcedureStep.APPRAISAL, 3, LocalDate.of(2026, 2, 2))
                .orElseThrow()
                .due();
        assertThat(legacy).isEqualTo(LocalDate.of(2026, 2, 23));
        // Approval: 7 working days for every level, including across Tết 2026 (14–22/02/2026).
        LocalDate approval = deadlines
                .due("nd331-2026", ProcedureStep.APPROVAL, 1, LocalDate.of(2026, 2, 12))
                .orElseThrow()
                .due();
        // Fri 13/02 (1), Tết 14–22/02, then Mon 23 – Thu 26/02 (2–5), Fri 27/02 (6), Mon 02/03 (7).
        assertThat(approval).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(deadlines.due("nd85-2016", ProcedureStep.APPRAISAL, 1, LocalDate.of(2026, 3, 2)))
                .isEmpty();
    }

    private static Map<String, Object> approval() {
        return Map.of(
                "decisionNumber",
                "123/QĐ-SYT",
                "decisionDate",
                "2026-11-20",
                "decisionSigner",
                "Nguyễn Văn Giám Đốc",
                "signedFileName",
                "quyet-dinh-123.pdf",
                "signedFileBase64",
                Base64.getEncoder().encodeToString("PDF đã ký".getBytes(StandardCharsets.UTF_8)));
    }

    private static String action(long dossierId, String action) {
        return "/api/v1/dossiers/" + dossierId + "/actions/" + action;
    }
}
