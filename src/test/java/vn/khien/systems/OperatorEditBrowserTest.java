package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The register's edit page, for an operator outside the owner's subtree that accepted operating the system (ADR 0029,
 * 0048): it is offered only how the system is run, the owner's facts are carried unchanged, and saving works; the
 * hosting kind it proposes waits for the owner, who confirms it on the system's page (ADR 0057).
 */
class OperatorEditBrowserTest extends IntegrationTest {

    @Test
    void theOperatorIsOfferedOnlyHowTheSystemIsRunAndSavesIt() {
        TestData.Org province = data.org(data.root(), "Tỉnh sửa vận hành trên trang");
        TestData.Org hospital = data.org(data.org(province, "Sở Y tế"), "Bệnh viện");
        TestData.Org centre = data.org(data.root(), data.unique("Trung tâm vận hành trên trang"));
        TestData.Person ownerOfficer = data.person(hospital, Role.SECURITY_OFFICER);
        Http.Api owner = http.api(ownerOfficer.token());
        TestData.Person centreOfficer = data.person(centre, Role.SECURITY_OFFICER);
        String name = data.unique("Hệ thống vận hành trên trang");
        long system = ProvinceFixture.createSystem(owner, data, hospital, name);
        long proposal = owner.post(
                        "/api/v1/systems/" + system + "/operator-proposals",
                        Map.of("operatorOrganizationId", centre.id()))
                .json()
                .get("id")
                .asLong();
        Http.Response accepted =
                http.api(centreOfficer.token()).post("/api/v1/operator-proposals/" + proposal + "/accept", Map.of());
        Assertions.assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String ownerBefore = owner.get("/api/v1/systems/" + system).bodyWithoutRequestId();

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, centreOfficer.username(), TestData.PASSWORD);
            page.navigate("/systems/" + system + "/edit");
            assertThat(page.locator("#operator-only-edit")).containsText(name);
            assertThat(page.locator("#system-form input[name=name]")).hasAttribute("type", "hidden");
            assertThat(page.locator("#system-form select[name=ownerOrganizationId]"))
                    .hasCount(0);
            assertThat(page.locator("#system-form input[name=userCount]")).hasAttribute("type", "hidden");
            Browser.screenshot(page, "operator-edit");
            // A hosting provider needs the kind of hosting: with none declared or proposed, the page names the field.
            page.locator("#hostingProvider").fill("Trung tâm dữ liệu tỉnh");
            page.locator("#save-system").click();
            assertThat(page.locator("#hostingKind")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#hostingKind ~ .invalid-feedback")).hasText("Trường này là bắt buộc.");
            assertThat(page.locator("#hostingProvider")).hasValue("Trung tâm dữ liệu tỉnh");
            // The operator proposes the kind it knows (ADR 0057); the provider and how it is run are saved at once.
            page.locator("#hostingKind").selectOption("DATA_CENTRE");
            page.locator("#operatingSince").fill("01/03/2024");
            page.locator("#system-form input[type=checkbox][name=securityUnitOperates]")
                    .check();
            page.locator("#save-system").click();
            page.waitForURL("**/systems/" + system);
            assertThat(page.locator("#hosting-proposal")).containsText("Trung tâm dữ liệu");
            assertThat(page.locator("#hosting-proposal")).containsText("Đang chờ đơn vị chủ quản xác nhận");
            assertThat(page.locator("#confirm-hosting")).hasCount(0);
            // Its edit page shows its proposal, and what the owner declared.
            page.navigate("/systems/" + system + "/edit");
            assertThat(page.locator("#hostingKind")).hasValue("DATA_CENTRE");
            assertThat(page.locator("#hosting-kind-help")).containsText("Đang chờ xác nhận: Trung tâm dữ liệu");
            Browser.screenshot(page, "operator-edit-hosting-proposed");

            // The owner finds it in "what needs my attention" and confirms it on the system's page.
            Page ownerPage = browser.newPage();
            Browser.signIn(ownerPage, ownerOfficer.username(), TestData.PASSWORD);
            ownerPage.navigate("/");
            Locator waiting = ownerPage.locator("#attention a[href='/systems/" + system + "#hosting']");
            assertThat(waiting).containsText("đề xuất hình thức triển khai");
            waiting.click();
            assertThat(ownerPage.locator("#hosting-proposal")).containsText("Trung tâm dữ liệu");
            ownerPage.locator("#confirm-hosting").click();
            assertThat(ownerPage.locator("#hosting-proposal")).hasCount(0);
            assertThat(ownerPage.locator("#hosting")).containsText("Trung tâm dữ liệu tỉnh");
        }
        String after = owner.get("/api/v1/systems/" + system).bodyWithoutRequestId();
        Assertions.assertThat(Http.JSON.readTree(after).get("operatingSince").asString())
                .isEqualTo("2024-03-01");
        Assertions.assertThat(
                        Http.JSON.readTree(after).get("securityUnitOperates").asBoolean())
                .isTrue();
        Assertions.assertThat(Http.JSON.readTree(after).get("hostingKind").asString())
                .isEqualTo("DATA_CENTRE");
        Assertions.assertThat(Http.JSON.readTree(after).get("hostingProvider").asString())
                .isEqualTo("Trung tâm dữ liệu tỉnh");
        for (String ownersField : new String[] {
            "name", "code", "ownerOrganizationId", "systemType", "informationKinds", "userCount", "dataSubjectCount"
        }) {
            Assertions.assertThat(Http.JSON.readTree(after).get(ownersField))
                    .as(ownersField)
                    .isEqualTo(Http.JSON.readTree(ownerBefore).get(ownersField));
        }
        // No purpose was recorded: the form carries it back as an empty text, which reads the same.
        Assertions.assertThat(Http.JSON.readTree(after).path("purpose").asString(""))
                .isBlank();
    }
}
