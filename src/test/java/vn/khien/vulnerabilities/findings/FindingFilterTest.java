package vn.khien.vulnerabilities.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The findings filter is bound once for the API and the pages (ADR 0057); a value of the wrong type still answers as
 * each request parameter did: the parameter's name and what it accepts, a 400 problem in the API, the wrong-parameter
 * page for pages; an empty value reads as absent.
 */
class FindingFilterTest extends IntegrationTest {

    @Test
    void theApiNamesTheWrongParameterAndWhatItAccepts() {
        TestData.Org unit = data.org(data.root(), data.unique("Đơn vị bộ lọc lỗ hổng"));
        Http.Api api = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
        String list = "/api/v1/organizations/" + unit.id() + "/findings";

        Http.Response status = api.get(list + "?status=FOO");
        JsonNode error = problem(status, "status");
        assertThat(error.get("accepted").toString()).contains("OPEN").contains("FALSE_POSITIVE");
        assertThat(error.get("messageVi").asText()).contains("Tham số \"status\"");
        assertThat(problem(api.get(list + "?severity=SEVERE"), "severity")
                        .get("accepted")
                        .toString())
                .contains("CRITICAL");
        assertThat(problem(api.get(list + "?page=x"), "page").get("messageVi").asText())
                .isEqualTo("Tham số \"page\" phải là một số.");
        assertThat(problem(api.get(list + "?size=1.5"), "size").has("accepted")).isFalse();
        problem(api.get(list + "?overdue=maybe"), "overdue");
        problem(api.get("/api/v1/systems/987654321/findings?status=FOO"), "status");

        // Empty values read as absent, and the defaults hold: nothing is filtered, the first page of 50.
        Http.Response empty = api.get(list + "?status=&severity=&cve=&host=&overdue=&page=&size=&after=&before=");
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().get("total").asLong()).isZero();
    }

    @Test
    void pagesSayWhichParameterIsWrong() {
        TestData.Org unit = data.org(data.root(), data.unique("Đơn vị bộ lọc trang"));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        for (String path : new String[] {"/findings", "/organizations/" + unit.id() + "/findings"}) {
            Http.Response wrong = session.get(path + "?severity=SEVERE");
            assertThat(wrong.status()).as(path).isEqualTo(400);
            assertThat(wrong.body())
                    .as(path)
                    .contains("data-parameter=\"severity\"")
                    .contains("CRITICAL")
                    .doesNotContain("Exception");
            Http.Response page = session.get(path + "?page=x");
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("data-parameter=\"page\"").contains("phải là một số");
            assertThat(session.get(path + "?status=&page=").status()).as(path).isEqualTo(200);
        }
    }

    private static JsonNode problem(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        return error;
    }
}
