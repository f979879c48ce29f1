package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * An awareness campaign reaches every person of the subtree as an AWARENESS notice with a personal acknowledgement
 * link; acknowledging is logged once and counted; the organisation's R25 is then met.
 */
class AwarenessTest extends IntegrationTest {

    @Test
    void aRansomwareCampaignIsDeliveredAcknowledgedAndCounted() {
        TestData.Org province = data.org(data.root(), "Tỉnh tuyên truyền");
        TestData.Org unit = data.org(province, "Sở nhận tin");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person reader = data.person(unit, Role.AUDITOR);
        TestData.Person other = data.person(unit, Role.INCIDENT_RESPONDER);
        Http.Api api = http.api(officer.token());

        Http.Response bad = api.post(
                "/api/v1/awareness-campaigns",
                Map.of("organizationId", province.id(), "topic", "SPAM", "title", "x", "message", "y"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("topic");

        Http.Response created = api.post(
                "/api/v1/awareness-campaigns",
                Map.of(
                        "organizationId",
                        province.id(),
                        "topic",
                        "RANSOMWARE",
                        "title",
                        "Cảnh giác mã độc tống tiền",
                        "message",
                        "Không mở tệp đính kèm lạ; báo ngay cho cán bộ chuyên trách.",
                        "includeSubtree",
                        true,
                        "repeatEvery",
                        "ONCE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("delivered").asInt()).isEqualTo(3);

        List<String> links = data.jdbc()
                .sql("SELECT link FROM notice WHERE person_id = :p AND category = 'AWARENESS'")
                .param("p", reader.id())
                .query(String.class)
                .list();
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).startsWith("/public/awareness/");
        Http.Response ack = http.session().get(links.get(0));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).contains("acknowledged");
        http.session().get(links.get(0));
        assertThat(http.session().get("/public/awareness/not-a-token").status()).isEqualTo(404);

        JsonNode deliveries =
                api.get("/api/v1/awareness-campaigns/" + id + "/deliveries").json();
        assertThat(deliveries.get("delivered").asInt()).isEqualTo(3);
        assertThat(deliveries.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(deliveries
                        .get("byOrganization")
                        .get(Long.toString(unit.id()))
                        .get(1)
                        .asInt())
                .isEqualTo(1);
        assertThat(http.api(other.token())
                        .get("/api/v1/awareness-campaigns/" + id + "/deliveries")
                        .status())
                .as("a unit below does not see the province's campaign")
                .isEqualTo(404);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AWARENESS_ACKNOWLEDGED' "
                                + "AND target_id = :c")
                        .param("c", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        for (JsonNode n :
                api.get("/api/v1/organizations/" + unit.id() + "/obligations").json()) {
            if (n.get("rule").asString().equals("R25")) {
                assertThat(n.get("status").asString()).isEqualTo("MET");
            }
        }
    }
}
