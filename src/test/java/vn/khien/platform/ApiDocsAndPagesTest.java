package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

class ApiDocsAndPagesTest extends IntegrationTest {

    @Test
    void openApiDescribesTheApiAndTheBrowsablePageIsServed() {
        Http.Response docs = http.api(null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/organizations")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/tokens")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/audit")).isTrue();
        assertThat(http.session().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void badFilterInputShowsAVietnameseErrorPageNotAStackTrace() {
        TestData.Person auditor = data.person(data.org(data.root(), "Lọc"), Role.AUDITOR);
        Http.Session s = http.session();
        s.login(auditor.username(), TestData.PASSWORD);
        Http.Response r = s.get("/audit?from=31-02-xyz");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("dd/MM/yyyy").doesNotContain("Exception");
        Http.Response ok = s.get("/audit?from=01/01/2020&to=31/12/2099");
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void staticAssetsComeFromWebJarsNotTheInternet() {
        Http.Response home = http.session().get("/login");
        assertThat(home.body()).doesNotContain("https://").contains("/webjars/bootstrap/");
        assertThat(http.session().get("/webjars/htmx.org/dist/htmx.min.js").status())
                .isEqualTo(200);
        assertThat(http.session().get("/webjars/chart.js/dist/chart.umd.js").status())
                .isEqualTo(200);
    }
}
