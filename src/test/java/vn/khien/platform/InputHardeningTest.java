package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.findings.FindingPagesAccess;

/**
 * The probe's reproductions of "500 instead of a clear 4xx" and "lenient input" (issue 10, findings 4 and 5): each is
 * now a 4xx problem+json naming the field where there is one, checked before the database.
 */
class InputHardeningTest extends IntegrationTest {

    static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    static void assertField(Http.Response r, String field) {
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.body()).isNotNull();
        assertThat(errors.findValuesAsString("field")).as(r.body()).contains(field);
    }

    /** A raw HTTP/1.1 exchange: status line and the whole answer, for requests an HTTP client will not send. */
    String raw(String requestLineAndHeaders) throws Exception {
        return raw(requestLineAndHeaders, "");
    }

    String raw(String requestLineAndHeaders, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertRawProblem(String answer, int status) {
        assertThat(answer)
                .as(answer.length() > 600 ? answer.substring(0, 600) : answer)
                .startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":" + status).doesNotContain("<html");
    }

    @Test
    void tomcatLevelErrorsOnApiPathsAreProblemJson() throws Exception {
        assertRawProblem(raw("GET /api/v1/systems?q=" + "a".repeat(1_000_000) + " HTTP/1.1\r\n"), 400);
        assertRawProblem(raw("GET /api/v1/systems HTTP/1.1\r\nX-Big: " + "b".repeat(100_000) + "\r\n"), 400);
        for (String path :
                new String[] {"/api/v1/systems/%00", "/api/v1/systems/%ff", "/api/v1/%2e%2e/x", "/api/v1/systems/1;x=y"
                }) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\n");
            assertThat(answer)
                    .as(path + "\n" + answer)
                    .doesNotStartWith("HTTP/1.1 500")
                    .doesNotContain("<html");
            assertThat(answer.toLowerCase())
                    .as(path + "\n" + answer)
                    .contains("content-type: application/problem+json");
        }
    }

    @Test
    void springLevelErrorsAreProblemJson() throws Exception {
        Http.Api api = admin();
        assertProblem(api.send("DELETE", "/api/v1/tokens", null), 405);
        String unsupported = raw(
                "POST /api/v1/systems HTTP/1.1\r\nAuthorization: Bearer " + ADMIN_TOKEN
                        + "\r\nContent-Type: text/xml\r\nContent-Length: 4\r\n",
                "<a/>");
        assertThat(unsupported).startsWith("HTTP/1.1 415").contains("application/problem+json");
        String notAcceptable = raw("GET /api/v1/organizations HTTP/1.1\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\nAccept: application/xml\r\n");
        assertThat(notAcceptable).startsWith("HTTP/1.1 406").contains("application/problem+json");
        assertProblem(api.post("/api/v1/systems", "{not json"), 400);
        assertProblem(api.get("/api/v1/systems/abc"), 400);
        assertProblem(api.get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void controlCharactersAreRefusedInJsonAndParameters() {
        Http.Response r = admin().post("/api/v1/systems", "{\"name\":\"a\\u0000b\"}");
        assertProblem(r, 400);
        assertField(r, "name");
        assertProblem(admin().get("/api/v1/organizations?q=a%00b"), 400);
    }

    @Test
    void strictJsonBinding() {
        Http.Api api = admin();
        Http.Response dup = api.post("/api/v1/systems", "{\"name\":\"a\",\"name\":\"b\"}");
        assertProblem(dup, 400);
        assertField(dup, "name");
        Http.Response fraction = api.post(
                "/api/v1/authority-designations",
                "{\"scopeOrganizationId\":7.5,\"role\":\"APPRAISER\",\"organizationId\":1}");
        assertProblem(fraction, 400);
        assertField(fraction, "scopeOrganizationId");
        for (String due : new String[] {"20240101", "\"+99999-01-01\"", "\"0001-01-01\"", "\"2024-02-30\""}) {
            Http.Response r = api.post("/api/v1/compliance/systems/1/tasks", "{\"title\":\"t\",\"dueOn\":" + due + "}");
            assertProblem(r, 400);
            assertField(r, "dueOn");
        }
    }

    @Test
    void lengthLimitsAreCheckedBeforeTheDatabase() {
        Http.Api api = admin();
        Http.Response title = api.post("/api/v1/compliance/systems/1/tasks", Map.of("title", "t".repeat(1_000_000)));
        assertProblem(title, 422);
        assertField(title, "title");
        Http.Response part =
                api.send("PUT", "/api/v1/dossiers/1/parts/description", Map.of("content", "x".repeat(10_000_000)));
        assertThat(part.status()).as(part.body()).isIn(400, 422);
        assertThat(part.header("Content-Type")).startsWith("application/problem+json");
        Http.Response reason = api.post(
                "/api/v1/findings/state",
                Map.of("ids", List.of(1), "status", "ACCEPTED_RISK", "reason", "r".repeat(1_000_000)));
        assertProblem(reason, 422);
        assertField(reason, "reason");
        Http.Response token =
                http.api(null).post("/api/v1/tokens", Map.of("username", "u".repeat(1_000_000), "password", "p"));
        assertProblem(token, 422);
        assertField(token, "username");
        long started = System.nanoTime();
        Http.Response yaml = rawYaml("a: " + "x".repeat(5 * 1024 * 1024));
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(422);
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("refused quickly (ms)")
                .isLessThan(5_000);
    }

    /**
     * Eighth-wave probe: a string over 1,000,000 characters is refused by the parser naming its field, unless the field
     * declares a larger @Size (a dossier's signed decision, 20 MB as base64), which the parser used to refuse too; a
     * number over 64 bits and a date-time out of 1900–2199 name their field.
     */
    @Test
    void parserLimitsNameTheFieldAndLetDeclaredLargeFilesThrough() {
        Http.Api api = admin();
        Http.Response big =
                api.post("/api/v1/compliance/systems/1/tasks", Map.of("title", "t", "owner", "o".repeat(1_000_001)));
        assertProblem(big, 400);
        assertField(big, "owner");
        assertThat(big.body()).containsAnyOf("1.000.000", "1,000,000");
        Http.Response signed = api.post(
                "/api/v1/dossiers/987654321/actions/APPROVE", Map.of("signedFileBase64", "QUJD".repeat(400_000)));
        assertThat(signed.status()).as(signed.body()).isEqualTo(404);
        Http.Response overflow =
                api.post("/api/v1/systems", "{\"name\":\"t\",\"ownerOrganizationId\":99999999999999999999}");
        assertProblem(overflow, 400);
        assertField(overflow, "ownerOrganizationId");
        Http.Response detected = api.post(
                "/api/v1/incidents",
                Map.of(
                        "organizationId",
                        1,
                        "title",
                        "t",
                        "category",
                        "MALWARE",
                        "detectedAt",
                        "+99999-01-01T00:00:00Z"));
        assertProblem(detected, 400);
        assertField(detected, "detectedAt");
    }

    Http.Response rawYaml(String body) {
        try {
            var req = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/compliance/catalogues"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void passwordsOverBcryptsLimitAreAClearProblem() {
        TestData.Org org = data.org(data.root(), "Đơn vị mật khẩu dài");
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("username", data.unique("longpw"));
        person.put("password", "Aa1-" + "x".repeat(96));
        person.put("displayName", "Người mật khẩu dài");
        person.put("roles", List.of(Map.of("organizationId", org.id(), "role", Role.AUDITOR.name())));
        Http.Response r = admin().post("/api/v1/users", person);
        assertProblem(r, 422);
        assertField(r, "password");
        // Signing in with such a password is a failed sign-in, not a 500.
        Http.Response token =
                http.api(null).post("/api/v1/tokens", Map.of("username", ADMIN, "password", "p".repeat(100)));
        assertThat(token.status()).as(token.body()).isEqualTo(401);
    }

    @Test
    void aFailedWebSignInWithAnOverlongUsernameIsAudited() {
        String typed = "z" + data.unique("u") + "z".repeat(150);
        Http.Response r = http.session().login(typed, "whatever-password");
        assertThat(r.status()).as(r.body()).isIn(200, 302);
        long audited = data.jdbc()
                .sql("""
                SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND actor_username = :u""")
                .param("u", typed.substring(0, 99) + "…")
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void returnToIsAPathOfThisApplicationOrTheFindingsList() {
        assertThat(FindingPagesAccess.safeReturn("/\n/x")).isEqualTo("/findings");
        assertThat(FindingPagesAccess.safeReturn("/{x}")).isEqualTo("/findings");
        assertThat(FindingPagesAccess.safeReturn("//evil")).isEqualTo("/findings");
        assertThat(FindingPagesAccess.safeReturn("/systems/3/findings?severity=HIGH"))
                .isEqualTo("/systems/3/findings?severity=HIGH");
    }
}
