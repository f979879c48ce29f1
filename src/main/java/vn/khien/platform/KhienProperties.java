package vn.khien.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code khien.*}; environment variables KHIEN_* map onto them (see README). */
@ConfigurationProperties(prefix = "khien")
public record KhienProperties(
        Mode mode, boolean allowEmbeddedDatabase, boolean demo, Bootstrap bootstrap, Login login) {

    public enum Mode {
        DEVELOPMENT,
        PRODUCTION
    }

    public record Bootstrap(
            @Nullable String adminUsername,
            @Nullable String adminPassword,
            @Nullable String adminToken) {}

    public record Login(int maxFailedAttempts, Duration lockDuration) {}

    public KhienProperties {
        mode = mode == null ? Mode.DEVELOPMENT : mode;
        bootstrap = bootstrap == null ? new Bootstrap(null, null, null) : bootstrap;
        login = login == null ? new Login(5, Duration.ofMinutes(15)) : login;
    }

    public boolean production() {
        return mode == Mode.PRODUCTION;
    }
}
