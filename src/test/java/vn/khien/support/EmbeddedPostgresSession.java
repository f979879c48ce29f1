package vn.khien.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL per test JVM when the test datasource URL is {@code embedded}
 * ({@code ./test.sh} without {@code TEST_PG_URL}, or {@code -Ppostgres -Dtest.db.url=embedded}),
 * and points {@code spring.datasource.*} at it before any test class loads a Spring context.
 * Registered through {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

    static final String MARKER = "embedded";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!MARKER.equals(System.getProperty("spring.datasource.url"))) {
            return;
        }
        long started = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.start();
        System.setProperty("spring.datasource.url", server.url());
        System.setProperty("spring.datasource.username", "khien");
        System.setProperty("spring.datasource.password", "khien");
        System.out.printf(
                "Embedded PostgreSQL 17 at %s (started in %d ms)%n",
                server.url(), (System.nanoTime() - started) / 1_000_000);
    }
}
