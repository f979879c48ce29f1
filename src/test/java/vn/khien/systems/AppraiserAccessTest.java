package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * ADR 0012: a body a dossier was submitted to (appraising, approving, expert opinion) reads the dossier, the system's
 * register record (in the register lists too, issue 9) and, while the dossier is under appraisal, the system's
 * security plan; every other read of the system answers 404. After approval it keeps the record and the dossier
 * with its decision; the plan is closed again.
 */
class AppraiserAccessTest extends IntegrationTest {

    /** A level-2 system (NĐ 331/2026 Đ12): the province's security unit both appraises and approves it. */
    static final Map<String, Object> LEVEL2_ND331 = level2();

    /** Every read that is not the dossier, the record or the plan: 404 for the body, as outside one's subtree. */
    static final List<String> FORBIDDEN = List.of(
            "/api/v1/systems/%d/findings",
            "/api/v1/systems/%d/scans",
            "/api/v1/systems/%d/components",
            "/api/v1/systems/%d/suppliers",
            "/api/v1/systems/%d/classifications",
            "/api/v1/systems/%d/critical-list",
            "/api/v1/systems/%d/drills",
            "/api/v1/systems/%d/obligations",
            "/api/v1/systems/%d/response-plans",
            "/api/v1/compliance/systems/%d/roadmap",
            "/api/v1/compliance/systems/%d/assessments",
            "/api/v1/compliance/systems/%d/summary");

    /** What appraisal needs while the dossier is under appraisal. */
    static final List<String> PLAN = List.of(
            "/api/v1/compliance/systems/%d/plan",
            "/api/v1/compliance/systems/%d/plan/history", "/api/v1/compliance/systems/%d/plan.docx");

    @Test
    void provinceAppraiserReadsTheDossierTheRecordAndThePlanOnly() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        Http.Api appraiser = http.api(p.appraiser.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống được thẩm định");
        long dossierId = submitted(officer, systemId, LEVEL2_ND331);

        assertAllowedDuringAppraisal(appraiser, systemId, dossierId, p.securityUnit);
        assertForbidden(appraiser, systemId);
        assertThat(appraiser
                        .get("/api/v1/compliance/systems/" + systemId + "/plan")
                        .body())
                .doesNotContain("\"tasks\":[{");

        // Isolation: a draft dossier, another system of the owner and the owner's organisation stay 404.
        long draftSystem = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống hồ sơ nháp");
        long draft = draft(officer, draftSystem, LEVEL2_ND331);
        long otherSystem = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống khác của chủ quản");
        assertThat(appraiser.get("/api/v1/dossiers/" + draft).status()).isEqualTo(404);
        for (long other : List.of(draftSystem, otherSystem)) {
            assertThat(appraiser.get("/api/v1/systems/" + other).status()).isEqualTo(404);
            assertThat(appraiser
                            .get("/api/v1/compliance/systems/" + other + "/plan")
                            .status())
                    .isEqualTo(404);
        }
        assertThat(appraiser
                        .get("/api/v1/systems?organizationId=" + p.department.id())
                        .body())
                .doesNotContain("Hệ thống hồ sơ nháp")
                .doesNotContain("Hệ thống khác của chủ quản");
        assertThat(appraiser
                        .get("/api/v1/organizations/" + p.department.id() + "/findings")
                        .status())
                .isEqualTo(404);

        // The same on the pages: record, dossier and plan open; findings, scans and the roadmap do not.
        Http.Session page = http.session();
        assertThat(page.login(p.appraiser.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        assertThat(page.get("/systems/" + systemId).status()).isEqualTo(200);
        assertThat(page.get("/systems/" + systemId).body())
                .doesNotContain("id=\"component-table\"")
                .doesNotContain("id=\"system-hub\"");
        assertThat(page.get("/dossiers/" + dossierId).body()).contains("id=\"open-plan\"");
        assertThat(page.get("/compliance/systems/" + systemId).status()).isEqualTo(200);
        for (String path : List.of(
                "/systems/%d/findings", "/systems/%d/scans", "/compliance/systems/%d/roadmap", "/systems/%d/edit")) {
            assertThat(page.get(path.formatted(systemId)).status()).as(path).isEqualTo(404);
        }
        assertThat(page.get("/dossiers/" + draft).status()).isEqualTo(404);
        assertThat(page.get("/systems/" + otherSystem).status()).isEqualTo(404);

        // The owner's officer sees nothing of the appraising body's own systems.
        long bodySystem =
                ProvinceFixture.createSystem(appraiser, data, p.securityUnit, "Hệ thống của đơn vị thẩm định");
        assertThat(officer.get("/api/v1/systems/" + bodySystem).status()).isEqualTo(404);

        // Appraised and approved by the body: it keeps the record and the dossier (its decision), not the plan.
        assertThat(appraiser
                        .post("/api/v1/dossiers/" + dossierId + "/actions/APPRAISE", Map.of("comment", "Đạt yêu cầu"))
                        .status())
                .isEqualTo(200);
        assertAllowedDuringAppraisal(appraiser, systemId, dossierId, p.securityUnit);
        TestData.Person bodyLeader = data.person(p.securityUnit, Role.LEADER);
        Http.Api approver = http.api(bodyLeader.token());
        Http.Response approved = approve(officer, approver, systemId, dossierId);
        assertThat(approved.json().get("dossier").get("status").asText()).isEqualTo("APPROVED");
        for (Http.Api body : List.of(appraiser, approver)) {
            assertThat(body.get("/api/v1/dossiers/" + dossierId).status()).isEqualTo(200);
            assertThat(body.get("/api/v1/systems/" + systemId).status()).isEqualTo(200);
            assertThat(body.get("/api/v1/systems?organizationId=" + p.securityUnit.id())
                            .body())
                    .contains("Hệ thống được thẩm định");
            for (String path : PLAN) {
                assertThat(body.get(path.formatted(systemId)).status()).as(path).isEqualTo(404);
            }
            assertForbidden(body, systemId);
        }
        // The owner reads the plan derived from the approved level.
        assertThat(officer.get("/api/v1/compliance/systems/" + systemId + "/plan")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void nationalAppraiserReadsTheDossierTheRecordAndThePlanOnly() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org national = data.org(data.root(), "Trung tâm An ninh mạng quốc gia (thử)");
        Http.Response designated = admin().post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                p.province.id(),
                                "role",
                                "NATIONAL_COMPETENT_BODY",
                                "organizationId",
                                national.id()));
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        TestData.Person nationalAppraiser = data.person(national, Role.SECURITY_OFFICER);
        Http.Api officer = http.api(p.officer.token());
        Http.Api appraiser = http.api(nationalAppraiser.token());
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, "Hệ thống cấp độ 4 thẩm định");
        long dossierId = submitted(officer, systemId, LegalStepsApiTest.level4("nd331-2026"));
        assertThat(officer.get("/api/v1/dossiers/" + dossierId)
                        .json()
                        .get("dossier")
                        .get("appraiserOrgId")
                        .asLong())
                .isEqualTo(national.id());

        assertAllowedDuringAppraisal(appraiser, systemId, dossierId, national);
        assertForbidden(appraiser, systemId);

        // Withdrawn by the owner: the body keeps the dossier it received and the record, not the plan.
        Http.Response w = officer.post(
                "/api/v1/dossiers/" + dossierId + "/actions/WITHDRAW", Map.of("comment", "Rút để bổ sung sau"));
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        assertThat(appraiser.get("/api/v1/dossiers/" + dossierId).status()).isEqualTo(200);
        assertThat(appraiser.get("/api/v1/systems/" + systemId).status()).isEqualTo(200);
        assertThat(appraiser
                        .get("/api/v1/compliance/systems/" + systemId + "/plan")
                        .status())
                .isEqualTo(404);
        assertForbidden(appraiser, systemId);
    }

