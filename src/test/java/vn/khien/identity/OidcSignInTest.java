package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Single sign-on against a small OpenID Connect provider running in this JVM (token and JWK
 * endpoints, RS256-signed ID tokens): the whole authorization-code flow, for a person who exists
 * in Khiên and for one who does not.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.security.oauth2.client.registration.agency.client-id=khien-client",
            "spring.security.oauth2.client.registration.agency.client-secret=s3cret",
            "spring.security.oauth2.client.registration.agency.client-name=IdP Bộ Demo",
            "spring.security.oauth2.client.registration.agency.scope=openid,profile",
            "spring.security.oauth2.client.registration.agency.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.agency.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.agency.user-name-attribute=preferred_username"
        })
class OidcSignInTest extends IntegrationTest {

    static final FakeIdentityProvider IDP = FakeIdentityProvider.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.client.provider.agency.authorization-uri", () -> IDP.base + "/auth");
        r.add("spring.security.oauth2.client.provider.agency.token-uri", () -> IDP.base + "/token");
        r.add("spring.security.oauth2.client.provider.agency.jwk-set-uri", () -> IDP.base + "/jwks");
    }

    @AfterAll
    static void stop() {
        IDP.server.stop(0);
    }

    @Test
    void aKnownPersonSignsInThroughTheAgencyIdentityProvider() {
        TestData.Person p = data.person(data.org(data.root(), "SSO"), Role.SECURITY_OFFICER);
        Http.Session browser = http.session();
        assertThat(browser.get("/login").body()).contains("Đăng nhập một lần qua IdP Bộ Demo");
        Http.Response callback = signInThroughIdp(browser, p.username());
        assertThat(callback.header("Location")).doesNotContain("error");
        Http.Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Người thử " + p.username());
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN' AND target_id = :id")
                        .param("id", String.valueOf(p.id()))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anIdentityWithoutAKhienAccountIsRefused() {
        Http.Session browser = http.session();
        Http.Response callback = signInThroughIdp(browser, "nobody-" + System.nanoTime());
        assertThat(callback.header("Location")).contains("/login?error");
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    private static Http.Response signInThroughIdp(Http.Session browser, String username) {
        Http.Response start = browser.get("/oauth2/authorization/agency");
        URI auth = URI.create(start.header("Location"));
        assertThat(auth.toString()).startsWith(IDP.base + "/auth?").contains("client_id=khien-client");
        Map<String, String> q = query(auth.getRawQuery());
        IDP.nextLogin = Map.of("username", username, "nonce", q.get("nonce"));
        URI redirect = URI.create(q.get("redirect_uri"));
        return browser.get(redirect.getPath() + "?code=one-time-code&state=" + q.get("state"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    /** Token and JWK endpoints of an OpenID provider, enough for the authorization-code flow. */
    static final class FakeIdentityProvider {
        final HttpServer server;
        final String base;
        final RSAKey key;
        volatile Map<String, String> nextLogin = Map.of();

        private FakeIdentityProvider(HttpServer server, RSAKey key) {
            this.server = server;
            this.key = key;
            this.base = "http://127.0.0.1:" + server.getAddress().getPort();
        }

        static FakeIdentityProvider start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                FakeIdentityProvider idp = new FakeIdentityProvider(
                        server, new RSAKeyGenerator(2048).keyID("test-key").generate());
                server.createContext("/jwks", ex -> idp.reply(ex, new JWKSet(idp.key.toPublicJWK()).toString()));
                server.createContext("/token", idp::token);
                server.start();
                return idp;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void token(HttpExchange ex) throws IOException {
            try {
                Date now = new Date();
                JWTClaimsSet claims = new JWTClaimsSet.Builder()
                        .issuer(base)
                        .subject(nextLogin.get("username"))
                        .audience("khien-client")
                        .issueTime(now)
                        .expirationTime(new Date(now.getTime() + 300_000))
                        .claim("nonce", nextLogin.get("nonce"))
                        .claim("preferred_username", nextLogin.get("username"))
                        .build();
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(key));
                reply(
                        ex,
                        "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid profile\","
                                + "\"id_token\":\"" + jwt.serialize() + "\"}");
            } catch (Exception e) {
                throw new IOException(e);
            }
        }

        private void reply(HttpExchange ex, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }
    }
}
