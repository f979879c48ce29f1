package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Response plans per system (R23) through the API: the outline follows the level (rule data), the owner's leader
 * approves once the mandatory sections are filled, versions supersede each other, a change of the system's components
 * or level flags the plan in force, and the obligations matrix shows the plan as R23's evidence.
 */
class ResponsePlansTest extends IntegrationTest {

    @Autowired
    ComplianceFixture fixture;

    TestData.Org hospital;
    TestData.Person officer;
    TestData.Person leader;
    long system;
    String plans;

    @BeforeEach
    void system() {
        TestData.Org province = data.org(data.root(), "Tỉnh phương án");
        hospital = data.org(province, "Bệnh viện phương án");
        officer = data.person(hospital, Role.SECURITY_OFFICER);
        leader = data.person(hospital, Role.LEADER);
        system = ComplianceFixture.createSystem(http.api(officer.token()), data, hospital, "HIS có phương án");
        data.jdbc()
                .sql("UPDATE information_system SET lifecycle_status = 'OPERATING' WHERE id = :id")
                .param("id", system)
                .update();
        fixture.approve(system, hospital, 3, "nd331-2026", LocalDate.now().minusMonths(1));
        plans = "/api/v1/systems/" + system + "/response-plans";
    }

    @Test
    void aDraftOnTheLevelsOutlineIsApprovedByTheOwnerVersionedAndFlaggedWhenTheSystemChanges() {
        Http.Api off = http.api(officer.token());
        Http.Api lead = http.api(leader.token());
        JsonNode view = off.get(plans).json();
        assertThat(view.get("outline").get("id").asString()).isEqualTo("tt20-pl3");
        assertThat(view.get("outline").get("legalRef").asString()).contains("Phụ lục III");
        assertThat(view.get("inForce").isNull()).isTrue();
        assertThat(r23(lead).get("status").asString()).isEqualTo("OVERDUE");

        // A draft without the continuity priorities cannot be approved; the problem names the section.
        Http.Response draft = off.send(
                "PUT",
                plans + "/draft",
                Map.of(
                        "sections",
                        Map.of(
                                "scenarios",
                                        "Mã độc mã hoá dữ liệu: phát hiện qua EDR; cô lập, khôi phục từ bản sao lưu",
                                "roles", "Trưởng phòng CNTT 0912 000 000 (24/7)")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        long v1 = draft.json().get("id").asLong();
        assertThat(draft.json().get("version").asInt()).isEqualTo(1);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        Http.Response incomplete = lead.post(plans + "/" + v1 + "/approve", Map.of());
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(422);
        assertThat(incomplete.body()).contains("sections.continuity");
        // Unknown sections and too long ones are refused by name.
        Http.Response unknown = off.send("PUT", plans + "/draft", Map.of("sections", Map.of("<b>x</b>", "y")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(off.send("PUT", plans + "/draft", Map.of("sections", Map.of("scenarios", "x".repeat(8001))))
                        .status())
                .isEqualTo(422);

        off.send(
                "PUT",
                plans + "/draft",
                Map.of(
                        "sections",
                        Map.of(
                                "scenarios",
                                        "Mã độc mã hoá dữ liệu: phát hiện qua EDR; cô lập, khôi phục từ bản sao lưu",
                                "continuity", "1. Đặt lịch khám 2. Hồ sơ bệnh án 3. Thanh toán",
                                "roles", "Trưởng phòng CNTT 0912 000 000 (24/7)")));
        // The officer may write but not approve: the owner's leader approves.
        Http.Response byOfficer = off.post(plans + "/" + v1 + "/approve", Map.of());
        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        Http.Response approved = lead.post(plans + "/" + v1 + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approverName").isNull()).isFalse();
        JsonNode r23 = r23(lead);
        assertThat(r23.get("status").asString()).isEqualTo("MET");
        assertThat(r23.get("lastMetOn").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        assertThat(r23.get("evidence").get("url").asString()).isEqualTo("/systems/" + system + "/response-plans");
        assertThat(audits("response-plan.approve", v1)).isEqualTo(1);

        // A component added to the system flags the plan in force, with the day by which to update it.
        Http.Response component = off.post(
                "/api/v1/systems/" + system + "/components",
                Map.of("kind", "HOST", "name", "his-db-02", "ipAddresses", "10.1.0.9"));
        assertThat(component.status()).as(component.body()).isIn(200, 201);
        // The listener runs after the commit, on its own thread (docs/adr/0041): wait for the flag.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(off.get(plans)
                                .json()
                                .get("inForce")
                                .get("needsUpdate")
                                .asBoolean())
                        .isTrue());
        JsonNode flagged = off.get(plans).json();
        assertThat(flagged.get("inForce").get("updateReason").asString()).isEqualTo("COMPONENTS_CHANGED");
        LocalDate by = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30);
        assertThat(flagged.get("updateDueOn").asString()).isEqualTo(by.toString());
        assertThat(r23(lead).get("dueOn").asString()).isEqualTo(by.toString());
        assertThat(audits("response-plan.flag-update", v1)).isEqualTo(1);

        // A new version starts from the plan in force; approving it supersedes version 1 and clears the flag.
        Http.Response v2 = off.send("PUT", plans + "/draft", Map.of("sections", Map.of()));
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("sections").get("continuity").asString()).startsWith("1. Đặt lịch khám");
        off.send(
                "PUT",
                plans + "/draft",
                Map.of(
                        "sections",
                        Map.of(
                                "scenarios", "Mã độc mã hoá dữ liệu, kể cả máy chủ his-db-02",
                                "continuity", "1. Đặt lịch khám 2. Hồ sơ bệnh án 3. Thanh toán",
                                "roles", "Trưởng phòng CNTT 0912 000 000 (24/7)")));
        assertThat(lead.post(plans + "/" + v2.json().get("id").asLong() + "/approve", Map.of())
                        .status())
                .isEqualTo(200);
        JsonNode after = off.get(plans).json();
        assertThat(after.get("inForce").get("version").asInt()).isEqualTo(2);
        assertThat(after.get("inForce").get("needsUpdate").asBoolean()).isFalse();
        assertThat(after.get("versions").get(1).get("status").asString()).isEqualTo("SUPERSEDED");

        // A new approved level (4) flags it again, and the next draft follows QĐ 05's outline for levels 4–5.
        fixture.approve(system, hospital, 4, "nd331-2026", LocalDate.now());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(off.get(plans)
                                .json()
                                .get("inForce")
                                .get("needsUpdate")
                                .asBoolean())
                        .isTrue());
        JsonNode level4 = off.get(plans).json();
        assertThat(level4.get("inForce").get("updateReason").asString()).isEqualTo("LEVEL_CHANGED");
        assertThat(level4.get("outline").get("id").asString()).isEqualTo("qd05-pl2");
        // The same level approved again is no change.
        assertThat(audits("response-plan.flag-update", v2.json().get("id").asLong()))
                .isEqualTo(1);
    }

    @Test
    void thePageWritesTheDraftOnTheOutlineAndOnlyTheOwnersLeaderApprovesIt() {
        String page = "/systems/" + system + "/response-plans";
        Http.Session off = http.session();
        assertThat(off.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response empty = off.get(page);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains("id=\"plan-none\"")
                .contains("Phụ lục III")
                .contains("name=\"section.continuity\"");
        Http.Response saved = off.postForm(
                page + "/draft",
                Map.of(
                        "section.scenarios",
                        "Tấn công <b>DDoS</b> cổng khám",
                        "section.continuity",
                        "1. Cấp cứu 2. Khám bệnh",
                        "section.roles",
                        "Phòng CNTT trực 24/7"));
        assertThat(saved.status()).isEqualTo(302);
        Http.Response draft = off.get(page);
        assertThat(draft.body())
                .contains("Tấn công &lt;b&gt;DDoS&lt;/b&gt; cổng khám")
                .doesNotContain("<b>DDoS</b>")
                .contains("id=\"plan-owner-approves\"")
                .doesNotContain("id=\"plan-approve\"");
        long planId = data.jdbc()
                .sql("SELECT id FROM response_plan WHERE system_id = :s")
                .param("s", system)
                .query(Long.class)
                .single();
        // The officer's approval is refused with the reason, and the draft stays a draft.
        off.postForm(page + "/" + planId + "/approve", Map.of());
        assertThat(off.get(page).body()).contains("Chỉ lãnh đạo của chủ quản hệ thống phê duyệt phương án");
        Http.Session lead = http.session();
        assertThat(lead.login(leader.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(lead.get(page).body()).contains("id=\"plan-approve\"");
        assertThat(lead.postForm(page + "/" + planId + "/approve", Map.of()).status())
                .isEqualTo(302);
        Http.Response approved = lead.get(page);
        assertThat(approved.body())
                .contains("id=\"plan-approved\"")
                .contains("Đang áp dụng")
                .contains("Phương án ứng cứu sự cố theo Phụ lục III");
    }

    @Test
    void anotherSubtreeLearnsNothingOfThePlan() {
        TestData.Person stranger = data.person(data.org(data.root(), "Tỉnh lạ phương án"), Role.LEADER);
        Http.Api api = http.api(stranger.token());
        assertThat(api.get(plans).status()).isEqualTo(404);
        assertThat(api.send("PUT", plans + "/draft", Map.of("sections", Map.of("scenarios", "x")))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(plans + "/1/approve", Map.of()).status()).isEqualTo(404);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM response_plan WHERE system_id = :s")
                        .param("s", system)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private JsonNode r23(Http.Api api) {
        Http.Response r = api.get("/api/v1/systems/" + system + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode n : r.json()) {
            if ("R23".equals(n.get("rule").asString())) {
                return n;
            }
        }
        throw new AssertionError("no R23 in " + r.body());
    }

    private long audits(String action, long planId) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND target_id = :id")
                .param("a", action)
                .param("id", String.valueOf(planId))
                .query(Long.class)
                .single();
    }
}
