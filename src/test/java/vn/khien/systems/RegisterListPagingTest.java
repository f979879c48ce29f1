package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The register list shows its systems a hundred at a time (issue 15: 2,000 rows rendered cost 0.4 s of server time per
 * request at a province's scale), with the exact count while everything fits on one page and links to the pages
 * before and after.
 */
class RegisterListPagingTest extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>");

    @Test
    void aHundredSystemsAPageWithLinksBothWays() {
        TestData.Org unit = data.org(data.root(), data.unique("Đơn vị nhiều hệ thống"));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        for (int i = 0; i < 101; i++) {
            ScanTestSupport.system(data, unit);
        }
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);

        String first = session.get("/systems").body();
        assertThat(rows(first)).isEqualTo(100);
        assertThat(first).contains("Hệ thống thứ 1–100").contains("id=\"systems-next\"");
        assertThat(first).doesNotContain("id=\"systems-previous\"");

        String second = session.get("/systems?page=1").body();
        assertThat(rows(second)).isEqualTo(1);
        assertThat(second).contains("Hệ thống thứ 101–101").contains("id=\"systems-previous\"");
        assertThat(second).doesNotContain("id=\"systems-next\"");

        // Within one page: the exact count, no links.
        String filtered = session.get("/systems?q=" + codeOfOne(first)).body();
        assertThat(rows(filtered)).isEqualTo(1);
        assertThat(filtered).contains("Số hệ thống: 1").doesNotContain("id=\"systems-pages\"");
    }

    private static int rows(String html) {
        String table = html.substring(html.indexOf("id=\"systems\""));
        Matcher m = ROW.matcher(table.substring(0, table.indexOf("</table>")));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String codeOfOne(String html) {
        Matcher m = Pattern.compile("<tr>\\s*<td>([^<]+)</td>").matcher(html.substring(html.indexOf("id=\"systems\"")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
