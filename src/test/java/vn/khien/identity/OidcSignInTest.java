package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.khien.support.Http;

/**
 * Single sign-on is configured with Spring Boot's standard OAuth2 client properties: the login page
 * offers it and starting it redirects to the agency's identity provider with the client id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.agency.client-id=khien-client",
        "spring.security.oauth2.client.registration.agency.client-secret=s3cret",
        "spring.security.oauth2.client.registration.agency.client-name=IdP Bộ Demo",
        "spring.security.oauth2.client.registration.agency.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.agency.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.agency.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.agency.authorization-uri=https://idp.example.invalid/auth",
        "spring.security.oauth2.client.provider.agency.token-uri=https://idp.example.invalid/token",
        "spring.security.oauth2.client.provider.agency.jwk-set-uri=https://idp.example.invalid/jwks",
        "spring.security.oauth2.client.provider.agency.user-info-uri=https://idp.example.invalid/userinfo",
        "spring.security.oauth2.client.provider.agency.user-name-attribute=preferred_username"})
@ActiveProfiles("test")
class OidcSignInTest {

    @LocalServerPort
    int port;

    @Test
    void loginPageOffersSsoAndRedirectsToTheIdentityProvider() {
        Http.Session browser = new Http("http://127.0.0.1:" + port).session();
        Http.Response login = browser.get("/login");
        assertThat(login.body()).contains("Đăng nhập một lần qua IdP Bộ Demo").contains("/oauth2/authorization/agency");
        Http.Response start = browser.get("/oauth2/authorization/agency");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).startsWith("https://idp.example.invalid/auth?")
                .contains("client_id=khien-client").contains("scope=openid").contains("state=");
    }
}
