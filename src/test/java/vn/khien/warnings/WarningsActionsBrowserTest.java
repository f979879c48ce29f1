package vn.khien.warnings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The warning page offers the reminders button and the response form only to the people the service lets use them:
 * the publisher's officer reminds and answers, a unit's officer answers for its own systems only, and an auditor above
 * (who may read everything) is offered neither.
 */
class WarningsActionsBrowserTest extends IntegrationTest {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    @Test
    void actionsAreOfferedOnlyToThoseAllowedToTakeThem() {
        WarningsFixture f = new WarningsFixture(http, data);
        TestData.Org province = data.org(data.root(), "Tỉnh quyền cảnh báo");
        TestData.Org unitA = data.org(province, "Đơn vị A");
        TestData.Org unitB = data.org(province, "Đơn vị B");
        TestData.Person publisher = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person officerA = data.person(unitA, Role.SECURITY_OFFICER);
        TestData.Person officerB = data.person(unitB, Role.SECURITY_OFFICER);
        TestData.Person auditor = data.person(province, Role.AUDITOR);
        long systemA = ScanTestSupport.system(data, unitA);
        long systemB = ScanTestSupport.system(data, unitB);
        f.component(http.api(officerA.token()), systemA, null, LOG4J);
        f.component(http.api(officerB.token()), systemB, null, LOG4J);
        Http.Response r = f.publish(
                http.api(publisher.token()),
                province.id(),
                "AMBER",
                List.of(Map.of(
                        "purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "vers", "vers:maven/>=2.0|<2.15.0")),
                List.of("CVE-2021-44228"),
                null,
                LocalDate.now().minusDays(2));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String url = "/warnings/" + r.json().get("id").asLong();
        String rowA = ".affected-row[data-system='" + systemA + "']";
        String rowB = ".affected-row[data-system='" + systemB + "']";

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();

            Browser.signIn(page, auditor.username(), TestData.PASSWORD);
            page.navigate(url);
            assertThat(page.locator(".affected-row")).hasCount(2);
            assertThat(page.locator("#overdue")).isVisible();
            assertThat(page.locator("#remind")).hasCount(0);
            assertThat(page.locator(".response-form")).hasCount(0);
            assertThat(page.locator("#vex-form")).hasCount(0);
            page.context().clearCookies();

            Browser.signIn(page, officerA.username(), TestData.PASSWORD);
            page.navigate(url);
            assertThat(page.locator(rowA + " .response-form")).hasCount(1);
            assertThat(page.locator(rowB)).hasCount(0);
            assertThat(page.locator("#remind")).hasCount(0);
            assertThat(page.locator("#vex-form")).isVisible();
            page.locator(rowA + " select[name=status]").selectOption("ACKNOWLEDGED");
            page.locator(rowA + " button").click();
            assertThat(page.locator("#message")).containsText("Đã xác nhận");
            page.context().clearCookies();

            Browser.signIn(page, publisher.username(), TestData.PASSWORD);
            page.navigate(url);
            assertThat(page.locator(".response-form")).hasCount(2);
            assertThat(page.locator("#remind")).isVisible();
            page.locator("#remind").click();
            assertThat(page.locator("#message")).isVisible();
        }
    }
}
