package vn.khien.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * One request id (issue 15): taken from {@code X-Request-Id} when well formed, made otherwise; echoed in the
 * response header, in every problem+json body (from a controller, from the security chain, from the API's error
 * filter) and in the audit record the request wrote.
 */
class RequestIdTest extends IntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void problemBodiesCarryTheRequestIdGivenOrMade() throws Exception {
        TestData.Person p = data.person(data.org(data.root(), data.unique("Đơn vị mã yêu cầu")), Role.SECURITY_OFFICER);
        String given = data.unique("lb-req-").replaceAll("[^A-Za-z0-9._-]", "");

        HttpResponse<String> notFound = send(HttpRequest.newBuilder(uri("/api/v1/systems/987654321098"))
                .header("Authorization", "Bearer " + p.token())
                .header("X-Request-Id", given)
                .GET());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(notFound).get("requestId").asString()).isEqualTo(given);
        assertThat(notFound.headers().firstValue("X-Request-Id")).hasValue(given);

        HttpResponse<String> unauthenticated = send(HttpRequest.newBuilder(uri("/api/v1/systems"))
                .header("X-Request-Id", "bad id with spaces")
                .GET());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        String made = unauthenticated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made).matches("[0-9a-f]{16}");
        assertThat(json(unauthenticated).get("requestId").asString()).isEqualTo(made);

        HttpResponse<String> badParameter = send(HttpRequest.newBuilder(uri("/api/v1/systems/not-a-number"))
                .header("Authorization", "Bearer " + p.token())
                .header("X-Request-Id", given + "-2")
                .GET());
        assertThat(badParameter.statusCode()).isEqualTo(400);
        assertThat(json(badParameter).get("requestId").asString()).isEqualTo(given + "-2");
    }

    @Test
    void theAuditRecordOfARequestCarriesItsId() throws Exception {
        TestData.Person p =
                data.person(data.org(data.root(), data.unique("Đơn vị kiểm toán mã")), Role.SECURITY_OFFICER);
        String given = data.unique("audit-req-").replaceAll("[^A-Za-z0-9._-]", "");
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", given)
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of(
                        "username",
                        p.username(),
                        "password",
                        TestData.PASSWORD,
                        "name",
                        "mã yêu cầu",
                        "expiresInDays",
                        1)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(data.jdbc()
                        .sql("SELECT request_id FROM audit_event WHERE action = 'TOKEN_CREATED' AND target_id = :p"
                                + " ORDER BY id DESC")
                        .param("p", String.valueOf(p.id()))
                        .query(String.class)
                        .list())
                .first()
                .isEqualTo(given);
        assertThat(admin().post("/api/v1/audit/verify", "").json().get("intact").asBoolean())
                .isTrue();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Http.JSON.readTree(r.body());
    }
}
