package vn.khien.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Refuses to start production mode on an unsafe configuration, before any bean (and so any
 * database connection) exists. Modelled on Keycloak's dev/production split.
 */
class ProductionModeGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Passwords that ship in examples or that people type first; never acceptable in production. */
    static final Set<String> WELL_KNOWN_PASSWORDS = Set.of(
            "",
            "admin",
            "password",
            "changeme",
            "change-me",
            "khien",
            "postgres",
            "sa",
            "secret",
            "123456",
            "12345678",
            "admin123",
            "demo",
            "Khien@Demo2026");

    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(Objects.requireNonNull(environment, "environment"));
        if (!problems.isEmpty()) {
            throw new UnsafeProductionConfigurationException(problems);
        }
    }

    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        String mode = env.getProperty("khien.mode", "development").toLowerCase(Locale.ROOT);
        if (!mode.equals("production")) {
            return problems;
        }
        String url = env.getProperty("spring.datasource.url", "");
        boolean allowEmbedded = env.getProperty("khien.allow-embedded-database", Boolean.class, false);
        if (url.startsWith("jdbc:h2:") && !allowEmbedded) {
            problems.add(
                    "Production mode refuses the embedded H2 database. Set KHIEN_DB_URL, KHIEN_DB_USER and "
                            + "KHIEN_DB_PASSWORD to a PostgreSQL database, or set KHIEN_ALLOW_EMBEDDED_DB=true to accept the risk.");
        }
        String dbPassword = env.getProperty("spring.datasource.password", "");
        if (!url.startsWith("jdbc:h2:") && WELL_KNOWN_PASSWORDS.contains(dbPassword)) {
            problems.add(
                    "Production mode refuses an empty or well-known database password. Set KHIEN_DB_PASSWORD to a strong secret.");
        }
        String adminPassword = env.getProperty("khien.bootstrap.admin-password");
        if (adminPassword != null && !adminPassword.isEmpty() && isWeak(adminPassword)) {
            problems.add("KHIEN_BOOTSTRAP_ADMIN_PASSWORD is a default or weak password. Set a secret of at least "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters that is not a well-known password.");
        }
        String adminToken = env.getProperty("khien.bootstrap.admin-token");
        if (adminToken != null && !adminToken.isEmpty() && adminToken.length() < 32) {
            problems.add("KHIEN_BOOTSTRAP_ADMIN_TOKEN must be at least 32 characters long in production mode.");
        }
        if (env.getProperty("khien.demo", Boolean.class, false) || env.containsProperty("demo")) {
            problems.add("Production mode refuses demo data. Remove --demo / KHIEN_DEMO.");
        }
        return problems;
    }

    static boolean isWeak(String password) {
        return password.length() < MIN_ADMIN_PASSWORD_LENGTH || WELL_KNOWN_PASSWORDS.contains(password);
    }
}
