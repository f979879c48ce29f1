package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Identity, access and audit endpoints that had no dedicated cross-subtree case: the security events of unit B never
 * reach unit A's administrator, and the audit checkpoints (platform-wide by nature) are refused to everyone else.
 */
public class IdentityIsolationTest extends IntegrationTest {

    public static final Set<String> COVERED = Set.of(
            "GET /api/v1/security-events", "POST /api/v1/audit/checkpoints", "POST /api/v1/audit/checkpoints/verify");

    TestData.Org unitA;
    TestData.Org unitB;
    TestData.Person adminA;
    TestData.Person officerA;
    TestData.Person personA;
    TestData.Person personB;
    String ghost;

    @BeforeEach
    void twoUnitsWithFailedSignIns() {
        TestData.Org province = data.org(data.root(), "Tỉnh an ninh");
        unitA = data.org(province, "Đơn vị A");
        unitB = data.org(province, "Đơn vị B");
        adminA = data.person(unitA, Role.ORG_ADMIN);
        officerA = data.person(unitA, Role.SECURITY_OFFICER);
        personA = data.person(unitA, Role.AUDITOR);
        personB = data.person(unitB, Role.AUDITOR);
        ghost = data.unique("khong-ton-tai").toLowerCase();
        // Five failures each: a delay begins for A's person, B's person and a name that is nobody's.
        for (String name : new String[] {personA.username(), personB.username(), ghost}) {
            for (int i = 0; i < 5; i++) {
                http.api(null).post("/api/v1/tokens", Map.of("username", name, "password", "sai-" + i));
            }
        }
    }

    @Test
    void securityEventsOfAnotherSubtreeStayHidden() {
        Http.Response asAdminA = http.api(adminA.token()).get("/api/v1/security-events?size=500");
        assertThat(asAdminA.status()).isEqualTo(200);
        assertThat(usernames(asAdminA.json().get("events")))
                .contains(personA.username())
                .doesNotContain(personB.username(), ghost);
        assertThat(labels(asAdminA.json().get("delays")))
                .anyMatch(l -> l.startsWith(personA.username()))
                .noneMatch(l -> l.startsWith(personB.username()) || l.startsWith(ghost));
        assertThat(asAdminA.body()).doesNotContain(personB.username()).doesNotContain("Đơn vị B");

        // A security officer administers nothing: no view at all.
        Http.Response asOfficer = http.api(officerA.token()).get("/api/v1/security-events");
        assertThat(asOfficer.status()).isEqualTo(403);
        assertThat(asOfficer.header("Content-Type")).startsWith("application/problem+json");

        // The platform administrator also sees what belongs to no organisation (a name that is nobody's).
        Http.Response asPlatform = admin().get("/api/v1/security-events?size=500");
        assertThat(usernames(asPlatform.json().get("events"))).contains(personA.username(), personB.username(), ghost);
    }

    @Test
    void auditCheckpointsAreForPlatformAdministratorsOnly() {
        for (TestData.Person p : new TestData.Person[] {adminA, officerA, personA}) {
            Http.Api api = http.api(p.token());
            Http.Response create = api.post("/api/v1/audit/checkpoints", "");
            assertThat(create.status()).as(p.username()).isEqualTo(403);
            assertThat(create.header("Content-Type")).startsWith("application/problem+json");
            Http.Response verify = api.post("/api/v1/audit/checkpoints/verify", "");
            assertThat(verify.status()).as(p.username()).isEqualTo(403);
        }
        assertThat(admin().post("/api/v1/audit/checkpoints/verify", "").status())
                .isEqualTo(200);
    }

    private static List<String> usernames(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false)
                .map(e -> e.get("username").asText())
                .toList();
    }

    private static List<String> labels(JsonNode delays) {
        return StreamSupport.stream(delays.spliterator(), false)
                .map(e -> e.get("label").asText())
                .toList();
    }
}
