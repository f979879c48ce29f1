package vn.khien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * {@code POST /api/v1/incidents/{id}/{step}} answers its errors in the API's one problem+json shape (issue 10): type
 * {@code urn:khien:problem:…}, title the status's reason, status, detail, instance, and {@code errors} naming the
 * field — an unknown step names {@code step} with the accepted steps like a dossier's unknown {@code action} (it was
 * a bare 404 of the container), a note over its column names {@code note} (it was a field-less 422 from the database).
 */
class IncidentStepProblemTest extends IntegrationTest {

    @Test
    void everyRefusedStepIsTheApisProblemShapeNamingTheField() {
        TestData.Org unit = data.org(data.root(), "Bệnh viện bước");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long id = IncidentReports.report(api, unit, null, "Mã độc (bước)");
        String base = "/api/v1/incidents/" + id;

        JsonNode unknown = problem(api.post(base + "/nope", Map.of()), 400, "invalid-parameter", base + "/nope");
        assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("step");
        assertThat(unknown.at("/errors/0/accepted").toString())
                .contains("verify", "reject", "contain", "eradicate", "recover", "close");
        assertThat(unknown.at("/errors/0/message").asString()).contains("step", "verify");
        // the same words as a dossier's unknown action
        JsonNode dossier = problem(
                api.post("/api/v1/dossiers/1/actions/NOPE", Map.of()),
                400,
                "invalid-parameter",
                "/api/v1/dossiers/1/actions/NOPE");
        assertThat(keys(unknown)).isEqualTo(keys(dossier));
        assertThat(keys(unknown.at("/errors/0"))).isEqualTo(keys(dossier.at("/errors/0")));

        JsonNode missing = problem(
                api.post("/api/v1/incidents/2000000123/verify", Map.of()),
                404,
                "not-found",
                "/api/v1/incidents/2000000123/verify");
        assertThat(keys(missing))
                .isEqualTo(keys(problem(
                        api.get("/api/v1/incidents/2000000123"), 404, "not-found", "/api/v1/incidents/2000000123")));

        problem(api.post("/api/v1/incidents/abc/verify", Map.of()), 400, "invalid-parameter", null);

        JsonNode wrongType = problem(api.post(base + "/verify", Map.of("note", 5)), 400, "unreadable-body", null);
        assertThat(wrongType.at("/errors/0/field").asString()).isEqualTo("note");

        JsonNode tooLong =
                problem(api.post(base + "/verify", Map.of("note", "x".repeat(4001))), 422, "validation", null);
        assertThat(tooLong.at("/errors/0/field").asString()).isEqualTo("note");

        JsonNode notNow = problem(api.post(base + "/recover", Map.of()), 422, "validation", base + "/recover");
        assertThat(notNow.at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(notNow.at("/errors/0/message").asString()).isNotBlank();

        // and the step itself still moves the case
        Http.Response verified = api.post(base + "/verify", Map.of("note", "Đã xác minh"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
    }

    static JsonNode problem(Http.Response r, int status, String type, String instance) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asString()).as(r.body()).isEqualTo("urn:khien:problem:" + type);
        assertThat(p.path("title").asString())
                .as(r.body())
                .isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(p.path("status").asInt()).as(r.body()).isEqualTo(status);
        assertThat(p.path("detail").asString()).as(r.body()).isNotBlank();
        if (instance != null) {
            assertThat(p.path("instance").asString()).as(r.body()).isEqualTo(instance);
        }
        return p;
    }

    static List<String> keys(JsonNode n) {
        return n.propertyNames().stream().sorted().toList();
    }
}
