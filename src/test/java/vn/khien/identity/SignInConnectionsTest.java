package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A sign-in and a failed sign-in each need one database connection at a time. At national scale 50 people
 * signing in together emptied a pool of 10 when each held a second connection for its audit record (issue 15):
 * with all but one connection of the pool taken, both must still go through and be audited.
 */
class SignInConnectionsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void signsInAndRecordsFailuresWithOneFreeConnection() throws Exception {
        TestData.Person p = data.person(data.org(data.root(), "Kết nối"), Role.SECURITY_OFFICER);
        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size - 1; i++) {
                held.add(dataSource.getConnection());
            }
            Http.Response failed = http.session().login(p.username(), "wrong-password");
            assertThat(failed.header("Location")).endsWith("/login?error");
            Http.Response ok = http.session().login(p.username(), TestData.PASSWORD);
            assertThat(ok.header("Location")).doesNotContain("error").doesNotContain("throttled");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        List<String> actions = data.jdbc()
                .sql("SELECT action FROM audit_event WHERE target_type = 'person' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(p.id()))
                .query(String.class)
                .list();
        assertThat(actions).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN");
    }
}
