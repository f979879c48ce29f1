package vn.khien.warnings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * A receiving unit's officer in a real browser: the warnings list says where the unit's own systems stand (overdue in
 * red) and narrows to what needs an answer; on a warning that matched none of its systems the officer declares one
 * affected with a reason (refused without one, the choice kept), and it then answers like a matched system.
 */
class WarningsListBrowserTest extends IntegrationTest {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    @Test
    void theListShowsTheUnitsOwnStatusAndAUnitDeclaresASystemTheMatchingMissed() {
        WarningsFixture f = new WarningsFixture(http, data);
        WarningsApiTest.Tree t = f.tree();
        Http.Api b = http.api(t.officerB().token());
        long matched = ScanTestSupport.system(data, t.unitB());
        f.component(b, matched, null, LOG4J);
        long missed = ScanTestSupport.system(data, t.unitB());
        String missedName =
                b.get("/api/v1/systems/" + missed).json().get("name").asString();
        String lateTitle = data.unique("Log4Shell quá hạn");
        long late = publish(
                t,
                lateTitle,
                List.of(Map.of(
                        "purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "vers", "vers:maven/>=2.0|<2.15.0")));
        String missTitle = data.unique("Lodash khai báo");
        long miss = publish(t, missTitle, List.of(Map.of("purl", "pkg:npm/lodash", "vers", "vers:npm/<4.17.21")));
        String token = lateTitle.substring(lateTitle.lastIndexOf('-') + 1);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, t.officerB().username(), TestData.PASSWORD);
            page.navigate("/warnings");
            Locator lateRow = page.locator(".warning-row[data-warning='" + late + "']");
            assertThat(lateRow.locator(".mine-ack")).hasText("Đã xác nhận 0/1");
            assertThat(lateRow.locator(".mine-unanswered")).hasText("Chưa trả lời 1");
            assertThat(lateRow.locator(".mine-overdue")).hasText("Quá hạn 1");
            assertThat(lateRow.locator(".mine-overdue")).hasClass(Pattern.compile("text-bg-danger"));
            Locator missRow = page.locator(".warning-row[data-warning='" + miss + "']");
            assertThat(missRow.locator(".mine-none")).isVisible();

            page.locator("#needsAnswer").check();
            page.locator("#filter-apply").click();
            page.waitForURL(Pattern.compile(".*needsAnswer=true.*"));
            assertThat(page.locator("#needsAnswer")).isChecked();
            assertThat(page.locator(".warning-row[data-warning='" + late + "']"))
                    .hasCount(1);
            assertThat(page.locator(".warning-row[data-warning='" + miss + "']"))
                    .hasCount(0);
            page.locator("#q").fill(token + "-khong-co");
            page.locator("#filter-apply").click();
            assertThat(page.locator("#no-warnings")).hasText("Không có cảnh báo nào khớp bộ lọc.");
            page.locator("#filter-clear").click();
            assertThat(page.locator(".warning-row[data-warning='" + miss + "']"))
                    .hasCount(1);

            page.locator(".warning-row[data-warning='" + miss + "'] .warning-link")
                    .click();
            page.waitForURL("**/warnings/" + miss);
            assertThat(page.locator("#declare-card")).isVisible();
            assertThat(page.locator("#declare-system option")).hasCount(2);
            page.locator("#declare-system").selectOption(String.valueOf(missed));
            page.locator("#declare-submit").click();
            assertThat(page.locator("#declare-note-error")).hasText("Cần nêu lý do hệ thống bị ảnh hưởng.");
            assertThat(page.locator("#declare-system")).hasValue(String.valueOf(missed));
            page.locator("#declare-note").fill("Giao diện quản trị dùng lodash 4.17.15 đóng gói sẵn");
            page.locator("#declare-submit").click();
            assertThat(page.locator("#message")).hasText("Đã khai báo hệ thống bị ảnh hưởng; trạng thái: Đã xác nhận.");
            Locator row = page.locator(".affected-row[data-system='" + missed + "']");
            assertThat(row.locator(".matched-by")).hasText("Đơn vị tự khai báo");
            assertThat(row).containsText("lodash 4.17.15");
            assertThat(row.locator(".response-form")).hasCount(1);
            assertThat(page.locator("#declare-system option[value='" + missed + "']"))
                    .hasCount(0);
            assertThat(page.locator("#declare-system option")).hasCount(1);
            assertThat(page.locator("#warning-title")).hasText(missTitle);
        }
        assertThat(missedName).isNotBlank();
    }

    private long publish(WarningsApiTest.Tree t, String title, List<Map<String, Object>> affected) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", t.province().id());
        body.put("title", title);
        body.put("severity", "HIGH");
        body.put("cves", List.of());
        body.put("affected", affected);
        body.put("acknowledgeBy", LocalDate.now().minusDays(1).toString());
        body.put("fixBy", LocalDate.now().plusDays(6).toString());
        body.put("tlp", "GREEN");
        Http.Response r = http.api(t.publisher().token()).post("/api/v1/warnings", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
