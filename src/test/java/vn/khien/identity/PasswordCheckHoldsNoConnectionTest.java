package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.khien.access.Role;
import vn.khien.platform.StatementCounter;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 15: the password check (bcrypt, slow on purpose) runs without a pooled database connection held by the
 * checking thread, on the sign-in page and on {@code POST /api/v1/tokens}: the person is loaded, the connection given
 * back, then the hash is compared. Observed on the server's own request thread, during each check, through the
 * pool's per-thread count of connections taken and not closed ({@link StatementCounter#connectionsHeldByThisThread})
 * and the transaction state; no timing involved.
 */
class PasswordCheckHoldsNoConnectionTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    record Seen(String thread, int connectionsHeld, boolean transaction, boolean boundResources) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private void observe() {
        SecurityConfiguration.passwordCheckObserver = () -> seen.add(new Seen(
                Thread.currentThread().getName(),
                StatementCounter.connectionsHeldByThisThread(),
                TransactionSynchronizationManager.isActualTransactionActive(),
                !TransactionSynchronizationManager.getResourceMap().isEmpty()));
    }

    @AfterEach
    void stopObserving() {
        SecurityConfiguration.passwordCheckObserver = null;
    }

    @Test
    void theSignInPageChecksThePasswordWithNoConnectionHeld() {
        TestData.Person p = data.person(data.org(data.root(), "Kết nối đăng nhập"), Role.SECURITY_OFFICER);
        observe();
        Http.Response right = http.session().login(p.username(), TestData.PASSWORD);
        Http.Response wrong = http.session().login(p.username(), "not-the-password");
        stopObserving();

        assertThat(right.header("Location")).doesNotContain("error");
        assertThat(wrong.header("Location")).endsWith("/login?error");
        assertThat(seen).as("one check per sign-in, on a server thread").hasSize(2);
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.connectionsHeld())
                    .as("connections held by %s", s.thread())
                    .isZero();
            assertThat(s.transaction()).isFalse();
            assertThat(s.boundResources()).isFalse();
        });
    }

    @Test
    void theTokenEndpointChecksThePasswordWithNoConnectionHeld() {
        TestData.Person p = data.person(data.org(data.root(), "Kết nối mã API"), Role.SECURITY_OFFICER);
        observe();
        Http.Response created =
                http.api(null).post("/api/v1/tokens", Map.of("username", p.username(), "password", TestData.PASSWORD));
        stopObserving();

        assertThat(created.status()).isEqualTo(201);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).connectionsHeld()).isZero();
        assertThat(seen.get(0).transaction()).isFalse();
        assertThat(seen.get(0).boundResources()).isFalse();
    }

    @Test
    void theCountSeesAConnectionWhileOneIsHeld() throws Exception {
        // The measure itself can fail: a connection taken on this thread and not yet closed is counted.
        int before = StatementCounter.connectionsHeldByThisThread();
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(StatementCounter.connectionsHeldByThisThread()).isEqualTo(before + 1);
        }
        assertThat(StatementCounter.connectionsHeldByThisThread()).isEqualTo(before);
    }
}
