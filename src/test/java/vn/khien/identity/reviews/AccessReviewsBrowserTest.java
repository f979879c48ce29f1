package vn.khien.identity.reviews;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: the head of a unit follows the home page's line to the quarter's access review, opens it,
 * confirms one administrator, tries to revoke the other without a reason (the page says which field), revokes with
 * one (that person loses the role), closes the review, and the unit's R49 duty shows met.
 */
class AccessReviewsBrowserTest extends IntegrationTest {

    private long grantOf(TestData.Person p, TestData.Org org) {
        return data.jdbc()
                .sql("SELECT id FROM role_grant WHERE user_id = :u AND organization_id = :o AND role = 'ORG_ADMIN'")
                .param("u", p.id())
                .param("o", org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void theLeaderConfirmsOneGrantRevokesAnotherAndClosesTheReview() {
        TestData.Org unit = data.org(data.root(), "Sở trình duyệt rà soát quyền");
        TestData.Person leader = data.person(unit, Role.LEADER);
        TestData.Person keep = data.person(unit, Role.ORG_ADMIN);
        TestData.Person leave = data.person(unit, Role.ORG_ADMIN);
        long keepGrant = grantOf(keep, unit);
        long leaveGrant = grantOf(leave, unit);
        String reviews = "/organizations/" + unit.id() + "/access-reviews";

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            page.navigate(http.base() + "/");
            page.locator("a[href='" + reviews + "']").first().click();
            page.waitForURL("**" + reviews);
            assertThat(page.locator("#current-review-none")).containsText("2 quyền quản trị");
            page.click("#open-review");
            page.waitForURL("**/access-reviews/*");
            assertThat(page.locator("#message")).hasText("Đã mở đợt rà soát quyền quản trị.");
            assertThat(page.locator("#review-status")).hasText("Đang rà soát");

            Locator keepRow = page.locator("#grant-" + keepGrant);
            assertThat(keepRow).containsText(keep.username());
            assertThat(keepRow.locator("a.audit-actions"))
                    .hasAttribute("href", "/audit?actor=" + keep.username() + "&organizationId=" + unit.id());
            keepRow.locator("select.decision-select").selectOption("CONFIRM");
            keepRow.locator("button.decision-submit").click();
            assertThat(page.locator("#message")).hasText("Đã xác nhận giữ quyền.");
            assertThat(page.locator("#grant-" + keepGrant)).hasAttribute("data-decision", "CONFIRM");

            Locator leaveRow = page.locator("#grant-" + leaveGrant);
            leaveRow.locator("select.decision-select").selectOption("REVOKE");
            leaveRow.locator("button.decision-submit").click();
            // the reason is asked for next to that administrator's row, and the choice to revoke is kept
            leaveRow = page.locator("#grant-" + leaveGrant);
            assertThat(leaveRow.locator(".decision-error")).hasText("Cần ghi lý do thu hồi.");
            assertThat(leaveRow.locator("select.decision-select")).hasValue("REVOKE");
            assertThat(page.locator("#error")).hasCount(0);
            leaveRow.locator("input.decision-reason").fill("Đã chuyển công tác");
            leaveRow.locator("button.decision-submit").click();
            assertThat(page.locator("#message")).hasText("Đã thu hồi quyền.");
            assertThat(page.locator("#grant-" + leaveGrant)).hasAttribute("data-decision", "REVOKE");
            assertThat(page.locator("#grant-" + leaveGrant + " .item-reason")).hasText("Đã chuyển công tác");
            assertThat(data.jdbc()
                            .sql("SELECT COUNT(*) FROM role_grant WHERE user_id = :u")
                            .param("u", leave.id())
                            .query(Long.class)
                            .single())
                    .isZero();

            page.click("#close-review");
            assertThat(page.locator("#message")).hasText("Đã đóng đợt rà soát.");
            assertThat(page.locator("#review-status")).hasText("Đã đóng");
            assertThat(page.locator("#close-review")).hasCount(0);
            Browser.screenshot(page, "access-review-closed");

            page.click("#access-review-back");
            page.waitForURL("**" + reviews);
            page.click("#access-reviews-obligations");
            page.waitForURL("**/organizations/" + unit.id() + "/obligations");
            assertThat(page.locator("#obligation-R49-ORGANIZATION-" + unit.id()))
                    .containsText("Đã thực hiện");

            // the leader supervises administrators but does not manage people: no revoke, no grant form offered
            page.navigate(http.base() + "/users/" + keep.id());
            assertThat(page.locator("#grants")).containsText("Quản trị tổ chức");
            assertThat(page.locator("#grants button.revoke")).hasCount(0);
            assertThat(page.locator("#grant-form")).hasCount(0);
        }
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            page.onDialog(d -> d.accept());
            Browser.signIn(page, keep.username(), TestData.PASSWORD);
            page.navigate(http.base() + "/users/" + leader.id());
            assertThat(page.locator("#grants button.revoke")).hasCount(1);
            // a grant the person already holds: refused next to the role chosen, the choice kept
            page.selectOption("#grant-form select[name=role]", "LEADER");
            page.selectOption("#grant-form select[name=organizationId]", String.valueOf(unit.id()));
            page.click("#grant-form button[type=submit]");
            assertThat(page.locator("#grant-error")).hasText("Người dùng đã có vai trò này trên tổ chức này.");
            assertThat(page.locator("#grant-role")).hasValue("LEADER");
        }
    }
}
