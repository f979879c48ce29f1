package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A listener that runs after the commit, asynchronously (an {@code @ApplicationModuleListener}, ADR 0041), has no
 * person on its thread: its audit record names the person who made the change, whom the event carries.
 */
class ListenerAuditActorTest extends IntegrationTest {

    @Autowired
    ComplianceFixture fixture;

    @Test
    void theResponsePlanFlaggedAfterAComponentChangeNamesWhoAddedTheComponent() {
        TestData.Org hospital = data.org(data.org(data.root(), "Tỉnh người tác động"), "Bệnh viện người tác động");
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(hospital, Role.LEADER);
        Http.Api off = http.api(officer.token());
        long system = ComplianceFixture.createSystem(off, data, hospital, data.unique("HIS tác động"));
        data.jdbc()
                .sql("UPDATE information_system SET lifecycle_status = 'OPERATING' WHERE id = :id")
                .param("id", system)
                .update();
        fixture.approve(system, hospital, 3, "nd331-2026", LocalDate.now().minusMonths(1));
        String plans = "/api/v1/systems/" + system + "/response-plans";
        Http.Response draft = off.send(
                "PUT",
                plans + "/draft",
                Map.of(
                        "sections",
                        Map.of(
                                "scenarios", "Mã độc mã hoá dữ liệu: cô lập, khôi phục từ bản sao lưu",
                                "continuity", "1. Đặt lịch khám 2. Hồ sơ bệnh án",
                                "roles", "Trưởng phòng CNTT 0912 000 000 (24/7)")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        long plan = draft.json().get("id").asLong();
        Http.Response approved = http.api(leader.token()).post(plans + "/" + plan + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Http.Response component = off.post(
                "/api/v1/systems/" + system + "/components",
                Map.of("kind", "HOST", "name", "his-db-03", "ipAddresses", "10.1.0.10"));
        assertThat(component.status()).as(component.body()).isIn(200, 201);

        // The flag is written by the listener on its own thread after the commit: wait for its audit record.
        await().atMost(Duration.ofSeconds(30)).until(() -> !actors(plan).isEmpty());
        assertThat(actors(plan)).containsExactly(officer.id() + "/" + officer.username());
    }

    private List<String> actors(long plan) {
        return data.jdbc()
                .sql("SELECT actor_user_id, actor_username FROM audit_event"
                        + " WHERE action = 'response-plan.flag-update' AND target_id = :id")
                .param("id", String.valueOf(plan))
                .query((rs, n) -> rs.getObject(1) + "/" + rs.getString(2))
                .list();
    }
}
