package vn.khien.incidents.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/**
 * The network duties of member organisations. A member is reached by a caller who holds a role on it (its subtree) or
 * who responds to incidents in the unit designated as the member's incident-response unit (authority designation
 * INCIDENT_RESPONSE_UNIT scoped on the member): the scope predicate is ANDed into every query, anything else is absent.
 */
@Repository
class NetworkRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    NetworkRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public record Member(long id, String name, String kind, String path) {}

    record Profile(
            long id, int version, String formVersion, String content, Instant submittedAt, String submittedByName) {}

    public record Report(
            long id,
            String kind,
            int year,
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate dueOn,
            int incidentsTotal,
            Instant submittedAt,
            String submittedByName) {
        public boolean onTime() {
            return !submittedAt.atZone(NetworkRules.VN).toLocalDate().isAfter(dueOn);
        }
    }

    /** Members the caller may see (read) or act for (write), by their own role or as the designated response unit. */
    private Access access(Capability... capabilities) {
        ScopeFilter own = scope.holdingAny("m.path", "own", capabilities);
        ScopeFilter unit = scope.holdingAny("du.path", "unit", Capability.RESPOND_INCIDENTS);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(unit.params());
        String sql = "(" + own.sql() + " OR EXISTS (SELECT 1 FROM authority_designation d JOIN organization du"
                + " ON du.id = d.organization_id WHERE d.scope_organization_id = m.id"
                + " AND d.authority_role = 'INCIDENT_RESPONSE_UNIT' AND " + unit.sql() + "))";
        return new Access(sql, params);
    }

    private record Access(String sql, Map<String, Object> params) {}

    private static final Capability[] ACT = {
        Capability.RESPOND_INCIDENTS, Capability.EDIT_CONTACT_POINT, Capability.EDIT_SECURITY_DATA
    };

    Optional<Member> member(long organizationId, boolean toAct) {
        Access a = toAct ? access(ACT) : access(Capability.READ);
        return jdbc.sql("SELECT m.id, m.name_vi, m.kind, m.path FROM organization m WHERE m.id = :id AND " + a.sql())
                .params(a.params())
                .param("id", organizationId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The members of these kinds the caller may see, by name. */
    List<Member> members(Set<String> kinds) {
        Access a = access(Capability.READ);
        return jdbc.sql("SELECT m.id, m.name_vi, m.kind, m.path FROM organization m WHERE m.kind IN (:kinds) AND "
                        + a.sql() + " ORDER BY m.name_vi LIMIT 500")
                .params(a.params())
                .param("kinds", List.copyOf(kinds))
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    List<Profile> profiles(long organizationId) {
        return jdbc.sql("""
                SELECT p.id, p.version, p.form_version, p.content, p.submitted_at, u.display_name
                FROM ir_member_profile p LEFT JOIN app_user u ON u.id = p.submitted_by
                WHERE p.organization_id = :o ORDER BY p.version DESC""")
                .param("o", organizationId)
                .query((rs, n) -> new Profile(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list();
    }

    long insertProfile(long organizationId, String formVersion, String content, Long by, Instant at) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM ir_member_profile WHERE organization_id = :o")
                .param("o", organizationId)
                .query(Integer.class)
                .single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ir_member_profile (organization_id, version, form_version, content, submitted_by, submitted_at)
                VALUES (:o, :v, :f, :c, :by, :at)""")
                .param("o", organizationId)
                .param("v", version)
                .param("f", formVersion)
                .param("c", content)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String CONTACT = """
            SELECT c.id, c.organization_id, c.contact_name, c.phone, c.email, c.reception_address, cu.display_name,
              c.changed_at, c.reported_at, ru.display_name
            FROM ir_contact_point c LEFT JOIN app_user cu ON cu.id = c.changed_by
            LEFT JOIN app_user ru ON ru.id = c.reported_by""";

    /** The change log of the contact point, newest first; the due instant from the rules. */
    List<ContactChange> contactChanges(long organizationId, NetworkRules rules) {
        return jdbc.sql(CONTACT + " WHERE c.organization_id = :o ORDER BY c.changed_at DESC, c.id DESC")
                .param("o", organizationId)
                .query((rs, n) -> contact(rs, rules))
                .list();
    }

    private static ContactChange contact(ResultSet rs, NetworkRules rules) throws SQLException {
        Instant changed = rs.getTimestamp(8).toInstant();
        Timestamp reported = rs.getTimestamp(9);
        return new ContactChange(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                changed,
                rules.contactReportDue(changed),
                reported == null ? null : reported.toInstant(),
                rs.getString(10));
    }

    long insertContact(
            long organizationId, String name, String phone, String email, String address, Long by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ir_contact_point (organization_id, contact_name, phone, email, reception_address, changed_by, changed_at)
                VALUES (:o, :n, :p, :e, :a, :by, :at)""")
                .param("o", organizationId)
                .param("n", name)
                .param("p", phone)
                .param("e", email)
                .param("a", address)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records the report of a change; false when it was reported meanwhile (the guard is in the WHERE). */
    boolean markContactReported(ContactChange reported, Long by) {
        return jdbc.sql("UPDATE ir_contact_point SET reported_at = :at, reported_by = :by"
                                + " WHERE id = :id AND organization_id = :o AND reported_at IS NULL")
                        .param("at", Timestamp.from(reported.reportedAt()))
                        .param("by", by)
                        .param("id", reported.id())
                        .param("o", reported.organizationId())
                        .update()
                == 1;
    }

    List<Report> reports(long organizationId) {
        return jdbc.sql("""
                SELECT r.id, r.kind, r.period_year, r.period_from, r.period_to, r.due_on, r.incidents_total,
                  r.submitted_at, u.display_name
                FROM ir_member_report r LEFT JOIN app_user u ON u.id = r.submitted_by
                WHERE r.organization_id = :o ORDER BY r.submitted_at DESC, r.id DESC""")
                .param("o", organizationId)
                .query((rs, n) -> new Report(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate(),
                        rs.getInt(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    Optional<byte[]> reportDocument(long organizationId, long reportId) {
        return jdbc.sql("SELECT document FROM ir_member_report WHERE id = :id AND organization_id = :o")
                .param("id", reportId)
                .param("o", organizationId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    // ---- evidence and attention, in bulk over ids already scoped by the caller (obligations) ----

    Map<Long, Instant> lastProfile(Collection<Long> organizationIds) {
        Map<Long, Instant> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT organization_id, MAX(submitted_at) FROM ir_member_profile WHERE organization_id IN (:ids)"
                        + " GROUP BY organization_id")
                .param("ids", List.copyOf(organizationIds))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        return out;
    }

    /** The earliest unreported contact change per organisation. */
    Map<Long, Instant> firstUnreportedChange(Collection<Long> organizationIds) {
        Map<Long, Instant> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT organization_id, MIN(changed_at) FROM ir_contact_point WHERE reported_at IS NULL"
                        + " AND organization_id IN (:ids) GROUP BY organization_id")
                .param("ids", List.copyOf(organizationIds))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        return out;
    }

    Map<Long, Instant> lastReport(Collection<Long> organizationIds) {
        Map<Long, Instant> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT organization_id, MAX(submitted_at) FROM ir_member_report WHERE organization_id IN (:ids)"
                        + " GROUP BY organization_id")
                .param("ids", List.copyOf(organizationIds))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        return out;
    }

    /** Unreported contact changes of members the caller may act for, for the home page. */
    List<Object[]> unreportedChangesActable() {
        Access a = access(ACT);
        List<Object[]> out = new ArrayList<>();
        jdbc.sql("SELECT m.id, m.name_vi, MIN(c.changed_at) FROM ir_contact_point c JOIN organization m"
                        + " ON m.id = c.organization_id WHERE c.reported_at IS NULL AND " + a.sql()
                        + " GROUP BY m.id, m.name_vi ORDER BY m.name_vi LIMIT 100")
                .params(a.params())
                .query((rs, n) -> out.add(new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()
                }))
                .list();
        return out;
    }
}
