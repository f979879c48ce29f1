package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 10 item 2 in a real browser, as two people: a hospital's officer proposes an outside centre as the operator
 * of its system; the centre's officer finds the proposal among what needs attention and accepts it; only then does
 * the centre see the system, and the hospital reads the centre's name.
 */
class OperatorProposalBrowserTest extends IntegrationTest {

    @Test
    void theOwnerProposesAndTheOperatorAccepts() {
        TestData.Org province = data.org(data.root(), "Tỉnh trình duyệt vận hành");
        TestData.Org hospital = data.org(province, "Bệnh viện");
        String centreName = data.unique("Trung tâm dữ liệu");
        TestData.Org centre = data.org(data.root(), centreName);
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        TestData.Person centreOfficer = data.person(centre, Role.SECURITY_OFFICER);
        String systemName = data.unique("Hệ thống HIS");
        long system = ProvinceFixture.createSystem(http.api(officer.token()), data, hospital, systemName);

        try (Browser browser = Browser.open(http.base())) {
            Page owner = browser.newPage();
            Browser.signIn(owner, officer.username(), TestData.PASSWORD);
            owner.navigate("/systems/" + system);
            owner.click("[data-hub='hub.operator']");
            owner.waitForURL("**/systems/" + system + "/operator");
            owner.fill("#operatorOrganizationId", String.valueOf(centre.id()));
            owner.fill("#note", "Đề nghị trung tâm vận hành hạ tầng");
            owner.click("#propose-operator");
            assertThat(owner.locator("#operator-notice")).containsText("Đã gửi đề nghị");
            assertThat(owner.locator("#operator-proposals tr[data-status='PROPOSED']"))
                    .containsText("Tổ chức mã số " + centre.id());
            assertThat(owner.locator("#operator-proposals")).not().containsText(centreName);
            assertThat(owner.locator("#current-operator")).hasText("Bệnh viện");
            Browser.screenshot(owner, "operator-proposed");

            Page operator = browser.newPage();
            Browser.signIn(operator, centreOfficer.username(), TestData.PASSWORD);
            // Before accepting, the centre sees the proposal, never the system.
            Response hidden = operator.navigate("/systems/" + system);
            Assertions.assertThat(hidden.status()).isEqualTo(404);
            operator.navigate("/");
            Locator line =
                    operator.locator(".attention-item").filter(new Locator.FilterOptions().setHasText(systemName));
            assertThat(line).hasCount(1);
            line.locator("a").click();
            operator.waitForURL("**/operators**");
            assertThat(operator.locator("#proposals-to-decide")).containsText(systemName);
            assertThat(operator.locator("#proposals-to-decide")).containsText("Đề nghị trung tâm vận hành hạ tầng");
            Browser.screenshot(operator, "operator-to-decide");
            operator.locator("#proposals-to-decide button[id^='accept-']").click();
            assertThat(operator.locator("#operators-notice")).containsText("Đã chấp nhận");
            assertThat(operator.locator("#proposals-to-decide")).not().containsText(systemName);

            Response visible = operator.navigate("/systems/" + system);
            Assertions.assertThat(visible.status()).isEqualTo(200);
            assertThat(operator.locator("h1")).containsText(systemName);

            owner.navigate("/systems/" + system + "/operator");
            assertThat(owner.locator("#current-operator")).hasText(centreName);
            assertThat(owner.locator("#operator-proposals tr[data-status='ACCEPTED']"))
                    .containsText(centreName);
            Browser.screenshot(owner, "operator-accepted");
        }
    }
}