    private static void assertAllowedDuringAppraisal(
            Http.Api body, long systemId, long dossierId, TestData.Org bodyOrg) {
        Http.Response d = body.get("/api/v1/dossiers/" + dossierId);
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        Http.Response record = body.get("/api/v1/systems/" + systemId);
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        assertThat(body.get("/api/v1/systems/" + systemId + "/dossiers").body()).contains("\"id\":" + dossierId);
        assertThat(body.get("/api/v1/dossiers/" + dossierId + "/document.docx").status())
                .isEqualTo(200);
        // Listed among the systems of the body's organisation (appraised there) and in its register list (issue 9).
        assertThat(body.get("/api/v1/systems?organizationId=" + bodyOrg.id()).body())
                .contains("\"id\":" + systemId);
        assertThat(body.get("/api/v1/systems").body()).contains("\"id\":" + systemId);
        for (String path : PLAN) {
            Http.Response r = body.get(path.formatted(systemId));
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        }
    }

    private static void assertForbidden(Http.Api body, long systemId) {
        for (String path : FORBIDDEN) {
            Http.Response r = body.get(path.formatted(systemId));
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    static long draft(Http.Api officer, long systemId, Map<String, Object> answers) {
        Http.Response c = officer.post(
                "/api/v1/systems/" + systemId + "/classifications", Map.of("regime", "nd331-2026", "answers", answers));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        Http.Response created = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("dossier").get("id").asLong();
    }

    static long submitted(Http.Api officer, long systemId, Map<String, Object> answers) {
        long dossierId = draft(officer, systemId, answers);
        ProvinceFixture.fillParts(officer, dossierId);
        officer.send(
                "PUT",
                "/api/v1/dossiers/" + dossierId + "/parts/EXPERT_OPINION",
                Map.of("content", "Ý kiến chuyên môn của đơn vị chuyên trách"));
        Http.Response s = officer.post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of());
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        return dossierId;
    }

    /** The owner records its security regulation, then the body's leader approves with the decision. */
    static Http.Response approve(Http.Api officer, Http.Api approver, long systemId, long dossierId) {
        ProvinceFixture.recordRegulation(officer, systemId, "2026-11-02");
        Http.Response r = approver.post(
                "/api/v1/dossiers/" + dossierId + "/actions/APPROVE",
                Map.of(
                        "decisionNumber",
                        "9/QĐ-KHCN",
                        "decisionDate",
                        "2026-11-20",
                        "decisionSigner",
                        "Giám đốc Sở Khoa học và Công nghệ"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static Map<String, Object> level2() {
        Map<String, Object> answers = new HashMap<>(ProvinceFixture.LEVEL3_ND331);
        answers.put("handles_administrative_procedures", false);
        return Map.copyOf(answers);
    }
}
