package vn.khien.identity.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The access-review API over a real database: only the head of the unit (or one above) opens, decides and closes;
 * a revocation removes the grant at once; every step is audited; the closed review is the evidence of R49. The pages
 * name who granted each role, in words when no grantor was recorded.
 */
class AccessReviewsApiTest extends IntegrationTest {

    private static Map<String, Object> decision(long grantId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("grantId", grantId);
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private long grantOf(TestData.Person p, TestData.Org org, Role role) {
        return data.jdbc()
                .sql("SELECT id FROM role_grant WHERE user_id = :u AND organization_id = :o AND role = :r")
                .param("u", p.id())
                .param("o", org.id())
                .param("r", role.name())
                .query(Long.class)
                .single();
    }

    private static String fieldOf(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void theLeaderReviewsEachAdministrativeGrantAndTheClosedReviewMeetsTheDuty() {
        TestData.Org province = data.org(data.root(), "Tỉnh rà soát quyền");
        TestData.Org unit = data.org(province, "Sở rà soát quyền");
        TestData.Person leader = data.person(unit, Role.LEADER);
        TestData.Person keep = data.person(unit, Role.ORG_ADMIN);
        TestData.Person leave = data.person(unit, Role.ORG_ADMIN);
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person childAdmin = data.person(data.org(unit, "Đơn vị con rà soát"), Role.ORG_ADMIN);
        String reviews = "/api/v1/organizations/" + unit.id() + "/access-reviews";

        assertThat(http.api(officer.token()).post(reviews, Map.of()).status()).isEqualTo(403);
        assertThat(http.api(keep.token()).post(reviews, Map.of()).status()).isEqualTo(403);

        Http.Response opened = http.api(leader.token()).post(reviews, Map.of());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        assertThat(opened.header("Location")).isEqualTo("/api/v1/access-reviews/" + id);
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
        List<String> holders = opened.json()
                .get("items")
                .valueStream()
                .map(i -> i.get("username").asString())
                .toList();
        // the unit's administrators only: not the leader, the officer, nor an administrator of a child unit
        assertThat(holders).containsExactlyInAnyOrder(keep.username(), leave.username());
        assertThat(holders).doesNotContain(childAdmin.username(), officer.username(), leader.username());
        assertThat(fieldOf(http.api(leader.token()).post(reviews, Map.of()))).isEqualTo("organizationId");

        Http.Api api = http.api(leader.token());
        String review = "/api/v1/access-reviews/" + id;
        long keepGrant = grantOf(keep, unit, Role.ORG_ADMIN);
        long leaveGrant = grantOf(leave, unit, Role.ORG_ADMIN);
        assertThat(http.api(keep.token())
                        .post(review + "/decisions", decision(leaveGrant, "REVOKE", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(fieldOf(api.post(review + "/decisions", decision(leaveGrant, "REVOKE", null))))
                .isEqualTo("reason");
        assertThat(fieldOf(api.post(review + "/decisions", decision(leaveGrant, "DROP", null))))
                .isEqualTo("decision");
        assertThat(fieldOf(api.post(review + "/decisions", Map.of("decision", "CONFIRM"))))
                .isEqualTo("grantId");

        Http.Response confirmed = api.post(review + "/decisions", decision(keepGrant, "CONFIRM", null));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(fieldOf(api.post(review + "/actions/close", Map.of()))).isEqualTo("items");
        assertThat(http.api(leave.token())
                        .get("/api/v1/organizations/" + unit.id())
                        .status())
                .isEqualTo(200);

        Http.Response revoked = api.post(review + "/decisions", decision(leaveGrant, "REVOKE", "Đã chuyển công tác"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        // the person lost the role at once: the unit is no longer theirs to see
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM role_grant WHERE id = :g")
                        .param("g", leaveGrant)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(http.api(leave.token())
                        .get("/api/v1/organizations/" + unit.id())
                        .status())
                .isEqualTo(404);
        assertThat(fieldOf(api.post(review + "/decisions", decision(keepGrant, "REVOKE", "đổi ý"))))
                .isEqualTo("grantId");

        Http.Response closed = api.post(review + "/actions/close", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(fieldOf(api.post(review + "/actions/close", Map.of()))).isEqualTo("status");

        JsonNode read = http.api(officer.token()).get(review).json();
        assertThat(read.get("status").asString()).isEqualTo("CLOSED");
        Map<String, String> decisions = new HashMap<>();
        read.get("items")
                .forEach(i -> decisions.put(
                        i.get("username").asString(), i.get("decision").asString()));
        assertThat(decisions).containsEntry(keep.username(), "CONFIRM").containsEntry(leave.username(), "REVOKE");

        List<String> actions = data.jdbc()
                .sql("SELECT action FROM audit_event WHERE organization_id = :o ORDER BY id")
                .param("o", unit.id())
                .query(String.class)
                .list();
        assertThat(actions)
                .containsSubsequence(
                        "ACCESS_REVIEW_OPENED",
                        "ACCESS_REVIEW_DECIDED",
                        "ROLE_REVOKED",
                        "ACCESS_REVIEW_DECIDED",
                        "ACCESS_REVIEW_CLOSED");

        // the leader may follow the review's link to the audit trail of an administrator
        Http.Response trail = api.get("/api/v1/audit?actor=" + keep.username() + "&organizationId=" + unit.id());
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);

        JsonNode obligations =
                api.get("/api/v1/organizations/" + unit.id() + "/obligations").json();
        JsonNode r49 = obligations
                .valueStream()
                .filter(n -> n.get("rule").asString().equals("R49"))
                .findFirst()
                .orElseThrow();
        assertThat(r49.get("status").asString()).isEqualTo("MET");
        assertThat(r49.get("evidence").get("kind").asString()).isEqualTo("access-review");
        assertThat(r49.get("evidence").get("id").asLong()).isEqualTo(id);
    }

    @Test
    void aLeaderAboveDecidesTheHeadsOwnGrantAndTheHeadSeesTheQuarterDue() {
        TestData.Org province = data.org(data.root(), "Tỉnh rà soát quyền của lãnh đạo");
        TestData.Org unit = data.org(province, "Sở lãnh đạo kiêm quản trị");
        TestData.Person head = data.person(unit, Role.LEADER);
        data.grant(head.id(), unit, Role.ORG_ADMIN);
        TestData.Person above = data.person(province, Role.LEADER);

        Http.Response home = http.api(head.token()).get("/api/v1/organizations/" + unit.id() + "/obligations");
        JsonNode due = home.json()
                .valueStream()
                .filter(n -> n.get("rule").asString().equals("R49"))
                .findFirst()
                .orElseThrow();
        assertThat(due.get("status").asString()).isIn("NO_DATA", "DUE_SOON");
        assertThat(due.get("dueOn").asString())
                .isEqualTo(Quarter.of(LocalDate.now(Quarter.VN)).end().toString());

        long id = http.api(head.token())
                .post("/api/v1/organizations/" + unit.id() + "/access-reviews", Map.of())
                .json()
                .get("id")
                .asLong();
        long own = grantOf(head, unit, Role.ORG_ADMIN);
        String decisions = "/api/v1/access-reviews/" + id + "/decisions";
        assertThat(fieldOf(http.api(head.token()).post(decisions, decision(own, "CONFIRM", null))))
                .isEqualTo("grantId");
        Http.Response r = http.api(above.token()).post(decisions, decision(own, "CONFIRM", null));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(http.api(head.token())
                        .post("/api/v1/access-reviews/" + id + "/actions/close", Map.of())
                        .status())
                .isEqualTo(200);
    }

    static final String UNKNOWN_VI = "Không ghi nhận người cấp (cấp trước khi có rà soát quyền)";
    static final String UNKNOWN_EN = "Grantor not recorded (granted before access reviews)";

    /** The table row of this id in the page. */
    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /**
     * Who granted an administrative role, on the organisation's access-review page and on a review: the grantor when
     * recorded, and words (Vietnamese, or English) when the grant predates the recording of grantors (V107), never a
     * blank.
     */
    @Test
    void aGrantWithoutGrantorSaysSoInWordsAndARecordedOneNamesTheGrantor() {
        TestData.Org unit = data.org(data.root(), "Sở người cấp quyền");
        TestData.Person leader = data.person(unit, Role.LEADER);
        // granted as before V107 (no grantor recorded), and one granted by the leader
        TestData.Person before = data.person(unit, Role.ORG_ADMIN);
        TestData.Person after = data.person(unit, Role.ORG_ADMIN);
        long beforeGrant = grantOf(before, unit, Role.ORG_ADMIN);
        long afterGrant = grantOf(after, unit, Role.ORG_ADMIN);
        data.jdbc()
                .sql("UPDATE role_grant SET granted_by = :by WHERE id = :id")
                .param("by", leader.id())
                .param("id", afterGrant)
                .update();

        Http.Session s = http.session();
        assertThat(s.login(leader.username(), TestData.PASSWORD).status()).isEqualTo(302);
        String reviews = "/organizations/" + unit.id() + "/access-reviews";
        String list = s.get(reviews).body();
        assertThat(row(list, "held-" + beforeGrant)).contains(UNKNOWN_VI);
        assertThat(row(list, "held-" + afterGrant))
                .contains("do " + leader.username() + " cấp")
                .doesNotContain(UNKNOWN_VI);

        Http.Response opened = s.postForm(reviews, Map.of());
        assertThat(opened.status()).isEqualTo(302);
        String review = opened.header("Location").replaceFirst("^https?://[^/]+", "");
        String show = s.get(review).body();
        assertThat(row(show, "grant-" + beforeGrant)).contains(UNKNOWN_VI);
        assertThat(row(show, "grant-" + afterGrant)).contains("do " + leader.username() + " cấp");

        String english = s.get(review + "?lang=en").body();
        assertThat(row(english, "grant-" + beforeGrant)).contains(UNKNOWN_EN);
        assertThat(row(english, "grant-" + afterGrant)).contains("by " + leader.username());
    }
}
