package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A wrong query or path parameter answers with the parameter's name and what it accepts (issue 9): problem+json in the
 * API (Vietnamese and English), a Vietnamese page for pages. Said once, in the platform's error handling.
 */
class ParameterErrorsTest extends IntegrationTest {

    @Test
    void theApiNamesTheParameterAndItsAcceptedValues() {
        Http.Response r = admin().get("/api/v1/systems?status=FOO");
        InputHardeningTest.assertProblem(r, 400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("status");
        assertThat(error.get("accepted").toString()).contains("OPERATING");
        assertThat(error.get("messageVi").asText())
                .contains("Tham số \"status\"")
                .contains("OPERATING");
        assertThat(error.get("messageEn").asText())
                .contains("Parameter \"status\"")
                .contains("OPERATING");

        Http.Response id = admin().get("/api/v1/systems/abc");
        InputHardeningTest.assertProblem(id, 400);
        JsonNode idError = id.json().get("errors").get(0);
        assertThat(idError.get("field").asText()).isEqualTo("id");
        assertThat(idError.get("messageVi").asText()).isEqualTo("Tham số \"id\" phải là một số.");
        assertThat(idError.has("accepted")).isFalse();
    }

    @Test
    void pagesSayWhichParameterInVietnamese() {
        TestData.Person officer = data.person(data.org(data.root(), data.unique("Sở tham số")), Role.SECURITY_OFFICER);
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);

        Http.Response list = session.get("/systems?status=FOO");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.body())
                .contains("data-parameter=\"status\"")
                .contains("Tham số")
                .contains("OPERATING")
                .doesNotContain("Exception");

        Http.Response page = session.get("/systems/abc");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("data-parameter=\"id\"").contains("phải là một số");
    }
}
