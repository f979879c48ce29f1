package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.HomePageReader;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 10 item 2: choosing an operator outside one's subtree reveals no organisation's name and hands no system to
 * another organisation without its consent. Outside operators are published providers (chosen directly) or proposed
 * and accepted; until then the proposed organisation's people see nothing of the system.
 */
class OperatorProposalApiTest extends IntegrationTest {

    TestData.Org hospital;
    TestData.Org centre;
    String centreName;
    TestData.Person officer;
    TestData.Person centreOfficer;
    TestData.Person centreAdmin;
    Http.Api owner;
    Http.Api operator;
    long system;

    @BeforeEach
    void tree() {
        TestData.Org province = data.org(data.root(), "Tỉnh vận hành");
        TestData.Org health = data.org(province, "Sở Y tế");
        hospital = data.org(health, "Bệnh viện");
        centreName = data.unique("Trung tâm dữ liệu kín");
        centre = data.org(data.root(), centreName);
        officer = data.person(hospital, Role.SECURITY_OFFICER);
        centreOfficer = data.person(centre, Role.SECURITY_OFFICER);
        centreAdmin = data.person(centre, Role.ORG_ADMIN);
        owner = http.api(officer.token());
        operator = http.api(centreOfficer.token());
        system = ProvinceFixture.createSystem(owner, data, hospital, "Hệ thống HIS");
    }

    @Test
    void anOperatorOutsideTheSubtreeIsRefusedAlikeForEveryIdAndNamesNothing() {
        Http.Response unseen = owner.send("PUT", "/api/v1/systems/" + system, request(centre.id()));
        Http.Response unknown = owner.send("PUT", "/api/v1/systems/" + system, request(987_654_321L));
        assertThat(unseen.status()).as(unseen.body()).isEqualTo(422);
        assertThat(unseen.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unseen.json().get("errors").get(0).get("field").asText()).isEqualTo("operatorOrganizationId");
        assertThat(unseen.bodyWithoutRequestId()).isEqualTo(unknown.bodyWithoutRequestId());
        assertThat(unseen.body()).doesNotContain(centreName);
        Http.Response created = owner.post("/api/v1/systems", createRequest(centre.id()));
        Http.Response createdUnknown = owner.post("/api/v1/systems", createRequest(987_654_321L));
        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().get("errors")).isEqualTo(createdUnknown.json().get("errors"));
        assertThat(created.body()).doesNotContain(centreName);
        // Nothing changed: the centre is no party and sees nothing.
        assertThat(owner.get("/api/v1/systems/" + system)
                        .json()
                        .get("operatorOrganizationId")
                        .asLong())
                .isEqualTo(hospital.id());
        assertThat(operator.get("/api/v1/systems/" + system).status()).isEqualTo(404);

        // Proposing tells nothing either: an unseen and an unknown id are answered alike, without a name.
        Http.Response toCentre = owner.post(proposals(system), Map.of("operatorOrganizationId", centre.id()));
        assertThat(toCentre.status()).as(toCentre.body()).isEqualTo(201);
        assertThat(toCentre.body()).doesNotContain(centreName);
        long other = ProvinceFixture.createSystem(owner, data, hospital, "Hệ thống khác");
        Http.Response toUnknown = owner.post(proposals(other), Map.of("operatorOrganizationId", 987_654_321L));
        assertThat(toUnknown.status()).isEqualTo(201);
        assertThat(fieldNames(toCentre.json())).isEqualTo(fieldNames(toUnknown.json()));
        JsonNode listed = owner.get(proposals(system)).json().get(0);
        assertThat(listed.get("operatorName").isNull()).isTrue();
        assertThat(listed.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(owner.get(proposals(other)).json().get(0).get("operatorName").isNull())
                .isTrue();
        assertThat(owner.get(proposals(system)).body()).doesNotContain(centreName);
    }

