package vn.khien.warnings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * In a real browser: a unit answers two systems with one OpenVEX file, a bad file is refused naming its field, the
 * publisher forwards a received warning (the form pre-filled) and imports an advisory file on the library page.
 */
class WarningsVexBrowserTest extends IntegrationTest {

    static Path resource(String name) {
        try {
            return Path.of(WarningsVexBrowserTest.class
                    .getResource("/warnings/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unitAnswersWithVexAndPublisherForwardsAndImports() throws Exception {
        WarningsFixture f = new WarningsFixture(http, data);
        WarningsApiTest.Tree t = f.tree();
        Http.Api a = http.api(t.officerA().token());
        long s1 = ScanTestSupport.system(data, t.unitA());
        long s2 = ScanTestSupport.system(data, t.unitA());
        f.component(a, s1, null, WarningsVexTest.LOG4J);
        f.component(a, s2, null, WarningsVexTest.LOG4J);
        // received from above: published at the root, reaching the province's unit A
        TestData.Person national = data.person(data.root(), Role.SECURITY_OFFICER);
        Http.Response p = f.publish(
                http.api(national.token()),
                data.root().id(),
                "AMBER",
                List.of(Map.of(
                        "purl", "pkg:maven/org.apache.logging.log4j/log4j-core", "vers", "vers:maven/>=2.0|<2.15.0")),
                List.of("CVE-2021-44228"),
                List.of(t.province().id()),
                LocalDate.now().plusDays(3));
        long id = p.json().get("id").asLong();

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, t.officerA().username(), TestData.PASSWORD);
            page.navigate("/warnings/" + id);
            assertThat(page.locator(".affected-row")).hasCount(2);
            page.setInputFiles("#vex-file", resource("vex/openvex-no-justification.json"));
            page.click("#vex-submit");
            assertThat(page.locator("#error")).containsText("statements[0].justification");
            // a document breaking the official OpenVEX schema: refused whole, each violation on its own line in
            // Vietnamese with its JSON pointer
            String broken = new String(
                            Files.readAllBytes(resource("vex/openvex-not-affected.json")), StandardCharsets.UTF_8)
                    .replace("\"not_affected\"", "\"maybe\"");
            page.setInputFiles(
                    "#vex-file",
                    new FilePayload("broken.json", "application/json", broken.getBytes(StandardCharsets.UTF_8)));
            page.click("#vex-submit");
            assertThat(page.locator("#error")).containsText("Tài liệu VEX bị từ chối, không áp dụng gì:");
            assertThat(page.locator("#vex-errors .vex-error").first())
                    .containsText("Tài liệu không đúng lược đồ chính thức OpenVEX 0.2.0, tại /statements/0/status");
            page.setInputFiles("#vex-file", resource("vex/openvex-not-affected.json"));
            page.click("#vex-submit");
            assertThat(page.locator("#message")).containsText("2");
            assertThat(page.locator("#vex-changes li")).hasCount(2);
            assertThat(page.locator(".affected-row[data-system='" + s1 + "'] .status"))
                    .hasText("Không bị ảnh hưởng");
            assertThat(page.locator(".affected-row[data-system='" + s2 + "'] .status"))
                    .hasText("Không bị ảnh hưởng");
            Browser.screenshot(page, "warnings-vex-answered");
            page.context().clearCookies();

            Browser.signIn(page, t.publisher().username(), TestData.PASSWORD);
            page.navigate("/warnings/" + id);
            page.click("#forward");
            assertThat(page.locator("#forward-note")).isVisible();
            assertThat(page.locator("#cves")).hasValue("CVE-2021-44228");
            assertThat(page.locator("#products"))
                    .hasValue("pkg:maven/org.apache.logging.log4j/log4j-core vers:maven/>=2.0|<2.15.0");
            page.fill("#acknowledgeBy", LocalDate.now().plusDays(2).toString());
            page.fill("#fixBy", LocalDate.now().plusDays(6).toString());
            page.click("#publish");
            assertThat(page.locator("#message")).containsText("2");
            Browser.screenshot(page, "warnings-forwarded");

            page.navigate("/advisories");
            page.setInputFiles("#advisory-file", new Path[] {
                resource("misp-event.json"),
                resource("vex/cyclonedx-bad-state.json"),
                resource("csaf/broken-three-errors.json")
            });
            page.click("#advisory-submit");
            assertThat(page.locator(".outcome")).hasCount(3);
            assertThat(page.locator(".outcome").nth(0).locator(".result")).containsText("Đã nhập 1");
            assertThat(page.locator(".outcome").nth(1).locator(".result")).containsText("Bị từ chối");
            // Every schema error of a rejected file is listed with its place, not only the first (issue 11).
            assertThat(page.locator(".outcome").nth(2).locator(".result")).containsText("Bị từ chối");
            assertThat(page.locator(".outcome").nth(2).locator(".more-problems li"))
                    .hasCount(2);
            assertThat(page.locator(".outcome")
                            .nth(2)
                            .locator(".more-problems li")
                            .nth(0))
                    .containsText("Tệp không đúng lược đồ");
            Browser.screenshot(page, "advisories-imported");
        }
    }
}
