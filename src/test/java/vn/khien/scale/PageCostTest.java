package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.StatementCounter;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * What one request costs (issue 15): the number of SQL statements a page or API call issues does not grow with the
 * rows it shows (no N+1 query), counted by {@link StatementCounter} per request id; and page links are no longer
 * resolved against the static resources unless they point at one (ADR 0026).
 */
class PageCostTest extends IntegrationTest {

    TestData.Person few;
    TestData.Person many;
    long fewSystem;
    long manySystem;

    @BeforeEach
    void twoUnitsWithOneAndManyFindings() {
        TestData.Org a = data.org(data.root(), data.unique("Đơn vị ít lỗ hổng"));
        TestData.Org b = data.org(data.root(), data.unique("Đơn vị nhiều lỗ hổng"));
        few = data.person(a, Role.SECURITY_OFFICER);
        many = data.person(b, Role.SECURITY_OFFICER);
        fewSystem = ScanTestSupport.system(data, a);
        manySystem = ScanTestSupport.system(data, b);
        importReport(few, fewSystem, Map.of("10.9.0.1", new int[] {4}));
        Map<String, int[]> hosts = new LinkedHashMap<>();
        for (int h = 1; h <= 3; h++) {
            hosts.put(
                    "10.9.1." + h,
                    IntStream.rangeClosed(1, 40).map(p -> p * 5 + 4).toArray());
        }
        importReport(many, manySystem, hosts);
    }

    @Test
    void theStatementsOfAPageOrApiCallDoNotGrowWithTheFindingsShown() {
        Http.Session fewBrowser = signIn(few);
        Http.Session manyBrowser = signIn(many);
        assertThat(manyBrowser.get("/systems/" + manySystem + "/findings").body())
                .contains("Plugin 204");

        for (String page : new String[] {
            "/systems/%d/findings",
            "/systems/%d/findings?status=OPEN&severity=CRITICAL",
            "/findings",
            "/findings?severity=CRITICAL&status=OPEN",
            "/"
        }) {
            String fewPath = page.formatted(fewSystem);
            String manyPath = page.formatted(manySystem);
            statements(fewBrowser.get(fewPath)); // first visit: caches, session
            statements(manyBrowser.get(manyPath));
            int withOne = statements(fewBrowser.get(fewPath));
            int withMany = statements(manyBrowser.get(manyPath));
            assertThat(withMany)
                    .as("statements of %s with 40 findings vs 1", page)
                    .isEqualTo(withOne);
            assertThat(withOne).as("statements of %s", page).isPositive().isLessThan(80);
        }
        Http.Api fewApi = http.api(few.token());
        Http.Api manyApi = http.api(many.token());
        String api = "/api/v1/systems/%d/findings";
        statements(fewApi.get(api.formatted(fewSystem)));
        statements(manyApi.get(api.formatted(manySystem)));
        Http.Response manyFindings = manyApi.get(api.formatted(manySystem));
        assertThat(manyFindings.json().get("total").asLong()).isEqualTo(40);
        assertThat(statements(manyFindings)).isEqualTo(statements(fewApi.get(api.formatted(fewSystem))));
    }

    @Test
    void theOperatorsPageCostsTheSameForOneOrManyAdministeredOrganisations() {
        TestData.Org small = data.org(data.root(), data.unique("Đơn vị một cấp dưới"));
        data.org(small, data.unique("Cấp dưới"));
        TestData.Org large = data.org(data.root(), data.unique("Đơn vị nhiều cấp dưới"));
        for (int i = 0; i < 12; i++) {
            data.org(large, data.unique("Cấp dưới " + i));
        }
        Http.Session smallAdmin = signIn(data.person(small, Role.ORG_ADMIN));
        Http.Session largeAdmin = signIn(data.person(large, Role.ORG_ADMIN));
        statements(smallAdmin.get("/operators"));
        statements(largeAdmin.get("/operators"));
        Http.Response largePage = largeAdmin.get("/operators");
        assertThat(largePage.body()).contains("Cấp dưới 11");
        assertThat(statements(largePage))
                .as("statements of /operators with 13 administered organisations vs 2")
                .isEqualTo(statements(smallAdmin.get("/operators")));
    }

    @Test
    void linksToPagesStayAsWrittenAndStaticResourcesGetTheirVersionedPath() {
        String body = signIn(many).get("/systems/" + manySystem + "/findings").body();
        assertThat(body)
                .containsPattern("/webjars/bootstrap/[0-9][0-9.]*/dist/css/bootstrap.min.css")
                .contains("href=\"/css/khien.css\"")
                .contains("/systems/" + manySystem);
    }

    private Http.Session signIn(TestData.Person p) {
        Http.Session s = http.session();
        assertThat(s.login(p.username(), TestData.PASSWORD).status()).isEqualTo(302);
        return s;
    }

    private void importReport(TestData.Person p, long system, Map<String, int[]> hosts) {
        Http.Api api = http.api(p.token());
        Http.Response r =
                api.upload("/api/v1/systems/" + system + "/scans", "r.nessus", ScanTestSupport.nessus(hosts), Map.of());
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        JsonNode scan = r.json();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!scan.get("status").asString().equals("COMPLETED")) {
            assertThat(scan.get("status").asString()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("import finishes").isLessThan(deadline);
            LockSupport.parkNanos(100_000_000L);
            scan = api.get("/api/v1/scans/" + scan.get("id").asLong()).json();
        }
    }

    /** The request's statement count; the server records it right after the response, so wait a moment for it. */
    static int statements(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.header("X-Request-Id");
        assertThat(id).isNotBlank();
        long deadline = System.nanoTime() + 5_000_000_000L;
        OptionalInt n = StatementCounter.statementsOf(id);
        while (n.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
            n = StatementCounter.statementsOf(id);
        }
        assertThat(n).as("statements of request " + id).isPresent();
        return n.getAsInt();
    }
}
