package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A person of unit A learns nothing of unit B's plans, evidence, assessments, compliance or internal policies:
 * every compliance endpoint and page answers 404, lists leave B out, and B's data stays unchanged.
 */
public class ComplianceIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/compliance/systems/{id}/plan",
            "GET /api/v1/compliance/systems/{id}/plan/history",
            "PUT /api/v1/compliance/systems/{id}/plan/{requirementId}",
            "POST /api/v1/compliance/systems/{id}/plan/{requirementId}/evidence",
            "GET /api/v1/compliance/systems/{id}/evidence/{evidenceId}",
            "POST /api/v1/compliance/systems/{id}/tasks",
            "POST /api/v1/compliance/systems/{id}/tasks/{taskId}/done",
            "POST /api/v1/compliance/systems/{id}/tasks/from-gaps",
            "POST /compliance/systems/{id}/tasks/from-gaps",
            "PUT /api/v1/compliance/systems/{id}/regulation",
            "GET /api/v1/compliance/systems/{id}/assessments",
            "POST /api/v1/compliance/systems/{id}/assessments",
            "GET /api/v1/compliance/systems/{id}/assessments/{assessmentId}/report",
            "GET /api/v1/compliance/systems/{id}/summary",
            "GET /api/v1/compliance/organizations/{id}/summary",
            "GET /api/v1/compliance/systems/{id}/plan.docx",
            "GET /api/v1/compliance/organizations/{id}/compliance.xlsx",
            "GET /api/v1/compliance/catalogues",
            "POST /api/v1/compliance/catalogues",
            "GET /api/v1/compliance/catalogues/{id}/yaml",
            "GET /compliance/systems/{id}",
            "POST /compliance/systems/{id}/items/{requirementId}",
            "POST /compliance/systems/{id}/items/{requirementId}/evidence",
            "POST /compliance/systems/{id}/regulation",
            "POST /compliance/systems/{id}/tasks",
            "GET /compliance/systems/{id}/evidence/{evidenceId}",
            "GET /compliance/systems/{id}/plan.docx",
            "GET /compliance/organizations/{id}/compliance.xlsx",
            "GET /compliance/catalogues/{id}/yaml",
            "POST /compliance/systems/{id}/tasks/{taskId}/done",
            "POST /compliance/systems/{id}/assessments",
            "GET /compliance/systems/{id}/assessments/{assessmentId}/report",
            "PUT /api/v1/compliance/systems/{id}/risk",
            "POST /compliance/systems/{id}/risk",
            "POST /api/v1/compliance/systems/{id}/evidence/{evidenceId}/supersede",
            "DELETE /api/v1/compliance/systems/{id}/evidence/{evidenceId}",
            "PUT /api/v1/compliance/systems/{id}/tasks/{taskId}",
            "DELETE /api/v1/compliance/systems/{id}/tasks/{taskId}",
            "POST /compliance/systems/{id}/evidence/{evidenceId}/supersede",
            "POST /compliance/systems/{id}/evidence/{evidenceId}/delete",
            "POST /compliance/systems/{id}/tasks/{taskId}",
            "POST /compliance/systems/{id}/tasks/{taskId}/delete",
            "GET /api/v1/compliance/systems/{id}/roadmap",
            "GET /compliance/systems/{id}/roadmap");

    @Autowired
    ComplianceFixture fixture;

    @Test
    void unitAReachesNothingOfUnitB() {
        TestData.Org province = data.org(data.root(), "Tỉnh Cách Ly");
        TestData.Org unitA = data.org(province, "Đơn vị A");
        TestData.Org unitB = data.org(province, "Đơn vị B");
        TestData.Person officerA = data.person(unitA, Role.SECURITY_OFFICER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        Http.Api b = http.api(officerB.token());

        long system = ComplianceFixture.createSystem(b, data, unitB, "Hệ thống của B");
        fixture.approve(system, unitB, 3, "nd85-2016", LocalDate.of(2025, 6, 1));
        String req = b.get("/api/v1/compliance/systems/" + system + "/plan")
                .json()
                .get("items")
                .get(0)
                .get("requirementId")
                .asText();
        String sys = "/api/v1/compliance/systems/" + system;
        long evidence = b.post(
                        sys + "/plan/" + req + "/evidence",
                        Map.of(
                                "title",
                                "Bí mật của B",
                                "fileName",
                                "b.pdf",
                                "content",
                                Base64.getEncoder().encodeToString("B".getBytes())))
                .json()
                .get("id")
                .asLong();
        long task = b.post(sys + "/tasks", Map.of("title", "Việc của B", "dueOn", "2027-01-01"))
                .json()
                .get("id")
                .asLong();
        Http.Response assessed = b.post(
                sys + "/assessments",
                Map.of(
                        "kind",
                        "PERIODIC",
                        "assessorKind",
                        "LICENSED_ORGANISATION",
                        "assessorName",
                        "Công ty X",
                        "scopes",
                        List.of("COMPLIANCE"),
                        "startedOn",
                        "2026-01-01",
                        "completedOn",
                        "2026-01-05",
                        "reportFileName",
                        "bc.pdf",
                        "reportContent",
                        Base64.getEncoder().encodeToString("R".getBytes())));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        long assessment = assessed.json().get("id").asLong();
        Http.Response layer =
                ComplianceFixture.postYaml(http.base(), ADMIN_TOKEN, ComplianceFixture.orgLayer(unitB.code()));
        assertThat(layer.status()).as(layer.body()).isEqualTo(201);
        long layerId = layer.json().get("id").asLong();

        Http.Api a = http.api(officerA.token());
        Map<String, Http.Response> api = new LinkedHashMap<>();
        api.put("GET plan", a.get(sys + "/plan"));
        api.put("GET history", a.get(sys + "/plan/history"));
        api.put("PUT item", a.send("PUT", sys + "/plan/" + req, Map.of("status", "MET")));
        api.put(
                "POST evidence",
                a.post(sys + "/plan/" + req + "/evidence", Map.of("title", "x", "url", "https://x.test")));
        api.put("GET evidence", a.get(sys + "/evidence/" + evidence));
        api.put("POST task", a.post(sys + "/tasks", Map.of("title", "x", "dueOn", "2027-01-01")));
        api.put("POST gap tasks", a.post(sys + "/tasks/from-gaps", Map.of("dueOn", "2027-01-01")));
        api.put("POST task done", a.post(sys + "/tasks/" + task + "/done", ""));
        api.put(
                "PUT regulation",
                a.send(
                        "PUT",
                        sys + "/regulation",
                        Map.of("title", "x", "decisionNumber", "1", "issuedOn", "2026-01-01")));
        api.put("PUT risk", a.send("PUT", sys + "/risk", Map.of("rating", "HIGH", "assessedOn", "2026-01-01")));
        api.put("POST supersede evidence", a.post(sys + "/evidence/" + evidence + "/supersede", Map.of("reason", "x")));
        api.put("DELETE evidence", a.send("DELETE", sys + "/evidence/" + evidence + "?reason=x", null));
        api.put(
                "PUT task",
                a.send("PUT", sys + "/tasks/" + task, Map.of("title", "x", "dueOn", "2027-01-01", "status", "DONE")));
        api.put("DELETE task", a.send("DELETE", sys + "/tasks/" + task, null));
        api.put("GET roadmap", a.get(sys + "/roadmap"));
        api.put("GET assessments", a.get(sys + "/assessments"));
        api.put("POST assessment", a.post(sys + "/assessments", Map.of("kind", "AD_HOC")));
        api.put("GET report", a.get(sys + "/assessments/" + assessment + "/report"));
        api.put("GET summary", a.get(sys + "/summary"));
        api.put("GET org summary", a.get("/api/v1/compliance/organizations/" + unitB.id() + "/summary"));
        api.put("GET docx", a.get(sys + "/plan.docx"));
        api.put("GET xlsx", a.get("/api/v1/compliance/organizations/" + unitB.id() + "/compliance.xlsx"));
        api.put("GET layer yaml", a.get("/api/v1/compliance/catalogues/" + layerId + "/yaml"));
        api.forEach((what, r) -> {
            assertThat(r.status()).as(what).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(r.body()).as(what).doesNotContain("Bí mật").doesNotContain(unitB.code());
        });

        JsonNode catalogues = a.get("/api/v1/compliance/catalogues").json();
        catalogues.forEach(c -> assertThat(c.get("id").asLong()).isNotEqualTo(layerId));
        Http.Response foreignLayer = ComplianceFixture.postYaml(
                http.base(),
                officerA.token(),
                ComplianceFixture.orgLayer(unitB.code()).replace("2026.1", "2026.2"));
        Http.Response unknownLayer = ComplianceFixture.postYaml(
                http.base(),
                officerA.token(),
                ComplianceFixture.orgLayer("KHONG-CO").replace("2026.1", "2026.2"));
        assertThat(foreignLayer.status()).isEqualTo(422);
        assertThat(foreignLayer
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asText()
                        .replace(unitB.code(), "?"))
                .isEqualTo(unknownLayer
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asText()
                        .replace("KHONG-CO", "?"));
        // A's own province view leaves B's system out.
        JsonNode aSummary = a.get("/api/v1/compliance/organizations/" + unitA.id() + "/summary")
                .json();
        assertThat(aSummary.get("systems").size()).isZero();

        Http.Session session = http.session();
        assertThat(session.login(officerA.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        session.get("/compliance");
        String page = "/compliance/systems/" + system;
        Map<String, Http.Response> pages = new LinkedHashMap<>();
        pages.put("GET plan page", session.get(page));
        pages.put("GET roadmap page", session.get(page + "/roadmap"));
        pages.put("GET evidence page", session.get(page + "/evidence/" + evidence));
        pages.put("GET docx page", session.get(page + "/plan.docx"));
        pages.put("GET xlsx page", session.get("/compliance/organizations/" + unitB.id() + "/compliance.xlsx"));
        pages.put("GET report page", session.get(page + "/assessments/" + assessment + "/report"));
        pages.put("GET yaml page", session.get("/compliance/catalogues/" + layerId + "/yaml"));
        pages.put("GET overview of B", session.get("/compliance?organizationId=" + unitB.id()));
        session.get("/compliance");
        pages.put("POST item", session.postForm(page + "/items/" + req, Map.of("status", "MET")));
        pages.put(
                "POST evidence form",
                session.postForm(page + "/items/" + req + "/evidence", Map.of("title", "x", "url", "https://x.test")));
        pages.put(
                "POST regulation",
                session.postForm(
                        page + "/regulation", Map.of("title", "x", "decisionNumber", "1", "issuedOn", "2026-01-01")));
        pages.put("POST task form", session.postForm(page + "/tasks", Map.of("title", "x", "dueOn", "2027-01-01")));
        pages.put("POST gap tasks form", session.postForm(page + "/tasks/from-gaps", Map.of("dueOn", "2027-01-01")));
        pages.put("POST task done form", session.postForm(page + "/tasks/" + task + "/done", Map.of()));
        pages.put(
                "POST assessment form",
                session.postForm(
                        page + "/assessments",
                        Map.of(
                                "kind",
                                "AD_HOC",
                                "assessorKind",
                                "LICENSED_ORGANISATION",
                                "assessorName",
                                "x",
                                "scopes",
                                "COMPLIANCE",
                                "startedOn",
                                "2026-01-01",
                                "completedOn",
                                "2026-01-02")));
        pages.put(
                "POST supersede form",
                session.postForm(page + "/evidence/" + evidence + "/supersede", Map.of("reason", "x")));
        pages.put(
                "POST delete evidence form",
                session.postForm(page + "/evidence/" + evidence + "/delete", Map.of("reason", "x")));
        pages.put(
                "POST task edit form",
                session.postForm(
                        page + "/tasks/" + task, Map.of("title", "x", "dueOn", "2027-01-01", "status", "DONE")));
        pages.put("POST task delete form", session.postForm(page + "/tasks/" + task + "/delete", Map.of()));
        pages.put(
                "POST risk form",
                session.postForm(page + "/risk", Map.of("rating", "HIGH", "assessedOn", "2026-01-01")));
        pages.forEach((what, r) -> {
            assertThat(r.status()).as(what).isEqualTo(404);
            assertThat(r.body()).as(what).doesNotContain("Hệ thống của B").doesNotContain(unitB.code());
        });
        String catalogueList = session.get("/compliance/catalogues").body();
        assertThat(catalogueList).doesNotContain("ORG-" + unitB.code());

        JsonNode untouched = b.get(sys + "/plan").json();
        assertThat(untouched.get("items").get(0).get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(untouched.get("regulationMissing").asBoolean()).isTrue();
        assertThat(untouched.get("tasks").size()).isEqualTo(1);
        assertThat(untouched.get("tasks").get(0).get("done").asBoolean()).isFalse();
        assertThat(untouched.get("tasks").get(0).get("title").asText()).isEqualTo("Việc của B");
        assertThat(untouched
                        .get("items")
                        .get(0)
                        .get("evidence")
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("ACTIVE");
        assertThat(b.get(sys + "/assessments").json().size()).isEqualTo(1);
        assertThat(b.get(sys + "/summary")
                        .json()
                        .get("assessment")
                        .get("riskRated")
                        .asBoolean())
                .isFalse();
    }
}
