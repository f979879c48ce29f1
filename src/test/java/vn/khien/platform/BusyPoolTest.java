package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Field;
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
 * When every connection of the pool stays taken (a burst of heavy requests at national scale), the API answers 503
 * problem+json with Retry-After and a page answers 503 in Vietnamese, never a 500 (issue 15's load run, issue 10).
 */
class BusyPoolTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void answersBusyWhenNoConnectionIsFree() throws Exception {
        TestData.Person p = data.person(data.org(data.root(), "Bận"), Role.SECURITY_OFFICER);
        Http.Session session = http.session();
        session.login(p.username(), TestData.PASSWORD);
        assertThat(session.get("/organizations").status()).isEqualTo(200);

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long wait = pool.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        Http.Response api;
        Http.Response page;
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(dataSource.getConnection()); // with the usual wait: a job may hold one for a moment
            }
            waitAtMost(pool, 300);
            api = admin().get("/api/v1/organizations");
            page = session.get("/organizations");
        } finally {
            for (Connection c : held) {
                c.close();
            }
            waitAtMost(pool, wait);
        }
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.header("Retry-After")).isEqualTo("5");
        assertThat(api.json().get("type").asText()).isEqualTo("urn:khien:problem:busy");
        assertThat(api.json().get("detail").asText()).contains("Hệ thống đang bận");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("5");
        assertThat(page.body()).contains("Hệ thống đang bận");
        assertThat(session.get("/organizations").status()).isEqualTo(200);
    }

    /**
     * How long a request waits for a free connection. HikariCP copies connectionTimeout into the running pool when the
     * pool starts, so the config setter (and its MXBean) alone changes nothing: each busy request then waited the full
     * 30 s. The running pool's copy is set too.
     */
    private static void waitAtMost(HikariDataSource pool, long millis) throws ReflectiveOperationException {
        pool.getHikariConfigMXBean().setConnectionTimeout(millis);
        Field running = Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionTimeout");
        running.setAccessible(true);
        running.setLong(pool.getHikariPoolMXBean(), millis);
    }
}
