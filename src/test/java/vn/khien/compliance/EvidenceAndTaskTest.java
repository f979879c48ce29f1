package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Evidence is superseded or deleted without losing its history; tasks are edited and deleted; all audited. */
class EvidenceAndTaskTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    ComplianceFixture fixture;

    TestData.Org department;
    TestData.Person officer;
    Http.Api api;
    long systemId;
    String sys;
    String requirement;

    @BeforeEach
    void plan() {
        TestData.Org province = data.org(data.root(), "Tỉnh Bằng Chứng");
        department = data.org(province, "Sở Xây dựng");
        officer = data.person(department, Role.SECURITY_OFFICER);
        api = http.api(officer.token());
        systemId = ComplianceFixture.createSystem(api, data, department, "Quản lý xây dựng");
        fixture.approve(systemId, department, 3, "nd85-2016", TODAY.minusMonths(2));
        sys = "/api/v1/compliance/systems/" + systemId;
        requirement = api.get(sys + "/plan")
                .json()
                .get("items")
                .get(0)
                .get("requirementId")
                .asText();
    }

    @Test
    void supersededEvidenceStaysInTheHistoryAndDeletedEvidenceLosesOnlyItsFile() {
        long file = api.post(
                        sys + "/plan/" + requirement + "/evidence",
                        Map.of(
                                "title",
                                "Quy chế 2024",
                                "fileName",
                                "qc.pdf",
                                "validUntil",
                                TODAY.plusDays(5).toString(),
                                "content",
                                Base64.getEncoder().encodeToString("PDF".getBytes())))
                .json()
                .get("id")
                .asLong();
        long link = api.post(
                        sys + "/plan/" + requirement + "/evidence",
                        Map.of("title", "Liên kết sai", "url", "https://vanban.example.test/sai"))
                .json()
                .get("id")
                .asLong();
        assertThat(api.get(sys + "/summary").json().get("flaggedEvidence").asInt())
                .isEqualTo(1);

        Http.Response superseded =
                api.post(sys + "/evidence/" + file + "/supersede", Map.of("reason", "Quy chế 2026 thay thế"));
        assertThat(superseded.status()).as(superseded.body()).isEqualTo(200);
        assertThat(superseded.json().get("state").asText()).isEqualTo("SUPERSEDED");
        assertThat(api.post(sys + "/evidence/" + file + "/supersede", Map.of()).status())
                .isEqualTo(422);
        // No longer relied on: not flagged as expiring, but still downloadable as the record of what was shown.
        assertThat(api.get(sys + "/summary").json().get("flaggedEvidence").asInt())
                .isZero();
        assertThat(ComplianceFixture.getBytes(http.base(), officer.token(), sys + "/evidence/" + file))
                .isEqualTo("PDF".getBytes());

        assertThat(api.send("DELETE", sys + "/evidence/" + link, null).status()).isEqualTo(422);
        TestData.Person auditor = data.person(department, Role.AUDITOR);
        assertThat(http.api(auditor.token())
                        .send("DELETE", sys + "/evidence/" + link + "?reason=x", null)
                        .status())
                .isEqualTo(403);
        Http.Response deleted = api.send(
                "DELETE", sys + "/evidence/" + link + "?reason=Nh%E1%BA%A7m%20h%E1%BB%87%20th%E1%BB%91ng", null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("withdrawalReason").asText()).isEqualTo("Nhầm hệ thống");
        assertThat(api.send("DELETE", sys + "/evidence/" + link + "?reason=x", null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", sys + "/evidence/" + file + "?reason=Sai tệp".replace(" ", "%20"), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(sys + "/evidence/" + file).status()).isEqualTo(404);

        JsonNode item = api.get(sys + "/plan").json().get("items").get(0);
        assertThat(item.get("evidence").size()).isZero();
        assertThat(item.get("withdrawnEvidence").size()).isEqualTo(2);
        item.get("withdrawnEvidence")
                .forEach(e -> assertThat(e.get("state").asText()).isEqualTo("DELETED"));
        assertThat(auditCount("compliance.evidence.supersede", file)).isEqualTo(1);
        assertThat(auditCount("compliance.evidence.delete", file)).isEqualTo(1);
        assertThat(auditCount("compliance.evidence.delete", link)).isEqualTo(1);

        // From the page: supersede with a reason, and the history shows it.
        long page = api.post(
                        sys + "/plan/" + requirement + "/evidence",
                        Map.of("title", "Biên bản", "url", "https://vanban.example.test/bb"))
                .json()
                .get("id")
                .asLong();
        Http.Session session = signIn();
        String planPage = "/compliance/systems/" + systemId;
        assertThat(session.postForm(planPage + "/evidence/" + page + "/supersede", Map.of("reason", "Có biên bản mới"))
                        .status())
                .isEqualTo(302);
        String html = session.get(planPage).body();
        assertThat(html).contains("data-state=\"SUPERSEDED\"").contains("Có biên bản mới");
        assertThat(session.postForm(planPage + "/evidence/" + page + "/delete", Map.of("reason", ""))
                        .body())
                .contains("Cần nêu lý do xóa bằng chứng.");
        assertThat(session.postForm(planPage + "/evidence/" + page + "/delete", Map.of("reason", "Trùng"))
                        .status())
                .isEqualTo(302);
    }

    @Test
    void officersEditAndDeleteTasks() {
        long task = api.post(
                        sys + "/tasks",
                        Map.of(
                                "requirementId",
                                requirement,
                                "title",
                                "Ban hành quy chế",
                                "owner",
                                "Phòng CNTT",
                                "dueOn",
                                TODAY.plusMonths(1).toString()))
                .json()
                .get("id")
                .asLong();
        assertThat(api.get(sys + "/plan")
                        .json()
                        .get("tasks")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("OPEN");

        Http.Response invalid = api.send("PUT", sys + "/tasks/" + task, Map.of("owner", "x"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("title").contains("dueOn").contains("status");
        Http.Response updated = api.send(
                "PUT",
                sys + "/tasks/" + task,
                Map.of(
                        "title",
                        "Ban hành quy chế mới",
                        "owner",
                        "Văn phòng Sở",
                        "dueOn",
                        TODAY.plusMonths(2).toString(),
                        "status",
                        "IN_PROGRESS"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode t = api.get(sys + "/plan").json().get("tasks").get(0);
        assertThat(t.get("owner").asText()).isEqualTo("Văn phòng Sở");
        assertThat(t.get("dueOn").asText()).isEqualTo(TODAY.plusMonths(2).toString());
        assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(t.get("done").asBoolean()).isFalse();
        assertThat(auditCount("compliance.task.update", task)).isEqualTo(1);

        // From the page: mark done, then delete.
        Http.Session session = signIn();
        String planPage = "/compliance/systems/" + systemId;
        assertThat(session.get(planPage).body()).contains("data-task=\"" + task + "\"");
        assertThat(session.postForm(
                                planPage + "/tasks/" + task,
                                Map.of(
                                        "title",
                                        "Ban hành quy chế mới",
                                        "owner",
                                        "Văn phòng Sở",
                                        "dueOn",
                                        TODAY.plusMonths(2).toString(),
                                        "status",
                                        "DONE"))
                        .status())
                .isEqualTo(302);
        JsonNode done = api.get(sys + "/plan").json();
        assertThat(done.get("tasks").get(0).get("done").asBoolean()).isTrue();
        assertThat(done.get("roadmap").size()).isZero();
        assertThat(session.postForm(planPage + "/tasks/" + task + "/delete", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(api.get(sys + "/plan").json().get("tasks").size()).isZero();
        assertThat(auditCount("compliance.task.delete", task)).isEqualTo(1);
        String audited = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'compliance.task.delete'" + " AND target_id = :id")
                .param("id", String.valueOf(task))
                .query(String.class)
                .single();
        assertThat(audited).contains("Ban hành quy chế mới").contains("DONE");

        long other = api.post(
                        sys + "/tasks",
                        Map.of("title", "Khác", "dueOn", TODAY.plusDays(1).toString()))
                .json()
                .get("id")
                .asLong();
        assertThat(api.send("DELETE", sys + "/tasks/" + other, null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", sys + "/tasks/" + other, null).status()).isEqualTo(404);
    }

    private Http.Session signIn() {
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        session.get("/compliance/systems/" + systemId);
        return session;
    }

    private long auditCount(String action, long target) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(target))
                .query(Long.class)
                .single();
    }
}
