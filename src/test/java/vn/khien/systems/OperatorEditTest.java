package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * An operator outside the owner's subtree that accepted operating a system (ADR 0029) edits how the system is run
 * through {@code PUT /api/v1/systems/{id}}, although it cannot see the owner organisation; the owner's facts stay the
 * owner's and are refused by name; nobody else learns anything of the system.
 */
class OperatorEditTest extends IntegrationTest {

    TestData.Org hospital;
    TestData.Org centre;
    TestData.Person centreOfficer;
    Http.Api owner;
    Http.Api operator;
    long system;

    @BeforeEach
    void operatedSystem() {
        TestData.Org province = data.org(data.root(), "Tỉnh sửa vận hành");
        hospital = data.org(data.org(province, "Sở Y tế"), "Bệnh viện");
        centre = data.org(data.root(), data.unique("Trung tâm vận hành ngoài"));
        owner = http.api(data.person(hospital, Role.SECURITY_OFFICER).token());
        centreOfficer = data.person(centre, Role.SECURITY_OFFICER);
        operator = http.api(centreOfficer.token());
        system = ProvinceFixture.createSystem(owner, data, hospital, "Hệ thống vận hành ngoài");
        long proposal = owner.post(
                        "/api/v1/systems/" + system + "/operator-proposals",
                        Map.of("operatorOrganizationId", centre.id()))
                .json()
                .get("id")
                .asLong();
        Http.Response accepted = operator.post("/api/v1/operator-proposals/" + proposal + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void theOperatorChangesHowTheSystemIsRunAndNothingOfTheOwners() {
        Map<String, Object> request =
                asRequest(operator.get("/api/v1/systems/" + system).json());
        request.put("operatingSince", "2024-03-01");
        request.put("securityUnitOperates", true);
        Http.Response updated = operator.send("PUT", "/api/v1/systems/" + system, request);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("operatingSince").asText()).isEqualTo("2024-03-01");
        assertThat(updated.json().get("securityUnitOperates").asBoolean()).isTrue();
        assertThat(updated.json().get("ownerOrganizationId").asLong()).isEqualTo(hospital.id());
        assertThat(updated.json().get("operatorOrganizationId").asLong()).isEqualTo(centre.id());
        // Audited under the owner, as the operator's person.
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'system.update' AND target_id = :id"
                                + " AND actor_username = :u")
                        .param("id", String.valueOf(system))
                        .param("u", centreOfficer.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The owner's facts: each change is refused by name, and nothing is written.
        Map<String, Object> owners =
                asRequest(operator.get("/api/v1/systems/" + system).json());
        owners.put("name", "Đổi tên bởi đơn vị vận hành");
        owners.put("userCount", 999_999);
        owners.put("ownerOrganizationId", centre.id());
        owners.put("hostingKind", "CLOUD");
        Http.Response refused = operator.send("PUT", "/api/v1/systems/" + system, owners);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        // The hosting kind is the operator's to propose (ADR 0057), so it is not refused; nothing is written either.
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("ownerOrganizationId", "name", "userCount");
        JsonNode unchanged = owner.get("/api/v1/systems/" + system).json();
        assertThat(unchanged.get("name").asText()).isEqualTo("Hệ thống vận hành ngoài");
        assertThat(unchanged.get("proposedHostingKind").isNull()).isTrue();
        assertThat(unchanged.get("ownerOrganizationId").asLong()).isEqualTo(hospital.id());

        // The owner still edits everything, the operator's change included.
        Map<String, Object> byOwner = asRequest(unchanged);
        byOwner.put("name", "Hệ thống vận hành ngoài (đổi tên)");
        Http.Response ownerEdit = owner.send("PUT", "/api/v1/systems/" + system, byOwner);
        assertThat(ownerEdit.status()).as(ownerEdit.body()).isEqualTo(200);
        assertThat(ownerEdit.json().get("operatingSince").asText()).isEqualTo("2024-03-01");
    }

    @Test
    void theOperatorSetsTheProviderAndProposesTheHostingKindWhichTheOwnerConfirmsOrDeclines() {
        // A provider with no hosting kind declared or proposed: refused, naming the hosting kind, in Vietnamese.
        Map<String, Object> request =
                asRequest(operator.get("/api/v1/systems/" + system).json());
        request.put("hostingProvider", "Trung tâm dữ liệu tỉnh");
        Http.Response noKind = operator.send("PUT", "/api/v1/systems/" + system, request);
        assertThat(noKind.status()).as(noKind.body()).isEqualTo(422);
        assertThat(noKind.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(noKind.json())).containsExactly("hostingKind");
        assertThat(noKind.json().get("errors").get(0).get("message").asText()).isEqualTo("Trường này là bắt buộc.");

        // With the kind: the provider is saved at once, the kind waits for the owner; the declared kind is unchanged.
        request.put("hostingKind", "DATA_CENTRE");
        Http.Response proposed = operator.send("PUT", "/api/v1/systems/" + system, request);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.json().get("hostingProvider").asText()).isEqualTo("Trung tâm dữ liệu tỉnh");
        assertThat(proposed.json().get("hostingKind").isNull()).isTrue();
        assertThat(proposed.json().get("proposedHostingKind").asText()).isEqualTo("DATA_CENTRE");
        assertThat(audited("system.hosting.propose", centreOfficer.username())).isEqualTo(1);
        // Saving the same again proposes nothing new.
        assertThat(operator.send("PUT", "/api/v1/systems/" + system, request).status())
                .isEqualTo(200);
        assertThat(audited("system.hosting.propose", centreOfficer.username())).isEqualTo(1);

        // Only the owner's side decides: the operator is refused.
        Http.Response byOperator = operator.post("/api/v1/systems/" + system + "/hosting-proposal/confirm", Map.of());
        assertThat(byOperator.status()).as(byOperator.body()).isEqualTo(403);
        assertThat(byOperator.header("Content-Type")).startsWith("application/problem+json");

        // The owner confirms; the level was approved, so the changed hosting starts a re-determination.
        data.jdbc()
                .sql("UPDATE information_system SET approved_level = 2 WHERE id = :id")
                .param("id", system)
                .update();
        Http.Response confirmed = owner.post("/api/v1/systems/" + system + "/hosting-proposal/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("hostingKind").asText()).isEqualTo("DATA_CENTRE");
        assertThat(confirmed.json().get("proposedHostingKind").isNull()).isTrue();
        assertThat(confirmed.json().get("redeterminationRequired").asBoolean()).isTrue();
        assertThat(confirmed.json().get("redeterminationReason").asText()).isEqualTo("hostingKind");
        Http.Response again = owner.post("/api/v1/systems/" + system + "/hosting-proposal/confirm", Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(fields(again.json())).containsExactly("proposedHostingKind");

        // The operator may not remove the declared kind; it proposes another, which the owner declines.
        Map<String, Object> cleared =
                asRequest(operator.get("/api/v1/systems/" + system).json());
        cleared.put("hostingKind", null);
        Http.Response removal = operator.send("PUT", "/api/v1/systems/" + system, cleared);
        assertThat(removal.status()).as(removal.body()).isEqualTo(422);
        assertThat(fields(removal.json())).containsExactly("hostingKind");
        assertThat(removal.json().get("errors").get(0).get("message").asText())
                .contains("không bỏ được hình thức triển khai");
        cleared.put("hostingKind", "CLOUD");
        assertThat(operator.send("PUT", "/api/v1/systems/" + system, cleared).status())
                .isEqualTo(200);
        Http.Response declined = owner.post("/api/v1/systems/" + system + "/hosting-proposal/decline", Map.of());
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("hostingKind").asText()).isEqualTo("DATA_CENTRE");
        assertThat(declined.json().get("proposedHostingKind").isNull()).isTrue();
        assertThat(audited("system.hosting.confirm", null)).isEqualTo(1);
        assertThat(audited("system.hosting.decline", null)).isEqualTo(1);
        assertThat(audited("system.hosting.propose", centreOfficer.username())).isEqualTo(2);
    }

    @Test
    void aWaitingProposalIsSettledWhenTheOwnerDeclaresTheSameKindOrTheOperatorChanges() {
        Map<String, Object> request =
                asRequest(operator.get("/api/v1/systems/" + system).json());
        request.put("hostingKind", "DATA_CENTRE");
        assertThat(operator.send("PUT", "/api/v1/systems/" + system, request).status())
                .isEqualTo(200);

        // An owner's save of something else leaves the proposal waiting.
        Map<String, Object> byOwner =
                asRequest(owner.get("/api/v1/systems/" + system).json());
        assertThat(byOwner.get("hostingKind")).isNull();
        byOwner.put("purpose", "Quản lý bệnh án");
        Http.Response other = owner.send("PUT", "/api/v1/systems/" + system, byOwner);
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().get("proposedHostingKind").asText()).isEqualTo("DATA_CENTRE");

        // The owner declares the kind proposed itself: nothing waits any more, settled and audited (not confirmed).
        byOwner.put("hostingKind", "DATA_CENTRE");
        Http.Response declared = owner.send("PUT", "/api/v1/systems/" + system, byOwner);
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(declared.json().get("hostingKind").asText()).isEqualTo("DATA_CENTRE");
        assertThat(declared.json().get("proposedHostingKind").isNull()).isTrue();
        assertThat(settled("OWNER_DECLARED")).isEqualTo(1);
        assertThat(audited("system.hosting.confirm", null)).isZero();
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM information_system WHERE id = :id AND proposed_hosting_kind IS NULL")
                        .param("id", system)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The operator proposes another kind; another organisation accepts to operate the system: the former
        // operator's proposal is nobody's any more.
        request = asRequest(operator.get("/api/v1/systems/" + system).json());
        request.put("hostingKind", "CLOUD");
        assertThat(operator.send("PUT", "/api/v1/systems/" + system, request).status())
                .isEqualTo(200);
        TestData.Org second = data.org(data.root(), data.unique("Trung tâm vận hành thứ hai"));
        Http.Api secondOperator =
                http.api(data.person(second, Role.SECURITY_OFFICER).token());
        long proposal = owner.post(
                        "/api/v1/systems/" + system + "/operator-proposals",
                        Map.of("operatorOrganizationId", second.id()))
                .json()
                .get("id")
                .asLong();
        Http.Response accepted = secondOperator.post("/api/v1/operator-proposals/" + proposal + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode afterChange = owner.get("/api/v1/systems/" + system).json();
        assertThat(afterChange.get("proposedHostingKind").isNull()).isTrue();
        assertThat(afterChange.get("hostingKind").asText()).isEqualTo("DATA_CENTRE");
        assertThat(settled("OPERATOR_CHANGED")).isEqualTo(1);

        // The new operator proposes; the owner takes the system back into its own hands (operator = itself): settled.
        request = asRequest(secondOperator.get("/api/v1/systems/" + system).json());
        request.put("hostingKind", "CLOUD");
        assertThat(secondOperator
                        .send("PUT", "/api/v1/systems/" + system, request)
                        .status())
                .isEqualTo(200);
        byOwner = asRequest(owner.get("/api/v1/systems/" + system).json());
        byOwner.put("operatorOrganizationId", hospital.id());
        Http.Response takenBack = owner.send("PUT", "/api/v1/systems/" + system, byOwner);
        assertThat(takenBack.status()).as(takenBack.body()).isEqualTo(200);
        assertThat(takenBack.json().get("proposedHostingKind").isNull()).isTrue();
        assertThat(takenBack.json().get("hostingKind").asText()).isEqualTo("DATA_CENTRE");
        assertThat(settled("OPERATOR_CHANGED")).isEqualTo(2);
        assertThat(audited("system.hosting.settle", null)).isEqualTo(3);
    }

    private long settled(String reason) {
        return data
                .jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'system.hosting.settle' AND target_id = :id")
                .param("id", String.valueOf(system))
                .query(String.class)
                .list()
                .stream()
                .filter(j -> j.contains("\"" + reason + "\""))
                .count();
    }

    private long audited(String action, String username) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND target_id = :id"
                        + (username == null ? "" : " AND actor_username = :u"))
                .param("a", action)
                .param("id", String.valueOf(system))
                .param("u", username == null ? "" : username)
                .query(Long.class)
                .single();
    }

    @Test
    void anOrganisationThatOperatesAnotherSystemOrNothingLearnsNothing() {
        Map<String, Object> request =
                asRequest(operator.get("/api/v1/systems/" + system).json());
        // A sibling of the centre with the same role, and the centre on a system it does not operate: 404 alike.
        Http.Api stranger =
                http.api(data.person(data.org(data.root(), data.unique("Trung tâm khác")), Role.SECURITY_OFFICER)
                        .token());
        Http.Response foreign = stranger.send("PUT", "/api/v1/systems/" + system, request);
        long other = ProvinceFixture.createSystem(owner, data, hospital, "Hệ thống không giao");
        Map<String, Object> otherRequest =
                asRequest(owner.get("/api/v1/systems/" + other).json());
        Http.Response notOperated = operator.send("PUT", "/api/v1/systems/" + other, otherRequest);
        Http.Response unknown = operator.send("PUT", "/api/v1/systems/987654321", otherRequest);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(notOperated.status()).isEqualTo(404);
        // Only the id in the path is replaced: a bare "4" would also turn the status 404 into "ID0ID".
        assertThat(notOperated.bodyWithoutRequestId().replace("/systems/" + other + "\"", "/systems/ID\""))
                .isEqualTo(unknown.bodyWithoutRequestId().replace("/systems/987654321\"", "/systems/ID\""));
        assertThat(foreign.body()).doesNotContain("Hệ thống vận hành ngoài");
        assertThat(owner.get("/api/v1/systems/" + other).json().get("name").asText())
                .isEqualTo("Hệ thống không giao");
    }

    /** The system as a PUT body: what GET answers, limited to the fields of a request. */
    private static Map<String, Object> asRequest(JsonNode s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : List.of(
                "code",
                "name",
                "purpose",
                "hostingProvider",
                "lifecycleStatus",
                "systemType",
                "hostingKind",
                "investmentStartedOn",
                "operatingSince",
                "retiredOn")) {
            m.put(f, s.get(f) == null || s.get(f).isNull() ? null : s.get(f).asText());
        }
        for (String f : List.of("ownerOrganizationId", "operatorOrganizationId", "userCount", "dataSubjectCount")) {
            m.put(f, s.get(f) == null || s.get(f).isNull() ? null : s.get(f).asLong());
        }
        List<String> kinds = new ArrayList<>();
        s.get("informationKinds").forEach(k -> kinds.add(k.asText()));
        m.put("informationKinds", kinds);
        m.put(
                "securityUnitOperates",
                s.get("securityUnitOperates") != null
                        && s.get("securityUnitOperates").asBoolean());
        return m;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.get("errors").forEach(e -> names.add(e.get("field").asText()));
        return names;
    }
}
