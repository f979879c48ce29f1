package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The home page ("what needs my attention") costs the same number of SQL statements whatever the number of attention
 * items behind it (issue 15: no N+1 query): a province leader's and an officer's home with 3 incidents, dossiers and
 * systems in their unit against 12 of each. The incidents' report clocks need each incident's system owner, the
 * designated recipients and the reports already submitted: read for all listed incidents at once.
 */
class HomePageCostTest extends IntegrationTest {

    Province few;
    Province many;

    record Province(TestData.Person leader, TestData.Person officer, long unit) {}

    @BeforeEach
    void twoProvincesWithFewAndManyAttentionItems() {
        few = province(3);
        many = province(12);
    }

    @Test
    void theHomePageCostsTheSameForFewOrManyAttentionItems() {
        for (Role role : new Role[] {Role.LEADER, Role.SECURITY_OFFICER}) {
            Http.Session fewHome = signIn(role == Role.LEADER ? few.leader() : few.officer());
            Http.Session manyHome = signIn(role == Role.LEADER ? many.leader() : many.officer());
            PageCostTest.statements(fewHome.get("/")); // first visit: caches, session
            PageCostTest.statements(manyHome.get("/"));
            Http.Response manyPage = manyHome.get("/");
            assertThat(manyPage.body())
                    .as("the incidents' clocks are on the page")
                    .contains("/incidents/");
            if (role == Role.LEADER) {
                assertThat(manyPage.body())
                        .as("the unit's unconfirmed contact point (the leader's grant is on the province)")
                        .contains("/organizations/" + many.unit() + "\"");
            }
            int withFew = PageCostTest.statements(fewHome.get("/"));
            int withMany = PageCostTest.statements(manyPage);
            assertThat(withMany)
                    .as("statements of the %s's home with 12 incidents, dossiers and systems vs 3", role)
                    .isEqualTo(withFew);
        }
    }

    /** A province with one unit owning {@code n} systems, each with a late dossier and an open incident. */
    private Province province(int n) {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh chi phí trang chủ"));
        TestData.Org unit = data.org(province, data.unique("Sở chi phí trang chủ"));
        TestData.Org responseUnit = data.org(province, data.unique("Đội ứng cứu"));
        data.designateResponseUnit(province, responseUnit);
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        for (int i = 0; i < n; i++) {
            long system = ScanTestSupport.system(data, unit);
            lateDossier(system, unit);
            IncidentReports.report(api, unit, system, data.unique("Sự cố chi phí trang chủ"));
        }
        return new Province(data.person(province, Role.LEADER), officer, unit.id());
    }

    private void lateDossier(long system, TestData.Org unit) {
        Timestamp now = Timestamp.from(Instant.now());
        data.jdbc()
                .sql("""
                INSERT INTO level_dossier (system_id, regime, proposed_level, status, preparer_org_id, appraiser_org_id,
                    approver_org_id, submitted_at, step_started_on, step_due_on, created_at, updated_at)
                VALUES (:s, 'nd331-2026', 3, 'SUBMITTED', :o, :o, :o, :now, :started, :due, :now, :now)""")
                .param("s", system)
                .param("o", unit.id())
                .param("now", now)
                .param("started", LocalDate.now().minusDays(20))
                .param("due", LocalDate.now().minusDays(3))
                .update();
    }

    private Http.Session signIn(TestData.Person p) {
        Http.Session s = http.session();
        assertThat(s.login(p.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s;
    }
}
