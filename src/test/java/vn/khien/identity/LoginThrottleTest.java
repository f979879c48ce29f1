package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Sign-in throttling (issue 10 item 7, ADR 0017) over real HTTP and the real database: growing delays by source, by
 * name and by both; 429 problem+json with Retry-After on token requests; the same answers for an account that does
 * not exist; the owner is not locked out by someone else's failures. Each test signs in from its own loopback
 * address (127.x.y.z reaches the server too), so no test shares a source with another.
 */
class LoginThrottleTest extends IntegrationTest {

    private FromAddress fresh() {
        return FromAddress.fresh(port);
    }

    private static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    @Test
    void aNameTriedFromOneAddressWaitsLongerAndLongerWhileTheOwnerElsewhereSignsIn() {
        TestData.Person p = data.person(data.org(data.root(), "Trì hoãn"), Role.SECURITY_OFFICER);
        for (int i = 0; i < 4; i++) {
            assertThat(http.session().login(p.username(), "sai-" + i).header("Location"))
                    .endsWith("/login?error");
        }
        // The fifth failure of this name from this address starts a 30-second delay, and the page says so.
        Http.Response fifth = http.session().login(p.username(), "sai-5");
        assertThat(fifth.header("Location")).endsWith("/login?throttled=30");
        assertThat(http.session().get("/login?throttled=30").body()).contains("vui lòng chờ 30 giây rồi thử lại");
        // While the delay lasts, even the right password is refused without being checked.
        assertThat(http.session().login(p.username(), TestData.PASSWORD).header("Location"))
                .contains("/login?throttled=");
        Http.Response token = http.api(null).post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD));
        assertThat(token.status()).isEqualTo(429);
        assertThat(token.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(token.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(token.json().get("detail").asText()).contains("quá nhiều lần");
        assertThat(token.json().get("type").asText()).isEqualTo("urn:khien:problem:too-many-attempts");

        // The owner, from their own address, is not held back by the attacker's failures.
        assertThat(fresh().post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD))
                        .status())
                .isEqualTo(201);

        // Once the delay is over the next failure doubles it (60 s), then again (120 s), up to the ceiling.
        expireDelays(p.username());
        assertThat(http.session().login(p.username(), "sai-6").header("Location"))
                .endsWith("/login?throttled=60");
        assertThat(http.session().get("/login?throttled=120").body()).contains("vui lòng chờ khoảng 2 phút");
        expireDelays(p.username());
        assertThat(http.session().login(p.username(), "sai-7").header("Location"))
                .endsWith("/login?throttled=120");

        List<String> actions = data.jdbc()
                .sql("SELECT action FROM audit_event WHERE target_type = 'person'" + " AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(p.id()))
                .query(String.class)
                .list();
        assertThat(actions).contains("SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGN_IN");
        // No account is locked by failures any more.
        assertThat(data.jdbc()
                        .sql("SELECT locked_until FROM app_user WHERE id = :id")
                        .param("id", p.id())
                        .query(Timestamp.class)
                        .optional()
                        .orElse(null))
                .isNull();
    }

    @Test
    void anUnknownNameIsAnsweredExactlyLikeAnExistingOne() {
        TestData.Person p = data.person(data.org(data.root(), "Không lộ"), Role.AUDITOR);
        String ghost = data.unique("khong-co-ai").toLowerCase();
        for (int i = 0; i < 5; i++) {
            Http.Response real = http.api(null).post("/api/v1/tokens", credentials(p.username(), "sai-" + i));
            Http.Response none = http.api(null).post("/api/v1/tokens", credentials(ghost, "sai-" + i));
            assertThat(none.status()).as("attempt %d", i).isEqualTo(real.status());
            // Identical but for the request id, which names the request, not the account.
            assertThat(withoutRequestId(none.body())).as("attempt %d", i).isEqualTo(withoutRequestId(real.body()));
            assertThat(none.header("Retry-After")).as("attempt %d", i).isEqualTo(real.header("Retry-After"));
        }
        Http.Response real = http.api(null).post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD));
        Http.Response none = http.api(null).post("/api/v1/tokens", credentials(ghost, TestData.PASSWORD));
        assertThat(real.status()).isEqualTo(429);
        assertThat(none.status()).isEqualTo(429);
        assertThat(none.json().get("detail")).isEqualTo(real.json().get("detail"));
        assertThat(http.session().login(p.username(), "x").header("Location")).startsWith("/login?throttled=");
        assertThat(http.session().login(ghost, "x").header("Location")).startsWith("/login?throttled=");
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedDownForEveryName() {
        FromAddress probe = fresh();
        for (int i = 0; i < 20; i++) {
            assertThat(probe.post("/api/v1/tokens", credentials(data.unique("quet"), "sai"))
                            .status())
                    .as("failure %d", i)
                    .isEqualTo(401);
        }
        FromAddress.Reply twentyFirst = probe.post("/api/v1/tokens", credentials(data.unique("quet"), "sai"));
        assertThat(twentyFirst.status()).isEqualTo(429);
        assertThat(twentyFirst.header("Retry-After")).isEqualTo("60");
        assertThat(twentyFirst.json().get("retryAfterSeconds").asLong()).isEqualTo(60);
        // Any other name from that address waits too; the same name from another address does not.
        TestData.Person p = data.person(data.org(data.root(), "Nguồn"), Role.AUDITOR);
        assertThat(probe.post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD))
                        .status())
                .isEqualTo(429);
        assertThat(fresh().post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNameTriedFromManyAddressesIsSlowedDownButOnlyForMinutes() {
        TestData.Person p = data.person(data.org(data.root(), "Phân tán"), Role.AUDITOR);
        for (int i = 0; i < 10; i++) {
            assertThat(fresh().post("/api/v1/tokens", credentials(p.username(), "sai"))
                            .status())
                    .as("failure %d", i)
                    .isEqualTo(401);
        }
        FromAddress.Reply eleventh = fresh().post("/api/v1/tokens", credentials(p.username(), "sai"));
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.header("Retry-After")).isEqualTo("30");
        assertThat(fresh().post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD))
                        .status())
                .isEqualTo(429);
        // However many more failures, the name-wide delay never exceeds five minutes.
        for (int i = 0; i < 6; i++) {
            expireDelays(p.username());
            fresh().post("/api/v1/tokens", credentials(p.username(), "sai"));
        }
        Instant until = data.jdbc()
                .sql("SELECT blocked_until FROM login_throttle WHERE kind = 'ACCOUNT' AND label = :l")
                .param("l", p.username())
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(until)
                .isBefore(Instant.now().plusSeconds(301))
                .isAfter(Instant.now().plusSeconds(200));
        // The owner's success once the delay is over starts the name afresh.
        expireDelays(p.username());
        assertThat(fresh().post("/api/v1/tokens", credentials(p.username(), TestData.PASSWORD))
                        .status())
                .isEqualTo(201);
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM login_throttle WHERE kind = 'ACCOUNT' AND label = :l")
                        .param("l", p.username())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void simultaneousFailuresAreEachCountedOnce() throws Exception {
        // Nodes share the count through the database: simultaneous failures are each counted once.
        String name = data.unique("dong-thoi").toLowerCase();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FromAddress from = fresh();
            Thread t = new Thread(() -> from.post("/api/v1/tokens", credentials(name, "sai")));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(data.jdbc()
                        .sql("SELECT failures FROM login_throttle WHERE kind = 'ACCOUNT' AND label = :l")
                        .param("l", name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(8);
    }

    private void expireDelays(String username) {
        data.jdbc()
                .sql("UPDATE login_throttle SET blocked_until = :past WHERE label = :l OR label LIKE :pair")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("l", username)
                .param("pair", username + " @ %")
                .update();
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"\"");
    }
}
