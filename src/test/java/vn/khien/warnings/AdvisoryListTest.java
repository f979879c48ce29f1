package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The advisory list ({@code GET /advisories}, ADR 0073): a page at a time with the count of all that match, each
 * filter narrowing in SQL; "in my systems" counts only the caller's own systems (a unit of another subtree with the
 * same CVE is not counted, and an outsider finds nothing); "publish as warning" only for those who may publish, and
 * it fills the warning form from the advisory.
 */
class AdvisoryListTest extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("class=\"advisory-row\" data-id=\"(\\d+)\"");

    @Test
    void theListPagesWithCountsFiltersInSqlAndScopesMySystems() {
        WarningsApiTest.Tree t = new WarningsFixture(http, data).tree();
        // 55 NVD records of one unique CVE prefix: 20 CRITICAL published in 2031, 35 LOW in 2030
        int prefix = 10000 + ThreadLocalRandom.current().nextInt(89999);
        String stem = "CVE-2031-" + prefix;
        Http.Response imported = http.api(t.publisher().token())
                .upload("/api/v1/advisory-feeds", "nvd-page.json", nvdPage(stem, 55), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(55);

        Http.Session publisher = session(t.publisher());
        Http.Response first = publisher.get("/advisories?cve=" + stem);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Hiển thị 1–50 trên tổng số 55 cảnh báo nguồn.");
        assertThat(rows(first)).hasSize(50);
        assertThat(first.body()).contains("Trang 1/2");
        Http.Response second = publisher.get("/advisories?cve=" + stem + "&page=2");
        assertThat(second.body()).contains("Hiển thị 51–55 trên tổng số 55 cảnh báo nguồn.");
        assertThat(rows(second)).hasSize(5).doesNotContainAnyElementsOf(rows(first));

        assertThat(publisher
                        .get("/advisories?cve=" + stem + "&severity=CRITICAL")
                        .body())
                .contains("trên tổng số 20 cảnh báo nguồn.");
        assertThat(publisher
                        .get("/advisories?cve=" + stem + "&kind=NVD&from=01/01/2031&to=31/12/2031")
                        .body())
                .contains("trên tổng số 20 cảnh báo nguồn.");
        assertThat(publisher.get("/advisories?cve=" + stem + "&to=2030-12-31").body())
                .contains("trên tổng số 35 cảnh báo nguồn.");
        assertThat(publisher.get("/advisories?cve=" + stem + "&kind=KEV").body())
                .contains("Không có cảnh báo nguồn nào.");
        assertThat(publisher.get("/advisories?cve=" + stem + "&kev=true").body())
                .contains("Không có cảnh báo nguồn nào.");
        Http.Response bad = publisher.get("/advisories?cve=" + stem + "&from=31/02/2031&severity=SEVERE");
        assertThat(bad.body())
                .contains("Ngày &quot;31/02/2031&quot; không hợp lệ")
                .contains("Mức độ &quot;SEVERE&quot; không có")
                .contains("trên tổng số 55 cảnh báo nguồn.");

        // unit B's system reports the 7th CVE in an open finding; a system of another subtree reports it too
        String cve = stem + "07";
        long mine = ScanTestSupport.system(data, t.unitB());
        long elsewhere = ScanTestSupport.system(data, data.org(data.root(), "Tỉnh khác"));
        for (long system : new long[] {mine, elsewhere}) {
            Http.Response scan =
                    admin().upload("/api/v1/systems/" + system + "/scans", "r.nessus", nessus(cve), Map.of());
            assertThat(scan.status()).as(scan.body()).isIn(201, 202);
        }
        waitForFinding(mine, cve);
        waitForFinding(elsewhere, cve);
        Http.Response mineOnly = publisher.get("/advisories?mine=true&cve=" + stem);
        assertThat(mineOnly.body()).contains("trên tổng số 1 cảnh báo nguồn.").contains(cve);
        assertThat(mineOnly.body()).contains("1 hệ thống").doesNotContain("2 hệ thống");
        assertThat(mineOnly.body())
                .contains("href=\"/warnings?advisory=" + rows(mineOnly).get(0) + "#publish-card\"");

        // the publish form, filled from the advisory
        Http.Response form =
                publisher.get("/warnings?advisory=" + rows(mineOnly).get(0));
        assertThat(form.body())
                .contains("id=\"advisory-note\"")
                .contains("value=\"" + cve + "\"")
                .contains("name=\"advisoryId\" id=\"advisoryId\" inputmode=\"numeric\" value=\""
                        + rows(mineOnly).get(0));

        // an officer of a unit without subordinates reads the library but is not offered to publish
        Http.Session unit = session(t.officerA());
        Http.Response read = unit.get("/advisories?cve=" + stem);
        assertThat(read.body()).contains("trên tổng số 55 cảnh báo nguồn.").doesNotContain("publish-from");
        assertThat(unit.get("/advisories?mine=true&cve=" + stem).body()).contains("Không có cảnh báo nguồn nào.");
        assertThat(unit.get("/advisories/" + rows(mineOnly).get(0)).body()).doesNotContain("publish-from-advisory");
        assertThat(publisher.get("/advisories/" + rows(mineOnly).get(0)).body()).contains("publish-from-advisory");

        // someone of another subtree: the same library, none of the province's systems
        TestData.Person outsider = data.person(data.org(data.root(), "Bộ khác"), Role.SECURITY_OFFICER);
        Http.Response other = session(outsider).get("/advisories?mine=true&cve=" + stem);
        assertThat(other.body()).contains("Không có cảnh báo nguồn nào.");
    }

    private void waitForFinding(long system, String cve) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (data.jdbc()
                        .sql("SELECT COUNT(*) FROM finding WHERE system_id = :s AND cves LIKE :c")
                        .param("s", system)
                        .param("c", "%," + cve + ",%")
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(System.currentTimeMillis())
                    .as("the scan import finishes")
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Http.Session session(TestData.Person p) {
        Http.Session s = http.session();
        assertThat(s.login(p.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s;
    }

    private static List<String> rows(Http.Response r) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(r.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static byte[] nessus(String cve) {
        String xml = "<?xml version=\"1.0\" ?>\n<NessusClientData_v2><Report name=\"t\">\n"
                + "<ReportHost name=\"10.9.9.9\"><HostProperties><tag name=\"host-ip\">10.9.9.9</tag></HostProperties>\n"
                + "<ReportItem port=\"443\" svc_name=\"www\" protocol=\"tcp\" severity=\"3\" pluginID=\"990001\""
                + " pluginName=\"Demo flaw\" pluginFamily=\"General\"><description>d</description>"
                + "<solution>Upgrade</solution><synopsis>S</synopsis><cve>" + cve + "</cve></ReportItem>\n"
                + "</ReportHost>\n</Report></NessusClientData_v2>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** An NVD CVE API 2.0 page of {@code n} records {@code stem00…}: the first 20 CRITICAL of 2031, the rest LOW of 2030. */
    private static byte[] nvdPage(String stem, int n) {
        StringBuilder b = new StringBuilder("{\"resultsPerPage\":" + n + ",\"startIndex\":0,\"totalResults\":" + n
                + ",\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"timestamp\":\"2031-06-01T00:00:00.000\","
                + "\"vulnerabilities\":[");
        for (int i = 0; i < n; i++) {
            boolean critical = i < 20;
            b.append(i == 0 ? "" : ",")
                    .append("{\"cve\":{\"id\":\"")
                    .append(stem)
                    .append(String.format("%02d", i))
                    .append("\",\"published\":\"")
                    .append(critical ? "2031-03-01T10:00:00.000" : "2030-03-01T10:00:00.000")
                    .append("\",\"lastModified\":\"2031-03-01T10:00:00.000\",\"vulnStatus\":\"Analyzed\",")
                    .append("\"descriptions\":[{\"lang\":\"en\",\"value\":\"Test flaw ")
                    .append(i)
                    .append("\"}],\"metrics\":{\"cvssMetricV31\":[{\"source\":\"nvd@nist.gov\",\"type\":\"Primary\",")
                    .append("\"cvssData\":{\"version\":\"3.1\",\"vectorString\":\"")
                    .append(
                            critical
                                    ? "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
                                    : "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N")
                    .append("\",\"baseScore\":")
                    .append(critical ? "9.8" : "1.6")
                    .append(",\"baseSeverity\":\"")
                    .append(critical ? "CRITICAL" : "LOW")
                    .append("\"}}]},\"references\":[]}}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
