package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * ADR 0044: the responder of the unit designated as a network member's incident-response unit (rule data
 * {@code drafted_by_designated} of IR_NETWORK_MEMBER) sees and drafts that member's member report in the reports
 * module — that kind only, its own member only (the unit lies in the member's subtree), and no sign-off step. A
 * responder designated for another province, or designated from outside the member's subtree, gets nothing.
 */
class MemberReportDrafterTest extends IntegrationTest {

    static final String PERIOD = "2026";

    TestData.Org provinceA;
    TestData.Org provinceB;
    TestData.Person responderA;
    TestData.Person officerA;
    long memberReportB;

    @BeforeEach
    void twoMembers() {
        provinceA = province("Tỉnh soạn báo cáo A ");
        provinceB = province("Tỉnh soạn báo cáo B bí mật ");
        responderA = data.person(responseUnit(provinceA, provinceA), Role.INCIDENT_RESPONDER);
        officerA = data.person(provinceA, Role.SECURITY_OFFICER);
        TestData.Person responderB = data.person(responseUnit(provinceB, provinceB), Role.INCIDENT_RESPONDER);
        Http.Response b = create(responderB, provinceB, "IR_NETWORK_MEMBER");
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        memberReportB = b.json().get("id").asLong();
    }

    @Test
    void theDesignatedResponderDraftsAndSeesItsMembersReportOfThatKindOnly() {
        Http.Response created = create(responderA, provinceA, "IR_NETWORK_MEMBER");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.get("status").asString()).isEqualTo("DRAFT");
        assertThat(report.get("dueOn").asString()).isEqualTo("2026-12-14");
        long id = report.get("id").asLong();
        Http.Api api = http.api(responderA.token());
        assertThat(api.get("/api/v1/reports/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/" + id + ".docx").status()).isEqualTo(200);

        // The province's other reports stay the officers': not listed, not openable, not creatable by the responder.
        Http.Response quarterly = create(officerA, provinceA, "QUARTERLY_STATUS", "2026-Q4");
        assertThat(quarterly.status()).as(quarterly.body()).isEqualTo(201);
        long quarterlyId = quarterly.json().get("id").asLong();
        assertThat(api.get("/api/v1/reports/" + quarterlyId).status()).isEqualTo(404);
        String listed =
                api.get("/api/v1/organizations/" + provinceA.id() + "/reports").body();
        assertThat(listed).contains("\"id\":" + id).doesNotContain("\"id\":" + quarterlyId);
        Http.Response notHers = create(responderA, provinceA, "QUARTERLY_STATUS", "2026-Q3");
        assertThat(notHers.status()).isEqualTo(422);
        assertThat(notHers.json().get("errors").get(0).get("field").asString()).isEqualTo("organizationId");

        // Drafting is not checking: the sign-off stays with the member's officers and leader.
        assertThat(api.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(http.api(officerA.token())
                        .post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherMembersReportIsInvisibleAndCannotBeDrafted() {
        Http.Api api = http.api(responderA.token());
        Http.Response seen = api.get("/api/v1/reports/" + memberReportB);
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.body()).doesNotContain("bí mật");
        assertThat(api.get("/api/v1/reports/" + memberReportB + ".docx").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/organizations/" + provinceB.id() + "/reports")
                        .body())
                .doesNotContain("bí mật")
                .doesNotContain("\"id\":" + memberReportB);
        Http.Response drafted = create(responderA, provinceB, "IR_NETWORK_MEMBER");
        assertThat(drafted.status()).isEqualTo(422);
        assertThat(drafted.json().get("errors").get(0).get("field").asString()).isEqualTo("organizationId");
        Http.Session page = http.session();
        page.login(responderA.username(), TestData.PASSWORD);
        assertThat(page.get("/reports/" + memberReportB).status()).isEqualTo(404);
        assertThat(page.get("/reports").body()).doesNotContain("bí mật");
    }

    @Test
    void aUnitDesignatedFromOutsideTheMembersSubtreeGetsNothing() {
        // Province C's response unit is designated from another province's tree: it is not C's own unit.
        TestData.Org provinceC = province("Tỉnh soạn báo cáo C ");
        TestData.Org outside = data.org(provinceB, "Đơn vị ngoài cây " + data.unique("u"));
        designate(provinceC, outside);
        TestData.Person stranger = data.person(outside, Role.INCIDENT_RESPONDER);
        Http.Response drafted = create(stranger, provinceC, "IR_NETWORK_MEMBER");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(422);
        Http.Response theirs = create(data.person(provinceC, Role.SECURITY_OFFICER), provinceC, "IR_NETWORK_MEMBER");
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(http.api(stranger.token())
                        .get("/api/v1/reports/" + theirs.json().get("id").asLong())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theReportsPageOffersTheResponderTheMemberReportOnly() {
        Http.Session page = http.session();
        page.login(responderA.username(), TestData.PASSWORD);
        String html = page.get("/reports?organizationId=" + provinceA.id()).body();
        assertThat(html)
                .contains("value=\"IR_NETWORK_MEMBER\"")
                .doesNotContain("value=\"QUARTERLY_STATUS\"")
                .doesNotContain("value=\"ANNUAL_LEVEL\"");
        // A reader of the province is offered nothing to open.
        Http.Session reader = http.session();
        reader.login(data.person(provinceA, Role.AUDITOR).username(), TestData.PASSWORD);
        assertThat(reader.get("/reports?organizationId=" + provinceA.id()).body())
                .doesNotContain("id=\"new-report\"");
    }

    private Http.Response create(TestData.Person who, TestData.Org org, String kind) {
        return create(who, org, kind, PERIOD);
    }

    private Http.Response create(TestData.Person who, TestData.Org org, String kind, String period) {
        return http.api(who.token())
                .post("/api/v1/reports", Map.of("organizationId", org.id(), "kind", kind, "period", period));
    }

    private TestData.Org province(String name) {
        TestData.Org p = data.org(data.root(), name + data.unique("p"));
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", p.id())
                .update();
        return p;
    }

    private TestData.Org responseUnit(TestData.Org parent, TestData.Org member) {
        TestData.Org unit = data.org(parent, "Đơn vị ứng cứu " + data.unique("u"));
        designate(member, unit);
        return unit;
    }

    private void designate(TestData.Org member, TestData.Org unit) {
        data.jdbc()
                .sql("INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id,"
                        + " created_at) VALUES (:s, 'INCIDENT_RESPONSE_UNIT', :o, :now)")
                .param("s", member.id())
                .param("o", unit.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }
}
