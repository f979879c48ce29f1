package vn.khien.organizations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/** Organisation rows. Methods named *Visible apply the caller's scope; the others are for trusted callers. */
@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public OrganizationRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public List<Organization> findAllVisible() {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql("SELECT o.* FROM organization o WHERE " + f.sql() + " ORDER BY o.path")
                .params(f.params())
                .query(OrganizationRepository::map)
                .list();
    }

    public Optional<Organization> findVisible(long id) {
        ScopeFilter f = scope.visible("o.path");
        return jdbc.sql("SELECT o.* FROM organization o WHERE o.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    public Optional<Organization> find(long id) {
        return jdbc.sql("SELECT o.* FROM organization o WHERE o.id = :id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    public Optional<Organization> findByCode(String code) {
        return jdbc.sql("SELECT o.* FROM organization o WHERE LOWER(o.code) = LOWER(:code)")
                .param("code", code)
                .query(OrganizationRepository::map)
                .optional();
    }

    public Optional<Organization> findRoot() {
        return jdbc
                .sql("SELECT o.* FROM organization o WHERE o.parent_id IS NULL ORDER BY o.id")
                .query(OrganizationRepository::map)
                .list()
                .stream()
                .findFirst();
    }

    /** Published contact points; deliberately public, so not scoped. */
    public List<Organization> findPublishedContacts() {
        return jdbc.sql("SELECT o.* FROM organization o WHERE o.contact_public = TRUE ORDER BY o.path")
                .query(OrganizationRepository::map)
                .list();
    }

    long insert(OrganizationForm f, @Nullable String parentPath, boolean demo, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization (code, name_vi, name_en, kind, parent_id, path, address, contact_person,
                    contact_phone, contact_email, contact_confirmed_on, contact_public, require_mfa, demo, created_at, updated_at)
                VALUES (:code, :name, :nameEn, :kind, :parent, '/', :address, :cp, :phone, :email, :confirmed, :pub,
                    :mfa, :demo, :now, :now)""")
                .param("code", f.getCode())
                .param("name", f.getName())
                .param("nameEn", blankToNull(f.getNameEn()))
                .param("kind", Objects.requireNonNull(f.getKind(), "kind").name())
                .param("parent", f.getParentId())
                .param("address", blankToNull(f.getAddress()))
                .param("cp", blankToNull(f.getContactPerson()))
                .param("phone", blankToNull(f.getContactPhone()))
                .param("email", blankToNull(f.getContactEmail()))
                .param("confirmed", f.getContactConfirmedOn())
                .param("pub", f.isContactPublic())
                .param("mfa", f.isRequireMfa())
                .param("demo", demo)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        jdbc.sql("UPDATE organization SET path = :path WHERE id = :id")
                .param("path", (parentPath == null ? "/" : parentPath) + id + "/")
                .param("id", id)
                .update();
        return id;
    }

    void update(long id, OrganizationForm f, Instant now) {
        jdbc.sql("""
                UPDATE organization SET code = :code, name_vi = :name, name_en = :nameEn, kind = :kind,
                    address = :address, contact_person = :cp, contact_phone = :phone, contact_email = :email,
                    contact_confirmed_on = :confirmed, contact_public = :pub, require_mfa = :mfa,
                    updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("code", f.getCode())
                .param("name", f.getName())
                .param("nameEn", blankToNull(f.getNameEn()))
                .param("kind", Objects.requireNonNull(f.getKind(), "kind").name())
                .param("address", blankToNull(f.getAddress()))
                .param("cp", blankToNull(f.getContactPerson()))
                .param("phone", blankToNull(f.getContactPhone()))
                .param("email", blankToNull(f.getContactEmail()))
                .param("confirmed", f.getContactConfirmedOn())
                .param("pub", f.isContactPublic())
                .param("mfa", f.isRequireMfa())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** Re-parents a subtree: one UPDATE rewrites the path prefix of the organisation and all below it. */
    void move(Organization org, Organization newParent, Instant now) {
        String oldPrefix = org.path();
        String newPrefix = newParent.path() + org.id() + "/";
        jdbc.sql("UPDATE organization SET path = :newPrefix || SUBSTRING(path, :cut) WHERE path LIKE :oldPrefix || '%'")
                .param("newPrefix", newPrefix)
                .param("cut", oldPrefix.length() + 1)
                .param("oldPrefix", oldPrefix)
                .update();
        jdbc.sql("UPDATE organization SET parent_id = :parent, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("parent", newParent.id())
                .param("now", Timestamp.from(now))
                .param("id", org.id())
                .update();
    }

    /** Whether the organisation or any ancestor requires MFA for its subtree. */
    public boolean mfaRequiredForAnyOf(long userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM role_grant g JOIN organization o ON o.id = g.organization_id
                JOIN organization a ON o.path LIKE a.path || '%'
                WHERE g.user_id = :user AND a.require_mfa = TRUE""").param("user", userId).query(Long.class).single() > 0;
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        Date confirmed = rs.getDate("contact_confirmed_on");
        LocalDate confirmedOn = confirmed == null ? null : confirmed.toLocalDate();
        return new Organization(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                OrgKind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", Long.class),
                rs.getString("path"),
                rs.getString("address"),
                new Organization.ContactPoint(
                        rs.getString("contact_person"),
                        rs.getString("contact_phone"),
                        rs.getString("contact_email"),
                        confirmedOn,
                        rs.getBoolean("contact_public")),
                rs.getBoolean("require_mfa"),
                rs.getBoolean("demo"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
