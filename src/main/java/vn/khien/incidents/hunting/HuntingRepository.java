package vn.khien.incidents.hunting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;

/** Threat-hunting campaigns; a campaign is reached only through its organisation's subtree (scope predicate). */
@Repository
class HuntingRepository {

    private final JdbcClient jdbc;
    private final OrgScope scope;

    HuntingRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public record Finding(long id, long systemId, String systemName, String title, Long taskId) {}

    public record Campaign(
            long id,
            long organizationId,
            String organizationName,
            String title,
            String scope,
            String hypotheses,
            @Nullable String techniques,
            LocalDate startedOn,
            @Nullable LocalDate endedOn,
            @Nullable String result,
            List<Finding> findings) {}

    public record Option(long id, String name) {}

    private static final String COLUMNS = """
            SELECT c.id, c.organization_id, co.name_vi, c.title, c.scope_text, c.hypotheses, c.techniques, c.started_on,
                   c.ended_on, c.result FROM hunting_campaign c JOIN organization co ON co.id = c.organization_id""";

    Optional<Campaign> find(long id) {
        ScopeFilter f = scope.visible("co.path");
        return jdbc.sql(COLUMNS + " WHERE c.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query((rs, n) -> campaign(rs, List.of()))
                .optional()
                .map(c -> new Campaign(
                        c.id(),
                        c.organizationId(),
                        c.organizationName(),
                        c.title(),
                        c.scope(),
                        c.hypotheses(),
                        c.techniques(),
                        c.startedOn(),
                        c.endedOn(),
                        c.result(),
                        findings(c.id())));
    }

    List<Campaign> visible() {
        ScopeFilter f = scope.visible("co.path");
        return jdbc.sql(COLUMNS + " WHERE " + f.sql() + " ORDER BY c.started_on DESC, c.id DESC LIMIT 200")
                .params(f.params())
                .query((rs, n) -> campaign(rs, List.of()))
                .list();
    }

    long insert(
            long organizationId,
            String title,
            String scopeText,
            String hypotheses,
            @Nullable String techniques,
            LocalDate startedOn,
            @Nullable LocalDate endedOn,
            @Nullable String result,
            @Nullable Long by,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hunting_campaign (organization_id, title, scope_text, hypotheses, techniques, started_on,
                  ended_on, result, created_by, created_at) VALUES (:o, :t, :s, :h, :tech, :from, :to, :r, :by, :now)""")
                .param("o", organizationId)
                .param("t", title)
                .param("s", scopeText)
                .param("h", hypotheses)
                .param("tech", techniques)
                .param("from", Date.valueOf(startedOn))
                .param("to", endedOn == null ? null : Date.valueOf(endedOn))
                .param("r", result)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    void insertFinding(long campaignId, long systemId, String title, long taskId) {
        jdbc.sql("INSERT INTO hunting_finding (campaign_id, system_id, title, task_id) VALUES (:c, :s, :t, :task)")
                .param("c", campaignId)
                .param("s", systemId)
                .param("t", title)
                .param("task", taskId)
                .update();
    }

    /** Whether the system is owned or operated within the organisation's subtree. */
    boolean systemInSubtree(long systemId, long organizationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM information_system s JOIN organization o ON o.id = :org
                JOIN organization so ON so.id = s.owner_organization_id JOIN organization op ON op.id = s.operator_organization_id
                WHERE s.id = :sys AND (so.path LIKE o.path || '%' OR op.path LIKE o.path || '%')""")
                        .param("org", organizationId)
                        .param("sys", systemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Whether the caller may open a remediation task on the system: the right to edit its security data through its
     * owner or operator (the check compliance's task machinery makes).
     */
    boolean canOpenTask(long systemId) {
        ScopeFilter own = scope.holding("so.path", Capability.EDIT_SECURITY_DATA);
        ScopeFilter op = scope.holdingAny("op.path", "oper", Capability.EDIT_SECURITY_DATA);
        return jdbc.sql(
                                "SELECT COUNT(*) FROM information_system s JOIN organization so ON so.id = s.owner_organization_id"
                                        + " JOIN organization op ON op.id = s.operator_organization_id WHERE s.id = :sys AND ("
                                        + own.sql() + " OR " + op.sql() + ")")
                        .params(own.params())
                        .params(op.params())
                        .param("sys", systemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Organisations where the caller may record a campaign. */
    List<Option> recordableOrganizations() {
        ScopeFilter f = scope.holdingAny("o.path", "hunt", HuntingService.RECORD);
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE " + f.sql() + " ORDER BY o.path LIMIT 500")
                .params(f.params())
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * Systems of the organisation's subtree (owned or operated by it or a unit under it: the rule the service checks,
     * {@link #systemInSubtree}) whose security data the caller may edit: those a finding of a campaign of that
     * organisation may open a remediation task on.
     */
    List<Option> taskableSystems(long organizationId) {
        ScopeFilter f = scope.holding("so.path", Capability.EDIT_SECURITY_DATA);
        return jdbc.sql("""
                        SELECT s.id, s.name FROM information_system s JOIN organization o ON o.id = :org
                        JOIN organization so ON so.id = s.owner_organization_id
                        JOIN organization op ON op.id = s.operator_organization_id
                        WHERE (so.path LIKE o.path || '%' OR op.path LIKE o.path || '%') AND """ + f.sql() + " ORDER BY s.name LIMIT 500")
                .params(f.params())
                .param("org", organizationId)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private List<Finding> findings(long campaignId) {
        List<Finding> out = new ArrayList<>();
        jdbc.sql("""
                SELECT f.id, f.system_id, s.name, f.title, f.task_id FROM hunting_finding f
                JOIN information_system s ON s.id = f.system_id WHERE f.campaign_id = :c ORDER BY f.id""")
                .param("c", campaignId)
                .query((rs, n) ->
                        out.add(new Finding(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long)
                                rs.getObject(5, Long.class))))
                .list();
        return out;
    }

    private static Campaign campaign(ResultSet rs, List<Finding> findings) throws SQLException {
        return new Campaign(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getDate(8).toLocalDate(),
                rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
                rs.getString(10),
                findings);
    }
}
