package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;

/**
 * Issue 10, findings 6 and 8: forwarded headers are not believed from an unlisted address (the default lists none),
 * redirects never carry X-Forwarded-Host; Referrer-Policy, Permissions-Policy and a CSP without 'unsafe-inline' on
 * pages and API; no template carries an inline style.
 */
class HeadersAndProxiesTest extends IntegrationTest {

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAndApiCarryTheStrictHeaders() throws Exception {
        for (HttpResponse<String> r : List.of(get("/login"), get("/api/v1/systems"))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(r.uri().toString()).contains("style-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .as("plain http in development")
                    .isEmpty();
        }
    }

    @Test
    void forwardedHostNeverReachesARedirect() throws Exception {
        HttpResponse<String> r = get(
                "/systems",
                "X-Forwarded-Host",
                "evil.example",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-For",
                "203.0.113.9");
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:");
    }

    @Test
    void forwardedForFromAnUnlistedAddressIsNotTheAuditedSourceAddress() throws Exception {
        Http.Session session = http.session();
        session.get("/login");
        String user = data.unique("nobody");
        // The session client does not send custom headers: use a raw client with the session's CSRF-less path, the API.
        HttpRequest req = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"wrong-password\"}"))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        String ip = data.jdbc()
                .sql("SELECT source_ip FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND actor_username = :u")
                .param("u", user)
                .query(String.class)
                .single();
        assertThat(ip).isNotEqualTo("203.0.113.9").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void trustedProxiesAreExactlyTheListedAddresses() {
        Pattern p = Pattern.compile("^(?:" + TrustedProxies.regexOf("10.0.0.1, 192.168.1.10") + ")$");
        assertThat(p.matcher("10.0.0.1").matches()).isTrue();
        assertThat(p.matcher("192.168.1.10").matches()).isTrue();
        assertThat(p.matcher("10.0.0.12").matches()).isFalse();
        assertThat(p.matcher("127.0.0.1").matches()).isFalse();
        assertThat(TrustedProxies.regexOf("")).isEmpty();
    }

    @Test
    void noTemplateCarriesAnInlineStyle() throws Exception {
        Pattern inline = Pattern.compile("(?i)(\\sstyle\\s*=|th:style|<style[\\s>])");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            // Mail templates are not served under the CSP, and mail clients only honour inline styles.
            List<String> offenders = files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> !f.toString().contains("/templates/mail/"))
                    .filter(f -> {
                        try {
                            return inline.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(offenders)
                    .as("move inline styles to static/css/khien.css (CSP style-src 'self')")
                    .isEmpty();
        }
    }
}
