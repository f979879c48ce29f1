package vn.khien.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.khien.access.Role;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;
import vn.khien.support.HomePageReader;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * Every attention source answers on the home page of each kind of person the demo has: a unit's security officer, a
 * province's leader, the province's incident responder, and the national officer and leader at the root. The board
 * swallows a failing source so that the page still renders, which would hide a query that fails (as one did on
 * PostgreSQL only): the line it logs then fails this test.
 */
class HomeAttentionSourcesTest extends IntegrationTest {

    @Test
    void noAttentionSourceFailsOnTheHomeOfAnyKindOfPerson() {
        TestData.Org province = data.province(data.unique("Tỉnh nguồn chú ý"));
        TestData.Org unit = data.org(province, data.unique("Sở nguồn chú ý"));
        TestData.Org responseUnit = data.org(province, data.unique("Đội ứng cứu nguồn chú ý"));
        data.designateResponseUnit(province, responseUnit);
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanTestSupport.system(data, unit);
        IncidentReports.report(http.api(officer.token()), unit, system, data.unique("Sự cố nguồn chú ý"));
        Map<String, TestData.Person> people = new LinkedHashMap<>();
        people.put("unit officer", officer);
        people.put("province leader", data.person(province, Role.LEADER));
        people.put("incident responder", data.person(responseUnit, Role.INCIDENT_RESPONDER));
        people.put("national officer", data.person(data.root(), Role.SECURITY_OFFICER));
        people.put("national leader", data.person(data.root(), Role.LEADER));

        try (AttentionFailures failures = AttentionFailures.capture()) {
            people.forEach((kind, person) -> {
                HomePageReader.attention(http, person);
                assertThat(failures.lines())
                        .as("attention sources that failed on the home page of the %s", kind)
                        .isEmpty();
            });
        }
    }

    /** Without this, a renamed logger or message would leave the test above passing whatever fails. */
    @Test
    void theCaptureSeesASourceThatFails() {
        AttentionSource broken = person -> {
            throw new IllegalStateException("relation does not exist");
        };
        AttentionSource fine = person -> List.of(AttentionItem.of(AttentionItem.Severity.INFO, "fine", null));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("fine", fine);
        beans.addBean("broken", broken);

        try (AttentionFailures failures = AttentionFailures.capture()) {
            new AttentionBoard(beans.getBeanProvider(AttentionSource.class)).groupsFor(1);

            assertThat(failures.lines())
                    .singleElement()
                    .asString()
                    .startsWith("Attention source " + broken.getClass().getName() + " failed")
                    .endsWith("IllegalStateException: relation does not exist");
        }
    }
}
