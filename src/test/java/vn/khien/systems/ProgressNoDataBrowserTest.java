package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Issue 9 point 4 on the level-progress page: an organisation without systems reads "no data", never "100% met". */
class ProgressNoDataBrowserTest extends IntegrationTest {

    @Test
    void anEmptyDenominatorReadsNoData() {
        TestData.Org empty = data.org(data.root(), data.unique("Sở chưa có hệ thống"));
        TestData.Person leader = data.person(empty, Role.LEADER);
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            page.navigate("/level-progress?organizationId=" + empty.id());
            assertThat(page.locator("#progress-share")).hasText("Chưa có dữ liệu");
            assertThat(page.locator("#campaign-table tbody")).containsText("Chưa có dữ liệu");
            // The "current" column: no share is claimed over nothing, and nothing is marked as met.
            Assertions.assertThat(page.locator("#campaign-table tbody td:nth-child(4)")
                            .allTextContents())
                    .isNotEmpty()
                    .noneMatch(t -> t.contains("%"));
            assertThat(page.locator("#campaign-table .badge.bg-success")).hasCount(0);
        }
    }
}
