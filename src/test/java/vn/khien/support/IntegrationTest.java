package vn.khien.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real server on a random port over the database Surefire points at (H2 by default, PostgreSQL
 * with -Ppostgres). Every test class shares one context; tests make their own uniquely named data.
 * Tagged {@code database}: the PostgreSQL pass of {@code ./test.sh} runs exactly the tagged tests.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Test-Admin-Password-2026";
    public static final String ADMIN_TOKEN = "khn_test_bootstrap_token_for_automation_0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestData data;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http("http://127.0.0.1:" + port);
    }

    protected Http.Api admin() {
        return http.api(ADMIN_TOKEN);
    }
}
