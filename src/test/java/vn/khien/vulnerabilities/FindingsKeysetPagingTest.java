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
 * due dates; following {@code previous} as {@code before} reads the same pages backwards (first, middle and last page
 * boundaries at every row, across ties of severity and due date and missing due dates); {@code page} alone still
 * reads by offset; a malformed cursor is a problem naming its parameter; the page's links carry the cursors.
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

    /** The pages of the system's list, following next from the first page. */
    List<JsonNode> forward(Http.Api api, int size) {
        String path = "/api/v1/systems/" + system + "/findings?size=" + size;
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = api.get(path).json();
        pages.add(page);
        while (!page.get("next").isNull()) {
            page = api.get(path + "&after=" + page.get("next").asString()).json();
            pages.add(page);
        }
        return pages;
    }

    @Test
    void followingPreviousFromTheLastPageReadsTheSamePagesBackwards() {
        Http.Api api = http.api(officer.token());
        // Page sizes 1 to 5 put a page boundary between every two neighbours of the list: within a tie of severity
        // and due date, between a due date and none, and between severities.
        for (int size = 1; size <= 5; size++) {
            List<JsonNode> pages = forward(api, size);
            assertThat(pages).hasSize((expected.size() + size - 1) / size);
            assertThat(pages.get(0).get("previous").isNull())
                    .as("the first page has no previous")
                    .isTrue();
            assertThat(pages.get(pages.size() - 1).get("next").isNull()).isTrue();
            List<Long> seen = new ArrayList<>();
            pages.forEach(p -> seen.addAll(ids(p)));
            assertThat(seen).as("size %d forwards", size).containsExactlyElementsOf(expected);

            String path = "/api/v1/systems/" + system + "/findings?size=" + size;
            JsonNode page = pages.get(pages.size() - 1);
            for (int i = pages.size() - 2; i >= 0; i--) {
                assertThat(page.get("previous").isNull())
                        .as("size %d page %d has a previous", size, i + 1)
                        .isFalse();
                Http.Response r =
                        api.get(path + "&before=" + page.get("previous").asString());
                assertThat(r.status()).isEqualTo(200);
                page = r.json();
                assertThat(ids(page))
                        .as("size %d, page %d read backwards", size, i)
                        .isEqualTo(ids(pages.get(i)));
                assertThat(page.get("next").asString())
                        .as("a page read backwards leads forwards again")
                        .isEqualTo(pages.get(i).get("next").asString());
                assertThat(page.get("total").asLong()).isEqualTo(expected.size());
            }
            assertThat(page.get("previous").isNull())
                    .as("back at the first page")
                    .isTrue();
        }
    }

    @Test
    void previousNearTheStartGivesAFullFirstPageAndAnOffsetPageHasAPrevious() {
        Http.Api api = http.api(officer.token());
        String path = "/api/v1/systems/" + system + "/findings?size=4";
        // Offset page 2 (third page) has a previous: the offset page before it.
        JsonNode third = api.get(path + "&page=2").json();
        assertThat(ids(third)).containsExactlyElementsOf(expected.subList(8, 12));
        JsonNode second =
                api.get(path + "&before=" + third.get("previous").asString()).json();
        assertThat(ids(second)).containsExactlyElementsOf(expected.subList(4, 8));

        // A cursor with fewer rows than a page before it (the link of the second page after rows of the first were
        // fixed): the first page, full, with no previous.
        JsonNode fromSecond =
                api.get(path + "&before=" + second.get("previous").asString()).json();
        assertThat(ids(fromSecond)).containsExactlyElementsOf(expected.subList(0, 4));
        String cursor = api.get(path + "&after=" + fromSecond.get("next").asString())
                .json()
                .get("previous")
                .asString();
        data.jdbc()
                .sql("UPDATE finding SET status = 'FIXED' WHERE id IN (:ids)")
                .param("ids", expected.subList(0, 2))
                .update();
        JsonNode first = api.get(path + "&status=OPEN&before=" + cursor).json();
        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(2, 6));
        assertThat(first.get("previous").isNull()).isTrue();
    }

    @Test
    void aMalformedBeforeOrBothCursorsNameTheField() {
        Http.Api api = http.api(officer.token());
        for (String query : List.of("before=1..x", "before=9.2026-13-01.4", "after=1..3&before=1..2")) {
            Http.Response bad = api.get("/api/v1/systems/" + system + "/findings?" + query);
            assertThat(bad.status()).as(query).isIn(400, 422);
            assertThat(bad.json().get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo("before");
        }
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response page = s.get("/systems/" + system + "/findings?before=drop-table");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("data-parameter=\"before\"");
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
        assertThat(second.body()).containsAnyOf(">Trang 2/", ">Page 2/");
        Matcher back = Pattern.compile("href=\"([^\"]*before=[^\"]*)\"").matcher(second.body());
        assertThat(back.find()).as("a previous link with a cursor").isTrue();
        Http.Response again = s.get(back.group(1).replace("&amp;", "&"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).containsAnyOf(">Trang 1/", ">Page 1/");
        assertThat(rowLinks(again.body())).isEqualTo(rowLinks(first.body()));
        assertThat(again.body()).doesNotContain("before=");
    }

    /** The finding links of a list page, in order. */
    static List<String> rowLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"/findings/(\\d+)\"").matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = 100 + i;
        }
        return r;
    }
}
