package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Wrong second-factor codes are throttled as wrong passwords are (ADR 0017): after a few guesses from the same place
 * even the right code waits, with 429 and Retry-After, and the owner gets in once the delay is over.
 */
class TotpThrottleTest extends IntegrationTest {

    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");

    @Test
    void wrongCodesDelayEvenTheRightCodeUntilTheDelayIsOver() {
        TestData.Person p = data.person(data.org(data.root(), "MFA chặn đoán mã"), Role.LEADER);
        Http.Session s = http.session();
        s.login(p.username(), TestData.PASSWORD);
        Matcher m = SECRET.matcher(s.get("/mfa/enroll").body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        Http.Response enrolled = s.postForm(
                "/mfa/enroll", Map.of("code", Totp.code(secret, Instant.now().getEpochSecond())));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);

        Http.Session next = http.session();
        next.login(p.username(), TestData.PASSWORD);
        next.get("/mfa/verify");
        Http.Response first = next.postForm("/mfa/verify", Map.of("code", "000000"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Mã xác thực không đúng");
        Http.Response r = first;
        int attempts = 1;
        while (r.status() != 429 && attempts < 8) {
            r = next.postForm("/mfa/verify", Map.of("code", "00000" + attempts));
            attempts++;
        }
        assertThat(r.status()).as("throttled after a few wrong codes").isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.body()).contains("quá nhiều lần");

        // Even the right code waits now, and the session is still held at the second factor.
        Http.Response held = next.postForm(
                "/mfa/verify", Map.of("code", Totp.code(secret, Instant.now().getEpochSecond())));
        assertThat(held.status()).isEqualTo(429);
        assertThat(next.get("/organizations").header("Location")).endsWith("/mfa/verify");

        // Once the delay is over the right code gets in.
        data.jdbc()
                .sql("UPDATE login_throttle SET blocked_until = :past WHERE label LIKE :l")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("l", "%" + p.username() + "%")
                .update();
        Http.Response passed = next.postForm(
                "/mfa/verify", Map.of("code", Totp.code(secret, Instant.now().getEpochSecond())));
        assertThat(passed.header("Location")).endsWith("/");
        assertThat(next.get("/organizations").status()).isEqualTo(200);
    }

    @Test
    void codeGuessesThroughTheTokenApiAreThrottledToo() {
        TestData.Person p = data.person(data.org(data.root(), "MFA chặn đoán mã API"), Role.LEADER);
        Http.Session s = http.session();
        s.login(p.username(), TestData.PASSWORD);
        Matcher m = SECRET.matcher(s.get("/mfa/enroll").body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(s.postForm(
                                "/mfa/enroll",
                                Map.of("code", Totp.code(secret, Instant.now().getEpochSecond())))
                        .status())
                .isEqualTo(200);

        Http.Api anonymous = http.api(null);
        Http.Response r = anonymous.post(
                "/api/v1/tokens",
                Map.of("username", p.username(), "password", TestData.PASSWORD, "totpCode", "000000"));
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        int attempts = 1;
        while (r.status() != 429 && attempts < 8) {
            r = anonymous.post(
                    "/api/v1/tokens",
                    Map.of("username", p.username(), "password", TestData.PASSWORD, "totpCode", "00000" + attempts));
            attempts++;
        }
        assertThat(r.status()).as("throttled after a few wrong codes").isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        // The right code waits too: the guesses above count against the account's second factor.
        Http.Response held = anonymous.post(
                "/api/v1/tokens",
                Map.of(
                        "username",
                        p.username(),
                        "password",
                        TestData.PASSWORD,
                        "totpCode",
                        Totp.code(secret, Instant.now().getEpochSecond())));
        assertThat(held.status()).isEqualTo(429);
    }
}
