package vn.khien.reports.periodic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Role;
import vn.khien.access.ScopeFilter;

/** Periodic reports, their frozen snapshots and steps. Reads AND the caller's scope over the report's organisation. */
@Repository
class ReportRepository {

    /** One row of a snapshot: TOTAL, OWN or CHILD (with the child's report and state at freezing). */
    public record SnapshotRow(
            String rowKind, long organizationId, Long childReportId, String childState, String figure, Long value) {}

    /** A child's latest report version for the kind and period (any status). */
    public record ChildReport(
            long organizationId,
            long reportId,
            ReportStatus status,
            int version,
            LocalDate dueOn,
            Instant submittedAt) {}

    /** A child's latest frozen (submitted or accepted) version and its totals. */
    public record FrozenChild(long organizationId, long reportId, int version, Map<String, Long> totals) {}

    /** A step of the history: {@code actorName} the account that took it, {@code actorDisplayName} the person's name. */
    public record Step(
            String action,
            String fromStatus,
            String toStatus,
            String actorName,
            String comment,
            Instant occurredAt,
            String actorDisplayName) {}

    private static final String SELECT = """
            SELECT r.id, r.organization_id, o.name_vi, o.parent_id, r.kind, r.period, r.period_from, r.period_to,
                   r.version, r.status, r.due_on, r.rules_version, r.document_number, r.document_date, r.signer_name,
                   r.signed_file_name, r.return_comment, r.created_at, r.submitted_at, r.decided_at, r.checked_by,
                   r.checked_by_name
            FROM periodic_report r JOIN organization o ON o.id = r.organization_id""";

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PeriodicReport> find(long id, ScopeFilter visible) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND " + visible.sql())
                .params(visible.params())
                .param("id", id)
                .query(ReportRepository::map)
                .optional();
    }

    public Optional<PeriodicReport> latest(long organizationId, String kind, String period) {
        return jdbc.sql(SELECT + " WHERE r.organization_id = :org AND r.kind = :kind AND r.period = :period"
                        + " ORDER BY r.version DESC LIMIT 1")
                .param("org", organizationId)
                .param("kind", kind)
                .param("period", period)
                .query(ReportRepository::map)
                .optional();
    }

    public List<PeriodicReport> versions(long organizationId, String kind, String period) {
        return jdbc.sql(SELECT + " WHERE r.organization_id = :org AND r.kind = :kind AND r.period = :period"
                        + " ORDER BY r.version DESC")
                .param("org", organizationId)
                .param("kind", kind)
                .param("period", period)
                .query(ReportRepository::map)
                .list();
    }

    public List<PeriodicReport> ofOrganization(long organizationId, ScopeFilter visible) {
        return jdbc.sql(SELECT + " WHERE r.organization_id = :org AND " + visible.sql()
                        + " ORDER BY r.period DESC, r.kind, r.version DESC")
                .params(visible.params())
                .param("org", organizationId)
                .query(ReportRepository::map)
                .list();
    }

    public long insert(
            long organizationId,
            String kind,
            String period,
            LocalDate from,
            LocalDate to,
            int version,
            LocalDate dueOn,
            String rulesVersion,
            Long createdBy,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO periodic_report (organization_id, kind, period, period_from, period_to, version, status,
                    due_on, rules_version, created_by, created_at, updated_at)
                VALUES (:org, :kind, :period, :from, :to, :version, 'DRAFT', :due, :rules, :by, :now, :now)""")
                .param("org", organizationId)
                .param("kind", kind)
                .param("period", period)
                .param("from", from)
                .param("to", to)
                .param("version", version)
                .param("due", dueOn)
                .param("rules", rulesVersion)
                .param("by", createdBy)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void markChecked(PeriodicReport r, ReportStatus from, Instant now) {
        int n = jdbc.sql("""
                UPDATE periodic_report SET status = :to, checked_by = :by, checked_by_name = :name, updated_at = :now
                WHERE id = :id AND status = :from""")
                .param("to", r.status().name())
                .param("by", r.checkedBy())
                .param("name", r.checkedByName())
                .param("now", Timestamp.from(now))
                .param("id", r.id())
                .param("from", from.name())
                .update();
        requireOne(n);
    }

    public void markSigned(PeriodicReport r, ReportStatus from, String fileType, byte[] file, Instant now) {
        int n = jdbc.sql("""
                UPDATE periodic_report SET status = :to, document_number = :number, document_date = :date,
                    signer_name = :signer, signed_file_name = :fileName, signed_file_type = :fileType,
                    signed_file = :file, updated_at = :now WHERE id = :id AND status = :from""")
                .param("to", r.status().name())
                .param("number", r.documentNumber())
                .param("date", r.documentDate())
                .param("signer", r.signerName())
                .param("fileName", r.signedFileName())
                .param("fileType", fileType)
                .param("file", file)
                .param("now", Timestamp.from(now))
                .param("id", r.id())
                .param("from", from.name())
                .update();
        requireOne(n);
    }

    public void markSubmitted(PeriodicReport r, ReportStatus from, List<SnapshotRow> snapshot, Instant now) {
        int n = jdbc.sql("""
                UPDATE periodic_report SET status = :to, submitted_at = :at, updated_at = :now
                WHERE id = :id AND status = :from""")
                .param("to", r.status().name())
                .param("at", Timestamp.from(r.submittedAt()))
                .param("now", Timestamp.from(now))
                .param("id", r.id())
                .param("from", from.name())
                .update();
        requireOne(n);
        jdbc.sql("DELETE FROM periodic_report_figure WHERE report_id = :id")
                .param("id", r.id())
                .update();
        for (SnapshotRow row : snapshot) {
            jdbc.sql("""
                    INSERT INTO periodic_report_figure (report_id, row_kind, row_organization_id, child_report_id,
                        child_state, figure, figure_value)
                    VALUES (:id, :kind, :org, :child, :state, :figure, :value)""")
                    .param("id", r.id())
                    .param("kind", row.rowKind())
                    .param("org", row.organizationId())
                    .param("child", row.childReportId())
                    .param("state", row.childState())
                    .param("figure", row.figure())
                    .param("value", row.value())
                    .update();
        }
    }

    public void markAccepted(PeriodicReport r, ReportStatus from, Instant now) {
        decided(r, from, now);
    }

    public void markReturned(PeriodicReport r, ReportStatus from, Instant now) {
        decided(r, from, now);
    }

    private void decided(PeriodicReport r, ReportStatus from, Instant now) {
        int n = jdbc.sql("""
                UPDATE periodic_report SET status = :to, return_comment = :comment, decided_at = :at, updated_at = :now
                WHERE id = :id AND status = :from""")
                .param("to", r.status().name())
                .param("comment", r.returnComment())
                .param("at", Timestamp.from(r.decidedAt()))
                .param("now", Timestamp.from(now))
                .param("id", r.id())
                .param("from", from.name())
                .update();
        requireOne(n);
    }

    private void status(PeriodicReport r, ReportStatus from, Instant now) {
        int n = jdbc.sql("UPDATE periodic_report SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
                .param("to", r.status().name())
                .param("now", Timestamp.from(now))
                .param("id", r.id())
                .param("from", from.name())
                .update();
        requireOne(n);
    }

    private static void requireOne(int n) {
        if (n != 1) {
            throw new OptimisticLockingFailureException("periodic report changed meanwhile");
        }
    }

    public void step(
            long reportId,
            ReportAction action,
            ReportStatus from,
            ReportStatus to,
            Long actorId,
            String actorName,
            String comment,
            Instant now) {
        jdbc.sql("""
                INSERT INTO periodic_report_step (report_id, action, from_status, to_status, actor_id, actor_name,
                    comment, occurred_at) VALUES (:id, :action, :from, :to, :actor, :name, :comment, :at)""")
                .param("id", reportId)
                .param("action", action.name())
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("actor", actorId)
                .param("name", actorName)
                .param("comment", comment)
                .param("at", Timestamp.from(now))
                .update();
    }

    public List<Step> steps(long reportId) {
        return jdbc.sql("""
                SELECT s.action, s.from_status, s.to_status, s.actor_name, s.comment, s.occurred_at, u.display_name
                FROM periodic_report_step s LEFT JOIN app_user u ON u.id = s.actor_id
                WHERE s.report_id = :id ORDER BY s.id""")
                .param("id", reportId)
                .query((rs, n) -> new Step(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    public List<SnapshotRow> snapshot(long reportId) {
        return jdbc.sql("""
                SELECT row_kind, row_organization_id, child_report_id, child_state, figure, figure_value
                FROM periodic_report_figure WHERE report_id = :id ORDER BY row_kind, row_organization_id, figure""")
                .param("id", reportId)
                .query((rs, n) -> new SnapshotRow(
                        rs.getString(1),
                        rs.getLong(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getString(4),
                        rs.getString(5),
                        (Long) rs.getObject(6, Long.class)))
                .list();
    }

    /** The per-unit rows frozen in these reports, by report, in one query. */
    public Map<Long, List<SnapshotRow>> unitRows(Collection<Long> reportIds) {
        return rowsOfKind(reportIds, "UNIT");
    }

    /**
     * The gap rows frozen in these reports, by report, in one query: per organisation below, the figures its totals
     * lacked (value null; {@code childReportId} the report that lacked them).
     */
    public Map<Long, List<SnapshotRow>> gapRows(Collection<Long> reportIds) {
        return rowsOfKind(reportIds, "GAP");
    }

    private Map<Long, List<SnapshotRow>> rowsOfKind(Collection<Long> reportIds, String rowKind) {
        Map<Long, List<SnapshotRow>> result = new HashMap<>();
        if (reportIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT report_id, row_organization_id, child_report_id, figure, figure_value FROM periodic_report_figure
                WHERE report_id IN (:ids) AND row_kind = :rowKind
                ORDER BY report_id, row_organization_id, figure""")
                .param("ids", List.copyOf(reportIds))
                .param("rowKind", rowKind)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new SnapshotRow(
                                    rowKind,
                                    rs.getLong(2),
                                    (Long) rs.getObject(3, Long.class),
                                    null,
                                    rs.getString(4),
                                    (Long) rs.getObject(5, Long.class)));
                });
        return result;
    }

    /** Each child's latest version for the kind and period, in one query. */
    public Map<Long, ChildReport> latestOfChildren(String kind, String period, Collection<Long> children) {
        Map<Long, ChildReport> result = new HashMap<>();
        if (children.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT r.organization_id, r.id, r.status, r.version, r.due_on, r.submitted_at FROM periodic_report r
                WHERE r.kind = :kind AND r.period = :period AND r.organization_id IN (:orgs)
                  AND r.version = (SELECT MAX(r2.version) FROM periodic_report r2 WHERE r2.organization_id = r.organization_id
                                   AND r2.kind = r.kind AND r2.period = r.period)""")
                .param("kind", kind)
                .param("period", period)
                .param("orgs", children)
                .query((ResultSet rs) -> {
                    Timestamp sent = rs.getTimestamp(6);
                    result.put(
                            rs.getLong(1),
                            new ChildReport(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    ReportStatus.valueOf(rs.getString(3)),
                                    rs.getInt(4),
                                    rs.getObject(5, LocalDate.class),
                                    sent == null ? null : sent.toInstant()));
                });
        return result;
    }

    /** The latest submission of a frozen (submitted or accepted) report. */
    public record LastSubmission(long organizationId, long reportId, Instant submittedAt) {}

    /**
     * Per organisation, the latest frozen report (submitted or accepted, not returned) of any of the kinds, in ONE
     * query: what proves a reporting duty met.
     */
    public Map<Long, LastSubmission> lastSubmitted(Collection<String> kinds, Collection<Long> organizations) {
        Map<Long, LastSubmission> result = new HashMap<>();
        if (kinds.isEmpty() || organizations.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT r.organization_id, r.id, r.submitted_at FROM periodic_report r
                WHERE r.kind IN (:kinds) AND r.organization_id IN (:orgs) AND r.status IN ('SUBMITTED', 'ACCEPTED')
                  AND r.submitted_at IS NOT NULL
                ORDER BY r.submitted_at, r.id""").param("kinds", kinds).param("orgs", organizations).query((ResultSet rs) -> {
            // Ordered by time: the last row of an organisation is its latest submission.
            result.put(
                    rs.getLong(1),
                    new LastSubmission(
                            rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
        });
        return result;
    }

    /** Each child's latest frozen totals (submitted or accepted) for the kind and period, in ONE query. */
    public Map<Long, FrozenChild> frozenTotals(String kind, String period, Collection<Long> children) {
        Map<Long, FrozenChild> result = new LinkedHashMap<>();
        if (children.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT r.organization_id, r.id, r.version, f.figure, f.figure_value FROM periodic_report r
                JOIN periodic_report_figure f ON f.report_id = r.id AND f.row_kind = 'TOTAL'
                WHERE r.kind = :kind AND r.period = :period AND r.organization_id IN (:orgs)
                  AND r.status IN ('SUBMITTED', 'ACCEPTED')
                  AND r.version = (SELECT MAX(r2.version) FROM periodic_report r2 WHERE r2.organization_id = r.organization_id
                                   AND r2.kind = r.kind AND r2.period = r.period AND r2.status IN ('SUBMITTED', 'ACCEPTED'))""")
                .param("kind", kind)
                .param("period", period)
                .param("orgs", children)
                .query((ResultSet rs) -> {
                    FrozenChild c = result.computeIfAbsent(rs.getLong(1), k -> {
                        try {
                            return new FrozenChild(k, rs.getLong(2), rs.getInt(3), new LinkedHashMap<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    c.totals().put(rs.getString(4), (Long) rs.getObject(5, Long.class));
                });
        return result;
    }

    /** An organisation the caller sees, with its depth in the tree for indented lists. */
    public record OrgChoice(long id, String name, int depth) {}

    public List<OrgChoice> visibleOrganizations(ScopeFilter visible) {
        return jdbc.sql("SELECT o.id, o.name_vi, o.path FROM organization o WHERE " + visible.sql()
                        + " ORDER BY o.path")
                .params(visible.params())
                .query((rs, n) -> new OrgChoice(
                        rs.getLong(1),
                        rs.getString(2),
                        (int) rs.getString(3).chars().filter(c -> c == '/').count() - 2))
                .list();
    }

    /** 1 when the organisation matches the predicate (over alias {@code o}), else 0. */
    public long countOrganizations(long organizationId, ScopeFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM organization o WHERE o.id = :orgId AND " + filter.sql())
                .params(filter.params())
                .param("orgId", organizationId)
                .query(Long.class)
                .single();
    }

    /**
     * Whether the person holds one of these roles granted on the organisation itself (not on a body above it) or, with
     * {@code orSecurityUnit}, on a unit designated as that organisation's own security unit
     * ({@code OWNER_SECURITY_UNIT} scoped to it).
     */
    public boolean holdsRoleOn(long person, long organizationId, Set<Role> roles, boolean orSecurityUnit) {
        if (roles.isEmpty()) {
            return false;
        }
        String unit = orSecurityUnit
                ? " OR g.organization_id IN (SELECT d.organization_id FROM authority_designation d"
                        + " WHERE d.scope_organization_id = :org AND d.authority_role = 'OWNER_SECURITY_UNIT')"
                : "";
        return jdbc.sql("SELECT COUNT(*) FROM role_grant g WHERE g.user_id = :person AND g.role IN (:roles)"
                                + " AND (g.organization_id = :org" + unit + ")")
                        .param("person", person)
                        .param("roles", roles.stream().map(Enum::name).toList())
                        .param("org", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A report waiting for one person's step (the home page, and the "waiting for me" list of {@code /reports}), with
     * the step and the report's status and due day.
     */
    record Awaiting(
            long id,
            String organizationName,
            String kind,
            String period,
            ReportStatus status,
            LocalDate dueOn,
            ReportAction action) {}

    /**
     * The reports on which the person may take this step now, by the step's own statement in {@link ReportAction} (the
     * statuses it starts from, whose organisation acts, the roles that count there, the checker never signing, only a
     * report with a parent going upward) — the rule {@link ReportActors#denial} applies to one report, asked of all
     * reports in one query ({@link ReportAction#awaited()}; opening and revising wait for no one). Earliest due first.
     */
    List<Awaiting> awaiting(long person, ReportAction action, int limit) {
        Set<Role> roles = action.roles();
        if (roles.isEmpty()) {
            return List.of();
        }
        String granted = "SELECT g.organization_id FROM role_grant g WHERE g.user_id = :person AND g.role IN (:roles)";
        String actor = switch (action.actors()) {
            case REPORTING -> "r.organization_id IN (" + granted + ")";
            case REPORTING_OR_SECURITY_UNIT ->
                "(r.organization_id IN (" + granted + ") OR r.organization_id IN (SELECT d.scope_organization_id"
                        + " FROM authority_designation d WHERE d.authority_role = 'OWNER_SECURITY_UNIT'"
                        + " AND d.organization_id IN (" + granted + ")))";
            case PARENT -> "o.parent_id IN (" + granted + ")";
            case DRAFTERS -> throw new IllegalArgumentException(action + " waits for no one");
        };
        StringBuilder where = new StringBuilder("r.status IN (:statuses) AND ").append(actor);
        if (action.notByChecker()) {
            where.append(" AND (r.checked_by IS NULL OR r.checked_by <> :person)");
        }
        if (action.upward()) {
            where.append(" AND o.parent_id IS NOT NULL");
        }
        return jdbc.sql("SELECT r.id, o.name_vi, r.kind, r.period, r.status, r.due_on FROM periodic_report r"
                        + " JOIN organization o ON o.id = r.organization_id WHERE " + where
                        + " ORDER BY r.due_on, r.id LIMIT :limit")
                .param("person", person)
                .param("roles", roles.stream().map(Enum::name).toList())
                .param(
                        "statuses",
                        action.from().stream().map(Enum::name).sorted().toList())
                .param("limit", limit)
                .query((rs, n) -> new Awaiting(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        ReportStatus.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class),
                        action))
                .list();
    }

    public Optional<SignedFile> signedFile(long id) {
        return jdbc.sql("SELECT signed_file_name, signed_file_type, signed_file FROM periodic_report WHERE id = :id"
                        + " AND signed_file IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> new SignedFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    public record SignedFile(String name, String type, byte[] content) {}

    private static PeriodicReport map(ResultSet rs, int n) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new PeriodicReport(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("name_vi"),
                (Long) rs.getObject("parent_id", Long.class),
                rs.getString("kind"),
                rs.getString("period"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getInt("version"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("rules_version"),
                rs.getString("document_number"),
                rs.getObject("document_date", LocalDate.class),
                rs.getString("signer_name"),
                rs.getString("signed_file_name"),
                rs.getString("return_comment"),
                rs.getTimestamp("created_at").toInstant(),
                submitted == null ? null : submitted.toInstant(),
                decided == null ? null : decided.toInstant(),
                (Long) rs.getObject("checked_by", Long.class),
                rs.getString("checked_by_name"));
    }

    static List<SnapshotRow> rows(String kind, long org, Long childReport, String state, Map<String, Long> figures) {
        List<SnapshotRow> rows = new ArrayList<>();
        figures.forEach((f, v) -> rows.add(new SnapshotRow(kind, org, childReport, state, f, v)));
        return rows;
    }
}
