package vn.khien.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.Role;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.organizations.OrgKind;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationForm;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.KhienProperties;

/**
 * First start: the root organisation and the first platform administrator, from
 * KHIEN_BOOTSTRAP_ADMIN_*. There is no built-in password: in development an unset password is
 * generated and printed once; production refuses to start without one.
 */
@Component
class Bootstrap implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final KhienProperties properties;
    private final Environment environment;
    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final ApiTokenService tokens;
    private final AuditTrail audit;
    private final DemoData demo;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Bootstrap(
            KhienProperties properties,
            Environment environment,
            OrganizationRepository organizations,
            OrganizationService organizationService,
            PersonRepository people,
            PasswordEncoder encoder,
            ApiTokenService tokens,
            AuditTrail audit,
            DemoData demo,
            TransactionTemplate tx,
            JdbcClient jdbc,
            Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.people = people;
        this.encoder = encoder;
        this.tokens = tokens;
        this.audit = audit;
        this.demo = demo;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Serialises first start across nodes that boot together.
        DemoSeeds.locked(tx, jdbc, () -> {
            Organization root = organizations.findRoot().orElseGet(this::createRoot);
            bootstrapAdmin(root);
            if (DemoSeeds.requested(properties, args, environment)) {
                demo.seedOnce(root);
            }
        });
    }

    private Organization createRoot() {
        OrganizationForm f = new OrganizationForm();
        f.setCode(environment.getProperty("khien.bootstrap.root-code", "ROOT"));
        f.setName(environment.getProperty("khien.bootstrap.root-name", "Tổ chức gốc"));
        f.setKind(OrgKind.NATIONAL);
        return organizationService.seed(f, null, false);
    }

    private void bootstrapAdmin(Organization root) {
        KhienProperties.Bootstrap b = properties.bootstrap();
        String username = b.adminUsername() == null || b.adminUsername().isBlank()
                ? "admin"
                : b.adminUsername().trim();
        String password = b.adminPassword();
        boolean passwordGiven = password != null && !password.isBlank();
        if (people.findByUsername(username).isEmpty() && (passwordGiven || people.count() == 0)) {
            if (password == null || !passwordGiven) {
                if (properties.production()) {
                    throw new IllegalStateException(
                            "Khiên has no administrator yet. Set KHIEN_BOOTSTRAP_ADMIN_USERNAME "
                                    + "and KHIEN_BOOTSTRAP_ADMIN_PASSWORD for the first start in production mode.");
                }
                password = randomPassword();
                LOG.warn(
                        "\n\n  No KHIEN_BOOTSTRAP_ADMIN_PASSWORD was set. Created administrator '{}' with the one-time "
                                + "password: {}\n  It is shown only now; change it or set the variable.\n",
                        username,
                        password);
            }
            long id = people.insert(
                    username, encoder.encode(password), "Quản trị hệ thống", null, false, clock.instant());
            people.grant(id, root.id(), Role.PLATFORM_ADMIN, clock.instant());
            audit.record(AuditEntry.change(
                    "PERSON_CREATED",
                    root.id(),
                    "person",
                    id,
                    null,
                    Map.of("username", username, "source", "bootstrap")));
            audit.record(AuditEntry.change(
                    "ROLE_GRANTED",
                    root.id(),
                    "person",
                    id,
                    null,
                    Map.of("role", Role.PLATFORM_ADMIN.name(), "organizationId", root.id())));
        }
        String token = b.adminToken();
        if (token != null && !token.isBlank()) {
            Person admin = people.findByUsername(username).orElseThrow();
            boolean known = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :h")
                            .param("h", MfaService.sha256(token.trim()))
                            .query(Long.class)
                            .single()
                    > 0;
            if (!known) {
                tokens.register(
                        admin.id(),
                        "bootstrap",
                        token.trim(),
                        clock.instant().plus(Duration.ofDays(ApiTokenService.MAX_DAYS)));
            }
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[15];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
