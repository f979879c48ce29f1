package vn.khien.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.khien.access.Role;
import vn.khien.identity.ApiTokenService;
import vn.khien.identity.PersonRepository;

/** Builds uniquely named organisations and people straight in the database, so tests never collide. */
@Component
public class TestData {
    public static final String PASSWORD = "Test-Person-Password-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ApiTokenService tokens;
    private final PersonRepository people;
    private String encodedPassword;

    public TestData(JdbcClient jdbc, PasswordEncoder encoder, ApiTokenService tokens, PersonRepository people) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.tokens = tokens;
        this.people = people;
    }

    public record Org(long id, String code, String path) {}

    public record Person(long id, String username, String token) {}

    public String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + SEQ.incrementAndGet();
    }

    public Org root() {
        return jdbc.sql("SELECT id, code, path FROM organization WHERE parent_id IS NULL ORDER BY id")
                .query((rs, n) -> new Org(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .get(0);
    }

    public Org org(Org parent, String name) {
        String code = unique("T");
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES (:code, :name, 'UNIT', :parent, '/', :now, :now)""")
                .param("code", code)
                .param("name", name)
                .param("parent", parent.id())
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String path = parent.path() + id + "/";
        jdbc.sql("UPDATE organization SET path = :p WHERE id = :id")
                .param("p", path)
                .param("id", id)
                .update();
        return new Org(id, code, path);
    }

    public Person person(Org org, Role role) {
        String username = unique("u").toLowerCase();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, email, created_at)
                VALUES (:u, :p, :d, :e, :now)""")
                .param("u", username)
                .param("p", encoded())
                .param("d", "Người thử " + username)
                .param("e", username + "@example.test")
                .param("now", Timestamp.from(Instant.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        grant(id, org, role);
        String token = "khn_" + UUID.randomUUID() + UUID.randomUUID();
        tokens.register(id, "test", token, Instant.now().plus(Duration.ofDays(1)));
        return new Person(id, username, token);
    }

    public void grant(long personId, Org org, Role role) {
        jdbc.sql("INSERT INTO role_grant (user_id, organization_id, role, granted_at) VALUES (:u, :o, :r, :now)")
                .param("u", personId)
                .param("o", org.id())
                .param("r", role.name())
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** A province (organisation kind PROVINCE, a member of the incident-response network) below the root. */
    public Org province(String name) {
        Org province = org(root(), name);
        jdbc.sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        return province;
    }

    /** Designates {@code unit} as the incident response unit for {@code scope}'s subtree. */
    public void designateResponseUnit(Org scope, Org unit) {
        designate(scope, "INCIDENT_RESPONSE_UNIT", unit);
    }

    /**
     * Designates {@code org} to play {@code role} (an authority role: {@code OWNER_SECURITY_UNIT},
     * {@code INCIDENT_RESPONSE_UNIT}, {@code NATIONAL_INCIDENT_COORDINATOR} …) for {@code scope}'s subtree.
     */
    public void designate(Org scope, String role, Org org) {
        jdbc.sql("""
                INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)
                VALUES (:s, :r, :o, :now)""")
                .param("s", scope.id())
                .param("r", role)
                .param("o", org.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * A system registered through the API by {@code api}'s person: owned by {@code owner}, operated by
     * {@code operator}, 20 users of private information.
     */
    public long system(Http.Api api, Org owner, Org operator, String name) {
        Http.Response r = api.post(
                "/api/v1/systems",
                Map.of(
                        "code", unique("HT"),
                        "name", name,
                        "ownerOrganizationId", owner.id(),
                        "operatorOrganizationId", operator.id(),
                        "systemType", "INTERNAL",
                        "informationKinds", List.of("PRIVATE"),
                        "userCount", 20));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    private String encoded() {
        if (encodedPassword == null) {
            encodedPassword = encoder.encode(PASSWORD);
        }
        return encodedPassword;
    }
}
