package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 15: the findings list pages by keyset. Following {@code next} as {@code after} reads every finding once, in
 * the list's order (most severe first, nearest due date, no due date last, then id), whatever the ties and missing
 * due dates; {@code page} alone still reads by offset; a malformed cursor is a problem naming {@code after}; the
 * page's "next" link carries the cursor.
 */
class FindingsKeysetPagingTest extends IntegrationTest {

    record Row(long id, int rank, LocalDate due) {}

    TestData.Org unit;
    TestData.Person officer;
    long system;
    List<Long> expected;

    @BeforeEach
    void findingsWithTiesAndMissingDueDates() {
        unit = data.org(data.root(), "Đơn vị phân trang");
        officer = data.person(unit, Role.SECURITY_OFFICER);
        system = ScanFixtures.system(data, unit);
        int[] plugins = new int[17];
        for (int i = 0; i < plugins.length; i++) {
            plugins[i] = i + 1; // severities 0..4 (id % 5): informational ones have no due date
        }
        ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                "p.nessus",
                ScanFixtures.nessus(Map.of("10.9.9.9", plugins)),
                Map.of());
        List<Long> ids = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s ORDER BY id")
                .param("s", system)
                .query(Long.class)
                .list();
        // Varied due dates with ties, and findings of real severities without one (their SLA was cleared).
        LocalDate base = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < ids.size(); i++) {
            LocalDate due = i % 4 == 3 ? null : base.plusDays(i % 3);
            data.jdbc()
                    .sql("UPDATE finding SET due_date = :d WHERE id = :id")
                    .param("d", due == null ? null : Date.valueOf(due))
                    .param("id", ids.get(i))
                    .update();
        }
        List<Row> rows = data.jdbc()
                .sql("SELECT id, severity_rank, due_date FROM finding WHERE system_id = :s")
                .param("s", system)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .list();
        expected = rows.stream()
                .sorted(Comparator.comparingInt(Row::rank)
                        .thenComparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(Row::id))
                .map(Row::id)
                .toList();
        assertThat(rows.stream().filter(r -> r.due() == null).map(Row::rank).distinct())
                .as("missing due dates in several severities")
                .hasSizeGreaterThan(1);
    }

    List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void followingNextReadsEveryFindingOnceInTheListsOrder() {
        Http.Api api = http.api(officer.token());
        String path = "/api/v1/systems/" + system + "/findings?size=3";
        List<Long> seen = new ArrayList<>();
        JsonNode page = api.get(path).json();
        int pages = 1;
        while (true) {
            assertThat(page.get("total").asLong()).isEqualTo(expected.size());
            seen.addAll(ids(page));
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                break;
            }
            Http.Response r = api.get(path + "&after=" + next.asString());
            assertThat(r.status()).isEqualTo(200);
            page = r.json();
            pages++;
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 2) / 3);

        // The organisation's list pages the same way.
        Http.Response org = api.get("/api/v1/organizations/" + unit.id() + "/findings?size=5");
        String cursor = org.json().get("next").asString();
        List<Long> second = ids(api.get("/api/v1/organizations/" + unit.id() + "/findings?size=5&after=" + cursor)
                .json());
        assertThat(second).containsExactlyElementsOf(expected.subList(5, 10));
    }

    @Test
    void anOffsetPageStillWorksAndAMalformedCursorNamesTheField() {
        Http.Api api = http.api(officer.token());
        JsonNode third =
                api.get("/api/v1/systems/" + system + "/findings?size=3&page=2").json();
        assertThat(ids(third)).containsExactlyElementsOf(expected.subList(6, 9));

        Http.Response bad = api.get("/api/v1/systems/" + system + "/findings?after=drop-table");
        assertThat(bad.status()).isIn(400, 422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
    }

    @Test
    void thePagesNextLinkCarriesTheCursor() {
        // The page shows 50 a page: enough findings for two pages.
        Map<String, int[]> hosts = Map.of("10.9.9.10", range(60), "10.9.9.11", range(60));
        ScanFixtures.importReport(
                http.api(officer.token()),
                system,
                "big.nessus",
                ScanFixtures.nessus(hosts),
                Map.of("fullScan", "false"));
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response first = s.get("/systems/" + system + "/findings");
        assertThat(first.status()).isEqualTo(200);
        Matcher m = Pattern.compile("href=\"([^\"]*after=[^\"]*)\"").matcher(first.body());
        assertThat(m.find()).as("a next link with a cursor").isTrue();
        Http.Response second = s.get(m.group(1).replace("&amp;", "&"));
        assertThat(second.status()).isEqualTo(200);
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = 100 + i;
        }
        return r;
    }
}