    @Test
    void theBulkImportReadsAnUnseenOperatorCodeLikeAnUnknownOne() {
        Http.Response unseen = importWithOperator(centre.code());
        Http.Response unknown = importWithOperator("KHONG-TON-TAI-" + centre.code());
        assertThat(unseen.status()).as(unseen.body()).isEqualTo(422);
        assertThat(unseen.body()).doesNotContain(centreName);
        assertThat(unseen.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[2].operator");
        assertThat(unseen.json().get("errors").toString())
                .isEqualTo(unknown.json()
                        .get("errors")
                        .toString()
                        .replace("KHONG-TON-TAI-" + centre.code(), centre.code()));
    }

    private Http.Response importWithOperator(String operatorCode) {
        String csv = "\uFEFFMã hệ thống [code],Tên hệ thống [name],Mã tổ chức chủ quản [owner],"
                + "Mã đơn vị vận hành [operator],Loại hệ thống [type],Số người sử dụng [users]\n"
                + data.unique("HT") + ",Hệ thống nhập," + hospital.code() + "," + operatorCode + ",INTERNAL,10\n";
        return Multipart.post(
                http.base(),
                "/api/v1/systems/import",
                officer.token(),
                Map.of(),
                "file",
                "he-thong.csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPublishedProviderIsChosenDirectlyAndItsAdministratorSetsTheFlag() {
        Http.Api admin = http.api(centreAdmin.token());
        assertThat(operator.send("PUT", "/api/v1/operator-providers/" + centre.id(), null)
                        .status())
                .as("a security officer is not the organisation's administrator")
                .isEqualTo(403);
        assertThat(owner.send("PUT", "/api/v1/operator-providers/" + centre.id(), null)
                        .status())
                .isEqualTo(404);
        assertThat(admin.send("PUT", "/api/v1/operator-providers/" + centre.id(), null)
                        .status())
                .isEqualTo(204);
        assertThat(audited("operator.provider.publish", centre.id())).isEqualTo(1);
        assertThat(owner.get("/api/v1/operator-providers").body()).contains(centreName);

        Http.Response chosen = owner.send("PUT", "/api/v1/systems/" + system, request(centre.id()));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("operatorName").asText()).isEqualTo(centreName);
        assertThat(operator.get("/api/v1/systems/" + system).status()).isEqualTo(200);

        assertThat(admin.send("DELETE", "/api/v1/operator-providers/" + centre.id(), null)
                        .status())
                .isEqualTo(204);
        assertThat(audited("operator.provider.withdraw", centre.id())).isEqualTo(1);
        assertThat(owner.get("/api/v1/operator-providers").body()).doesNotContain(centreName);
        // It still operates the system it was given, and the owner may keep it on an edit.
        assertThat(owner.send("PUT", "/api/v1/systems/" + system, request(centre.id()))
                        .status())
                .isEqualTo(200);
        // Another system can no longer choose it.
        long other = ProvinceFixture.createSystem(owner, data, hospital, "Hệ thống khác");
        assertThat(owner.send("PUT", "/api/v1/systems/" + other, request(centre.id()))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aProposalAcceptedByTheOperatorGivesItTheSystem() {
        Http.Response proposed = owner.post(
                proposals(system), Map.of("operatorOrganizationId", centre.id(), "note", "Trung tâm vận hành hạ tầng"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        long id = proposed.json().get("id").asLong();
        assertThat(audited("operator.proposal.propose", hospital.id())).isEqualTo(1);

        // Before acceptance the centre's people see the proposal, never the system.
        assertThat(operator.get("/api/v1/systems/" + system).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/systems/" + system + "/components").status())
                .isEqualTo(404);
        assertThat(ids(operator.get("/api/v1/systems"))).doesNotContain(system);
        JsonNode waiting = find(operator.get("/api/v1/operator-proposals"), id);
        assertThat(waiting.get("systemName").asText()).isEqualTo("Hệ thống HIS");
        assertThat(waiting.get("operatorName").asText()).isEqualTo(centreName);
        assertThat(HomePageReader.attention(http, centreOfficer))
                .anySatisfy(line -> assertThat(line).contains("Hệ thống HIS").contains("chấp nhận"));
        // The owner cannot accept in the centre's place.
        assertThat(owner.post("/api/v1/operator-proposals/" + id + "/accept", Map.of())
                        .status())
                .isEqualTo(404);

        Http.Response accepted = operator.post("/api/v1/operator-proposals/" + id + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(audited("operator.proposal.accept", centre.id())).isEqualTo(1);
        assertThat(audited("system.operator.change", hospital.id())).isEqualTo(1);

        // After acceptance the centre sees and may edit the system as operators do; the owner reads its name.
        assertThat(operator.get("/api/v1/systems/" + system).status()).isEqualTo(200);
        assertThat(ids(operator.get("/api/v1/systems"))).contains(system);
        assertThat(operator.post(
                                "/api/v1/systems/" + system + "/components",
                                Map.of("kind", "HOST", "name", "may-chu-trung-tam"))
                        .status())
                .isEqualTo(201);
        JsonNode s = owner.get("/api/v1/systems/" + system).json();
        assertThat(s.get("operatorOrganizationId").asLong()).isEqualTo(centre.id());
        assertThat(s.get("operatorName").asText()).isEqualTo(centreName);
        assertThat(owner.get(proposals(system))
                        .json()
                        .get(0)
                        .get("operatorName")
                        .asText())
                .isEqualTo(centreName);
        assertThat(owner.send("PUT", "/api/v1/systems/" + system, request(centre.id()))
                        .status())
                .as("the owner keeps its accepted operator on an edit")
                .isEqualTo(200);
        assertThat(find(operator.get("/api/v1/operator-proposals"), id)).isNull();

        // A decided proposal cannot be decided again.
        Http.Response again = operator.post("/api/v1/operator-proposals/" + id + "/decline", Map.of());
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
    }

    @Test
    void aDeclinedOrWithdrawnProposalLeavesTheSystemAlone() {
        long id = owner.post(proposals(system), Map.of("operatorOrganizationId", centre.id()))
                .json()
                .get("id")
                .asLong();
        Http.Response duplicate = owner.post(proposals(system), Map.of("operatorOrganizationId", centre.id()));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errors").get(0).get("field").asText()).isEqualTo("operatorOrganizationId");
        Http.Response declined = operator.post(
                "/api/v1/operator-proposals/" + id + "/decline", Map.of("reason", "Không đủ nhân lực vận hành"));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
        assertThat(audited("operator.proposal.decline", centre.id())).isEqualTo(1);
        assertThat(operator.get("/api/v1/systems/" + system).status()).isEqualTo(404);
        assertThat(owner.get("/api/v1/systems/" + system)
                        .json()
                        .get("operatorOrganizationId")
                        .asLong())
                .isEqualTo(hospital.id());
        JsonNode mine = owner.get(proposals(system)).json().get(0);
        assertThat(mine.get("decisionReason").asText()).isEqualTo("Không đủ nhân lực vận hành");
        assertThat(mine.get("operatorName").isNull()).isTrue();

        long second = owner.post(proposals(system), Map.of("operatorOrganizationId", centre.id()))
                .json()
                .get("id")
                .asLong();
        assertThat(operator.post("/api/v1/operator-proposals/" + second + "/withdraw", Map.of())
                        .status())
                .as("only the owner's side withdraws")
                .isEqualTo(404);
        Http.Response withdrawn = owner.post("/api/v1/operator-proposals/" + second + "/withdraw", Map.of());
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(find(operator.get("/api/v1/operator-proposals"), second)).isNull();
        assertThat(operator.post("/api/v1/operator-proposals/" + second + "/accept", Map.of())
                        .status())
                .isEqualTo(422);
        assertThat(operator.get("/api/v1/systems/" + system).status()).isEqualTo(404);

        Http.Response control =
                owner.post(proposals(system), Map.of("operatorOrganizationId", centre.id(), "note", "a\u0000b"));
        // Refused before the service by the platform's strict text binding, as a problem naming the field.
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.header("Content-Type")).startsWith("application/problem+json");
        assertThat(control.body()).contains("note");
        Http.Response missing = owner.post(proposals(system), Map.of("note", "x"));
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("operatorOrganizationId");
    }

    private static String proposals(long systemId) {
        return "/api/v1/systems/" + systemId + "/operator-proposals";
    }

    private Map<String, Object> request(long operatorId) {
        Map<String, Object> m = new HashMap<>(createRequest(operatorId));
        m.put("code", owner.get("/api/v1/systems/" + system).json().get("code").asText());
        m.put("name", "Hệ thống HIS");
        return m;
    }

    private Map<String, Object> createRequest(long operatorId) {
        return Map.of(
                "code",
                data.unique("HT"),
                "name",
                "Hệ thống mới",
                "ownerOrganizationId",
                hospital.id(),
                "operatorOrganizationId",
                operatorId,
                "systemType",
                "INTERNAL",
                "informationKinds",
                List.of("PRIVATE", "PERSONAL"),
                "userCount",
                500);
    }

    private long audited(String action, long organizationId) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND organization_id = :o")
                .param("a", action)
                .param("o", organizationId)
                .query(Long.class)
                .single();
    }

    private static List<Long> ids(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .map(n -> n.get("id").asLong())
                .toList();
    }

    private static JsonNode find(Http.Response r, long id) {
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .filter(n -> n.get("id").asLong() == id)
                .findFirst()
                .orElse(null);
    }

    private static List<String> fieldNames(JsonNode n) {
        return StreamSupport.stream(n.propertyNames().spliterator(), false).toList();
    }
}
