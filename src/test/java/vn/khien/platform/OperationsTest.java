package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Metrics for the platform's operators only, and one request id per request, echoed and kept from the balancer. */
class OperationsTest extends IntegrationTest {

    @Test
    void prometheusAnswersOnlyAPlatformAdministratorsToken() {
        Http.Response anonymous = http.api("").get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

        TestData.Org unit = data.org(data.root(), "Đơn vị đo");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        assertThat(http.api(officer.token()).get("/actuator/prometheus").status())
                .isEqualTo(403);

        admin().get("/api/v1/systems");
        Http.Response metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections");
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneFromTheBalancerIsKept() throws Exception {
        Http.Response first = admin().get("/api/v1/systems");
        Http.Response second = admin().get("/api/v1/systems");
        assertThat(first.header("X-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));

        var request = HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("X-Request-Id", "lb-7f3a9c21-0001")
                .GET()
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a9c21-0001");

        var forged = HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("X-Request-Id", "<script>")
                .GET()
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(forged, HttpResponse.BodyHandlers.discarding())
                        .headers()
                        .firstValue("X-Request-Id")
                        .orElseThrow())
                .matches("[0-9a-f]{16}");
    }
}
