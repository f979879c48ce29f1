package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A report waiting for someone's step is on that person's home page and on no one else's: the checked report for its
 * organisation's leader (not for the officer who checked it), the submitted one for the parent's leader and officer
 * (not for the unit, nor for a body further up).
 */
class ReportsAttentionTest extends IntegrationTest {

    @Test
    void theSignatureAndTheDecisionWaitOnTheHomePagesOfThePeopleWhoTakeThem() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh thử báo cáo chờ"));
        String unitName = data.unique("Sở thử báo cáo chờ");
        TestData.Org unit = data.org(province, unitName);
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(unit, Role.LEADER);
        TestData.Person provinceLeader = data.person(province, Role.LEADER);
        TestData.Person provinceOfficer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person national = data.person(data.root(), Role.LEADER);
        long id = created(http.api(officer.token()), unit, "2026-Q2");
        String line = "href=\"/reports/" + id + "\"";
        step(officer, id, "CHECK");

        assertThat(home(leader))
                .contains(line)
                .contains("chờ bạn ký")
                .contains("kỳ Quý II năm 2026")
                .contains(unitName);
        assertThat(home(officer)).doesNotContain(line);
        assertThat(home(provinceLeader)).doesNotContain(line);

        step(leader, id, "SIGN");
        step(leader, id, "SUBMIT");
        assertThat(home(leader)).doesNotContain(line);
        assertThat(home(provinceLeader)).contains(line).contains("chờ bạn tiếp nhận hoặc trả lại");
        assertThat(home(provinceOfficer)).contains(line);
        assertThat(home(national)).doesNotContain(line);

        step(provinceOfficer, id, "ACCEPT");
        assertThat(home(provinceLeader)).doesNotContain(line);
    }

    private void step(TestData.Person who, long id, String step) {
        step(http.api(who.token()), id, step);
    }

    /** A quarterly report of the organisation opened by this caller (201); its id. */
    static long created(Http.Api by, TestData.Org org, String period) {
        Http.Response r = by.post(
                "/api/v1/reports", Map.of("organizationId", org.id(), "kind", "QUARTERLY_STATUS", "period", period));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** The caller takes the sign-off step (200), with a document number and date for a signature. */
    static void step(Http.Api who, long id, String step) {
        Http.Response r = who.post(
                "/api/v1/reports/" + id + "/actions/" + step,
                Map.of("documentNumber", "7/BC", "documentDate", "2026-06-15"));
        assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(200);
    }

    private String home(TestData.Person who) {
        Http.Session s = http.session();
        assertThat(s.login(who.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s.get("/").body();
    }
}
