package vn.khien.incidents.teams;

import java.sql.Date;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/**
 * Response teams in SQL. A team is reached through the subtree of the ministry or province it belongs to, or of the
 * organisation that hosts it (its response unit): every scoped read ANDs that predicate.
 */
@Repository
class TeamRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    TeamRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public record Team(
            long id,
            long organizationId,
            String organizationName,
            long unitOrganizationId,
            String unitName,
            String name,
            String decisionNumber,
            LocalDate decisionDate,
            String decisionFileName,
            String decisionSha256) {}

    /** The uploaded file of a certificate: what it is and who uploaded it when (its content is fetched apart). */
    public record CertificateFile(
            String fileName,
            String contentType,
            String sha256,
            long sizeBytes,
            Instant uploadedAt,
            String uploadedBy) {}

    public record MemberSkill(
            String skill, String certificate, String certificateNumber, LocalDate validUntil, CertificateFile file) {
        public MemberSkill(String skill, String certificate, String certificateNumber, LocalDate validUntil) {
            this(skill, certificate, certificateNumber, validUntil, null);
        }
    }

    /**
     * A member of the roster; {@code endedOn} is set for one who left (kept for the history, gone from the roster and
     * the rotation).
     */
    public record Member(
            long id,
            Long personId,
            String fullName,
            String organisationName,
            String phone,
            String email,
            String role,
            boolean outsourced,
            List<MemberSkill> skills,
            LocalDate joinedOn,
            LocalDate endedOn,
            String endReason) {}

    public record Shift(
            long id, long memberId, String memberName, String phone, String email, Instant startsAt, Instant endsAt) {}

    private static final String FROM = " FROM response_team t JOIN organization tor ON tor.id = t.organization_id"
            + " JOIN organization tun ON tun.id = t.unit_organization_id";

    private static final String COLUMNS = """
            SELECT t.id, t.organization_id, tor.name_vi, t.unit_organization_id, tun.name_vi, t.name, t.decision_number,
                   t.decision_date, t.decision_file_name, t.decision_sha256""";

    /** Teams whose organisation or host unit lies in a subtree where the caller holds one of the capabilities. */
    private ScopeFilter reach(Capability... capabilities) {
        ScopeFilter own = scope.holdingAny("tor.path", "teamOwner", capabilities);
        ScopeFilter unit = scope.holdingAny("tun.path", "teamUnit", capabilities);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(unit.params());
        return new ScopeFilter("(" + own.sql() + " OR " + unit.sql() + ")", params);
    }

    Optional<Team> find(long id, Capability... capabilities) {
        ScopeFilter f = reach(capabilities);
        return jdbc.sql(COLUMNS + FROM + " WHERE t.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(TeamRepository::team)
                .optional();
    }

    List<Team> visible() {
        ScopeFilter f = reach(Capability.READ);
        return jdbc.sql(COLUMNS + FROM + " WHERE " + f.sql() + " ORDER BY tor.path LIMIT 500")
                .params(f.params())
                .query(TeamRepository::team)
                .list();
    }

    Optional<Long> teamOf(long organizationId) {
        return jdbc.sql("SELECT id FROM response_team WHERE organization_id = :o")
                .param("o", organizationId)
                .query(Long.class)
                .optional();
    }

    public record Option(long id, String name) {}

    /**
     * Ministries and provinces without a team that the caller may set one up for: those where they hold a managing
     * role, and those whose designated incident-response unit is where they hold one.
     */
    List<Option> creatableOrganizations(Collection<String> kinds) {
        ScopeFilter own = scope.holdingAny("o.path", "teamOwner", TeamService.MANAGE);
        ScopeFilter unit = scope.holdingAny("du.path", "teamUnit", TeamService.MANAGE);
        Map<String, Object> params = new HashMap<>(own.params());
        params.putAll(unit.params());
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE o.kind IN (:kinds)"
                        + " AND NOT EXISTS (SELECT 1 FROM response_team t WHERE t.organization_id = o.id) AND ("
                        + own.sql()
                        + " OR EXISTS (SELECT 1 FROM authority_designation d JOIN organization du ON du.id = d.organization_id"
                        + " WHERE d.scope_organization_id = o.id AND d.authority_role = 'INCIDENT_RESPONSE_UNIT' AND "
                        + unit.sql() + ")) ORDER BY o.path LIMIT 200")
                .params(params)
                .param("kinds", List.copyOf(kinds))
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** People who hold a role in the team organisation's subtree, to add to the roster. */
    List<Option> peopleOf(long organizationId) {
        return jdbc.sql("""
                SELECT DISTINCT u.id, u.display_name FROM app_user u JOIN role_grant g ON g.user_id = u.id
                JOIN organization go ON go.id = g.organization_id JOIN organization o ON o.id = :o
                WHERE go.path LIKE o.path || '%' ORDER BY u.display_name LIMIT 500""")
                .param("o", organizationId)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The organisation designated as the incident-response unit of this ministry or province, if any. */
    Optional<Long> designatedUnit(long organizationId) {
        return jdbc
                .sql("SELECT organization_id FROM authority_designation WHERE scope_organization_id = :o"
                        + " AND authority_role = 'INCIDENT_RESPONSE_UNIT' ORDER BY organization_id")
                .param("o", organizationId)
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Whether {@code inner} lies in the subtree of {@code outer} (itself included). */
    boolean inSubtree(long inner, long outer) {
        return jdbc.sql("SELECT COUNT(*) FROM organization i JOIN organization o ON o.id = :outer"
                                + " WHERE i.id = :inner AND i.path LIKE o.path || '%'")
                        .param("outer", outer)
                        .param("inner", inner)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(long organizationId, long unitId, String name, String number, LocalDate date, Long by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO response_team (organization_id, unit_organization_id, name, decision_number, decision_date,
                  created_by, created_at, updated_at) VALUES (:o, :u, :n, :num, :d, :by, :now, :now)""")
                .param("o", organizationId)
                .param("u", unitId)
                .param("n", name)
                .param("num", number)
                .param("d", date == null ? null : Date.valueOf(date))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateDecision(
            long teamId, String number, LocalDate date, String fileName, String sha256, byte[] file, Instant now) {
        jdbc.sql("""
                UPDATE response_team SET decision_number = :num, decision_date = :d,
                  decision_file_name = COALESCE(:fn, decision_file_name), decision_sha256 = COALESCE(:sha, decision_sha256),
                  decision_file = COALESCE(:f, decision_file), updated_at = :now WHERE id = :id""")
                .param("num", number)
                .param("d", Date.valueOf(date))
                .param("fn", fileName)
                .param("sha", sha256)
                .param("f", file)
                .param("now", Timestamp.from(now))
                .param("id", teamId)
                .update();
    }

    Optional<byte[]> decisionFile(long teamId) {
        return jdbc.sql("SELECT decision_file FROM response_team WHERE id = :id AND decision_file IS NOT NULL")
                .param("id", teamId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    long insertMember(
            long teamId,
            Long personId,
            String fullName,
            String organisationName,
            String phone,
            String email,
            String role,
            boolean outsourced,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO response_team_member (team_id, person_id, full_name, organisation_name, phone, email, team_role,
                  outsourced, active, created_at) VALUES (:t, :p, :n, :o, :ph, :e, :r, :out, TRUE, :now)""")
                .param("t", teamId)
                .param("p", personId)
                .param("n", fullName)
                .param("o", organisationName)
                .param("ph", phone)
                .param("e", email)
                .param("r", role)
                .param("out", outsourced)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertSkill(long memberId, MemberSkill s) {
        jdbc.sql("""
                INSERT INTO response_team_skill (member_id, skill_code, certificate, certificate_number, valid_until)
                VALUES (:m, :s, :c, :n, :v)""")
                .param("m", memberId)
                .param("s", s.skill())
                .param("c", s.certificate())
                .param("n", s.certificateNumber())
                .param("v", s.validUntil() == null ? null : Date.valueOf(s.validUntil()))
                .update();
    }

    /** The current roster: members who have not left. */
    List<Member> members(long teamId) {
        return members(teamId, "m.active = TRUE", null);
    }

    /** Members who left, most recent first: the history. */
    List<Member> formerMembers(long teamId) {
        return members(teamId, "m.active = FALSE", null);
    }

    /** One member of this team, current or former. */
    Optional<Member> member(long teamId, long memberId) {
        return members(teamId, "m.id = :mid", memberId).stream().findFirst();
    }

    private List<Member> members(long teamId, String condition, Long memberId) {
        Map<Long, List<MemberSkill>> skills = new HashMap<>();
        jdbc.sql("""
                SELECT k.member_id, k.skill_code, k.certificate, k.certificate_number, k.valid_until,
                  c.file_name, c.content_type, c.sha256, c.size_bytes, c.uploaded_at, u.display_name
                FROM response_team_skill k JOIN response_team_member m ON m.id = k.member_id
                LEFT JOIN response_team_certificate c ON c.member_id = k.member_id AND c.skill_code = k.skill_code
                LEFT JOIN app_user u ON u.id = c.uploaded_by
                WHERE m.team_id = :t""" + " AND " + condition + " ORDER BY k.id")
                .param("t", teamId)
                .params(memberId == null ? Map.of() : Map.of("mid", memberId))
                .query((rs, n) -> skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MemberSkill(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                                rs.getString(6) == null
                                        ? null
                                        : new CertificateFile(
                                                rs.getString(6),
                                                rs.getString(7),
                                                rs.getString(8),
                                                rs.getLong(9),
                                                rs.getTimestamp(10).toInstant(),
                                                rs.getString(11)))))
                .list();
        return jdbc.sql("""
                SELECT m.id, m.person_id, m.full_name, m.organisation_name, m.phone, m.email, m.team_role, m.outsourced,
                  m.created_at, e.ended_on, e.reason
                FROM response_team_member m LEFT JOIN response_team_member_end e ON e.member_id = m.id
                WHERE m.team_id = :t""" + " AND " + condition + " ORDER BY e.ended_on DESC, m.id")
                .param("t", teamId)
                .params(memberId == null ? Map.of() : Map.of("mid", memberId))
                .query((rs, n) -> new Member(
                        rs.getLong(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8),
                        skills.getOrDefault(rs.getLong(1), List.of()),
                        rs.getTimestamp(9).toInstant().atZone(TeamService.VN).toLocalDate(),
                        rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(),
                        rs.getString(11)))
                .list();
    }

    void updateMember(
            long memberId,
            String fullName,
            String organisationName,
            String phone,
            String email,
            String role,
            boolean outsourced) {
        jdbc.sql("""
                UPDATE response_team_member SET full_name = :n, organisation_name = :o, phone = :ph, email = :e,
                  team_role = :r, outsourced = :out WHERE id = :id AND active = TRUE""")
                .param("n", fullName)
                .param("o", organisationName)
                .param("ph", phone)
                .param("e", email)
                .param("r", role)
                .param("out", outsourced)
                .param("id", memberId)
                .update();
    }

    /** Replaces the member's skills; the certificate files of skills no longer held go with them. */
    void replaceSkills(long memberId, List<MemberSkill> skills) {
        jdbc.sql("DELETE FROM response_team_skill WHERE member_id = :m")
                .param("m", memberId)
                .update();
        List<String> kept = skills.stream().map(MemberSkill::skill).toList();
        jdbc.sql("DELETE FROM response_team_certificate WHERE member_id = :m"
                        + (kept.isEmpty() ? "" : " AND skill_code NOT IN (:kept)"))
                .param("m", memberId)
                .params(kept.isEmpty() ? Map.of() : Map.of("kept", kept))
                .update();
        skills.forEach(k -> insertSkill(memberId, k));
    }

    /** The member leaves the roster: kept with the day they left and why. */
    void endMember(long memberId, LocalDate endedOn, String reason, Long by, Instant now) {
        jdbc.sql("UPDATE response_team_member SET active = FALSE WHERE id = :id")
                .param("id", memberId)
                .update();
        jdbc.sql("""
                INSERT INTO response_team_member_end (member_id, ended_on, reason, ended_by, recorded_at)
                VALUES (:m, :d, :r, :by, :now)""")
                .param("m", memberId)
                .param("d", Date.valueOf(endedOn))
                .param("r", reason)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Takes the member off the rotation from {@code at}: later shifts are removed, a shift in progress ends then.
     * Returns how many shifts were removed or cut.
     */
    int takeOffRotation(long memberId, Instant at) {
        int removed = jdbc.sql("DELETE FROM response_team_shift WHERE member_id = :m AND starts_at >= :at")
                .param("m", memberId)
                .param("at", Timestamp.from(at))
                .update();
        return removed
                + jdbc.sql("UPDATE response_team_shift SET ends_at = :at WHERE member_id = :m AND starts_at < :at"
                                + " AND ends_at > :at")
                        .param("m", memberId)
                        .param("at", Timestamp.from(at))
                        .update();
    }

    /** The member's shifts that have not started yet. */
    List<Shift> upcomingShifts(long memberId, Instant now) {
        return jdbc.sql("""
                SELECT s.id, s.member_id, m.full_name, m.phone, m.email, s.starts_at, s.ends_at
                FROM response_team_shift s JOIN response_team_member m ON m.id = s.member_id
                WHERE s.member_id = :m AND s.starts_at >= :now ORDER BY s.starts_at, s.id LIMIT 200""")
                .param("m", memberId)
                .param("now", Timestamp.from(now))
                .query(TeamRepository::shift)
                .list();
    }

    void saveCertificate(
            long memberId,
            String skill,
            String fileName,
            String contentType,
            String sha256,
            byte[] content,
            Long by,
            Instant now) {
        jdbc.sql("DELETE FROM response_team_certificate WHERE member_id = :m AND skill_code = :s")
                .param("m", memberId)
                .param("s", skill)
                .update();
        jdbc.sql("""
                INSERT INTO response_team_certificate (member_id, skill_code, file_name, content_type, sha256, size_bytes,
                  content, uploaded_by, uploaded_at) VALUES (:m, :s, :n, :ct, :sha, :size, :c, :by, :now)""")
                .param("m", memberId)
                .param("s", skill)
                .param("n", fileName)
                .param("ct", contentType)
                .param("sha", sha256)
                .param("size", (long) content.length)
                .param("c", content)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<byte[]> certificateContent(long memberId, String skill) {
        return jdbc.sql("SELECT content FROM response_team_certificate WHERE member_id = :m AND skill_code = :s")
                .param("m", memberId)
                .param("s", skill)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    Optional<String> displayName(long personId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = :id")
                .param("id", personId)
                .query(String.class)
                .optional();
    }

    /** Whether the person holds a role somewhere in the subtree of the organisation (a person of the tree). */
    boolean personInSubtree(long personId, long organizationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM role_grant g JOIN organization go ON go.id = g.organization_id
                JOIN organization o ON o.id = :o WHERE g.user_id = :p AND go.path LIKE o.path || '%'""")
                        .param("o", organizationId)
                        .param("p", personId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Removes the shifts starting at or after {@code from}: a new rotation replaces the planned one. */
    int deleteShiftsFrom(long teamId, Instant from) {
        return jdbc.sql("DELETE FROM response_team_shift WHERE team_id = :t AND starts_at >= :f")
                .param("t", teamId)
                .param("f", Timestamp.from(from))
                .update();
    }

    void deleteShift(long shiftId) {
        jdbc.sql("DELETE FROM response_team_shift WHERE id = :id")
                .param("id", shiftId)
                .update();
    }

    void insertShift(long teamId, long memberId, Instant start, Instant end, Instant now) {
        jdbc.sql("""
                INSERT INTO response_team_shift (team_id, member_id, starts_at, ends_at, created_at)
                VALUES (:t, :m, :s, :e, :now)""")
                .param("t", teamId)
                .param("m", memberId)
                .param("s", Timestamp.from(start))
                .param("e", Timestamp.from(end))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Shifts of a team that overlap [from, to). */
    List<Shift> shifts(long teamId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT s.id, s.member_id, m.full_name, m.phone, m.email, s.starts_at, s.ends_at
                FROM response_team_shift s JOIN response_team_member m ON m.id = s.member_id
                WHERE s.team_id = :t AND s.ends_at > :f AND s.starts_at < :to ORDER BY s.starts_at, s.id LIMIT 200""")
                .param("t", teamId)
                .param("f", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(TeamRepository::shift)
                .list();
    }

    public record OnCallRow(long teamId, String teamName, Shift shift) {}

    /**
     * Unscoped, for the page of an incident the caller already reached: who is on call now in the teams of the
     * ministries or provinces above (or at) the organisation.
     */
    List<OnCallRow> onCallAbove(long organizationId, Instant at) {
        return jdbc.sql("""
                SELECT t.id, t.name, s.id, s.member_id, m.full_name, m.phone, m.email, s.starts_at, s.ends_at
                FROM response_team t JOIN organization tor ON tor.id = t.organization_id
                JOIN organization o ON o.id = :o AND o.path LIKE tor.path || '%'
                JOIN response_team_shift s ON s.team_id = t.id JOIN response_team_member m ON m.id = s.member_id
                WHERE s.starts_at <= :at AND s.ends_at > :at ORDER BY tor.path DESC, s.starts_at""")
                .param("o", organizationId)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new OnCallRow(
                        rs.getLong(1),
                        rs.getString(2),
                        new Shift(
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getTimestamp(8).toInstant(),
                                rs.getTimestamp(9).toInstant())))
                .list();
    }

    record ApplicabilityFacts(long organizationId, String kind, boolean designated, boolean hasTeam) {}

    /**
     * R26 applicability (unscoped; the ids come scoped): each organisation's kind, whether an organisation is designated
     * for it in {@code role} (scoped on it exactly), and whether it has recorded a team.
     */
    List<ApplicabilityFacts> applicabilityFacts(Collection<Long> organizationIds, String role) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT o.id, o.kind,
                  (SELECT COUNT(*) FROM authority_designation d WHERE d.scope_organization_id = o.id
                     AND d.authority_role = :role),
                  (SELECT COUNT(*) FROM response_team t WHERE t.organization_id = o.id)
                FROM organization o WHERE o.id IN (:ids)""")
                .param("role", role == null ? "" : role)
                .param("ids", List.copyOf(organizationIds))
                .query((rs, n) ->
                        new ApplicabilityFacts(rs.getLong(1), rs.getString(2), rs.getLong(3) > 0, rs.getLong(4) > 0))
                .list();
    }

    /** R26 evidence: the establishment decision's date per organisation (unscoped; the ids come scoped). */
    Map<Long, long[]> decisions(Collection<Long> organizationIds) {
        Map<Long, long[]> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT organization_id, id, decision_date FROM response_team"
                        + " WHERE decision_date IS NOT NULL AND organization_id IN (:ids)")
                .param("ids", List.copyOf(organizationIds))
                .query((rs, n) -> out.put(
                        rs.getLong(1),
                        new long[] {rs.getLong(2), rs.getDate(3).toLocalDate().toEpochDay()}))
                .list();
        return out;
    }

    private static Team team(ResultSet rs, int n) throws SQLException {
        return new Team(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
                rs.getString(9),
                rs.getString(10));
    }

    private static Shift shift(ResultSet rs, int n) throws SQLException {
        return new Shift(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant());
    }
}
