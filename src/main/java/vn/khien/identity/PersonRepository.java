package vn.khien.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.PersonPrincipal;
import vn.khien.access.Role;
import vn.khien.access.ScopeFilter;

/** People and their role grants. A person is visible to a caller who sees any organisation they hold a role on. */
@Repository
public class PersonRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public PersonRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    private ScopeFilter personScope() {
        ScopeFilter f = scope.visible("vo.path");
        return new ScopeFilter(
                "EXISTS (SELECT 1 FROM role_grant vg JOIN organization vo ON vo.id = vg.organization_id"
                        + " WHERE vg.user_id = u.id AND " + f.sql() + ")",
                f.params());
    }

    public List<Person> findAllVisible() {
        ScopeFilter f = personScope();
        return jdbc.sql("SELECT u.* FROM app_user u WHERE " + f.sql() + " ORDER BY u.username")
                .params(f.params())
                .query(PersonRepository::map)
                .list();
    }

    public Optional<Person> findVisible(long id) {
        ScopeFilter f = personScope();
        return jdbc.sql("SELECT u.* FROM app_user u WHERE u.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(PersonRepository::map)
                .optional();
    }

    public Optional<Person> find(long id) {
        return jdbc.sql("SELECT u.* FROM app_user u WHERE u.id = :id")
                .param("id", id)
                .query(PersonRepository::map)
                .optional();
    }

    public Optional<Person> findByUsername(String username) {
        return jdbc.sql("SELECT u.* FROM app_user u WHERE LOWER(u.username) = LOWER(:u)")
                .param("u", username)
                .query(PersonRepository::map)
                .optional();
    }

    public Optional<Person> findByEmail(String email) {
        return jdbc
                .sql("SELECT u.* FROM app_user u WHERE LOWER(u.email) = LOWER(:e)")
                .param("e", email)
                .query(PersonRepository::map)
                .list()
                .stream()
                .findFirst();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    long insert(
            String username,
            String passwordHash,
            String displayName,
            @Nullable String email,
            boolean demo,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, email, demo, created_at)
                VALUES (:u, :p, :d, :e, :demo, :now)""")
                .param("u", username)
                .param("p", passwordHash)
                .param("d", displayName)
                .param("e", email)
                .param("demo", demo)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    void updatePassword(long id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = :h WHERE id = :id")
                .param("h", hash)
                .param("id", id)
                .update();
    }

    void grant(long userId, long orgId, Role role, Instant now) {
        // who granted it, shown in access reviews (ADR 0039); null for the bootstrap and the demo seed
        grant(
                userId,
                orgId,
                role,
                now,
                CurrentPerson.principal().map(PersonPrincipal::personId).orElse(null));
    }

    /** A grant made at {@code at} by {@code grantedBy} (null: no grantor, as the bootstrap's or an import's). */
    void grant(long userId, long orgId, Role role, Instant at, @Nullable Long grantedBy) {
        jdbc.sql("""
                INSERT INTO role_grant (user_id, organization_id, role, granted_at, granted_by)
                VALUES (:u, :o, :r, :at, :by)""")
                .param("u", userId)
                .param("o", orgId)
                .param("r", role.name())
                .param("at", Timestamp.from(at))
                .param("by", grantedBy, Types.BIGINT)
                .update();
    }

    /** The last successful sign-in, shown in access reviews (ADR 0039). */
    void recordSignIn(long id, Instant at) {
        jdbc.sql("UPDATE app_user SET last_sign_in_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    int revoke(long grantId) {
        return jdbc.sql("DELETE FROM role_grant WHERE id = :id")
                .param("id", grantId)
                .update();
    }

    public List<RoleGrant> grantsOf(long userId) {
        return jdbc.sql("""
                SELECT g.id, g.user_id, g.organization_id, o.code, o.name_vi, g.role
                FROM role_grant g JOIN organization o ON o.id = g.organization_id
                WHERE g.user_id = :u ORDER BY o.path, g.role""")
                .param("u", userId)
                .query((rs, n) -> new RoleGrant(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        Role.valueOf(rs.getString(6))))
                .list();
    }

    /** The organisation a person's own events are filed under: that of their first role grant. */
    public @Nullable Long homeOrganization(long personId) {
        return grantsOf(personId).stream()
                .map(RoleGrant::organizationId)
                .findFirst()
                .orElse(null);
    }

    void recordFailedAttempt(long id, int maxAttempts, Instant lockUntil) {
        jdbc.sql("""
                UPDATE app_user SET failed_attempts = failed_attempts + 1,
                    locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                WHERE id = :id""")
                .param("max", maxAttempts)
                .param("until", Timestamp.from(lockUntil))
                .param("id", id)
                .update();
    }

    void resetFailedAttempts(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    Optional<String> totpSecret(long id) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void setTotp(long id, String secret, boolean enabled) {
        jdbc.sql("UPDATE app_user SET totp_secret = :s, totp_enabled = :e WHERE id = :id")
                .param("s", secret)
                .param("e", enabled)
                .param("id", id)
                .update();
    }

    static Person map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Person(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getBoolean("enabled"),
                rs.getBoolean("totp_enabled"),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(),
                rs.getBoolean("demo"));
    }
}
