package vn.khien.vulnerabilities.findings;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.VisibleSystems;

/** Findings, their locations and history; every read ANDs in the scope of the owning system. */
@Repository
class FindingRepository {

    /** The columns of a finding as listed, up to the FROM (followed by the finding and its system). */
    private static final String COLUMNS = """
            SELECT f.*, s.code AS system_code, s.name AS system_name, s.owner_organization_id,
                (SELECT COUNT(*) FROM finding_location l WHERE l.finding_id = f.id) AS location_count
            FROM\s""";

    private static final String SELECT = COLUMNS + "finding f JOIN information_system s ON s.id = f.system_id\n";

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public FindingRepository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /**
     * Lists count at most this many rows past the first: over a province or the country an exact count of every
     * matching finding costs more than the page itself, and nobody pages that far (issue 15, ADR 0026).
     */
    public static final int COUNT_CAP = 10_000;

    /**
     * A page of findings; {@code capped}: there are more than {@code total} ({@link #COUNT_CAP}) matches; {@code next}:
     * where the next page starts (null on the last page); {@code previous}: where the page before ends, to be sent as
     * {@code before} (null on the first page).
     */
    public record Page(
            List<Finding> items,
            long total,
            boolean capped,
            FindingQuery.@Nullable Cursor next,
            FindingQuery.@Nullable Cursor previous) {
        public Page(List<Finding> items, long total) {
            this(items, total, false, null, null);
        }
    }

    /** The list's order: most severe first, then the nearest due date (none last), then id; the cursor's key. */
    static final String ORDER = " ORDER BY f.severity_rank, f.due_date NULLS LAST, f.id";

    /** {@link #ORDER} backwards: a page before a cursor is read nearest row first, then turned around. */
    static final String REVERSED = " ORDER BY f.severity_rank DESC, f.due_date DESC NULLS FIRST, f.id DESC";

    /**
     * One page: after the query's cursor (keyset, issue 15: the index on the sort key is entered where the last page
     * ended, so page 200 costs what page 1 does), just before its {@code before} cursor (the "previous" link: read in
     * {@link #REVERSED} order from the cursor and turned around in memory) or, with neither, at the page's offset.
     */
    public Page search(FindingQuery q, LocalDate today) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, today, params);
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM finding f JOIN information_system s"
                        + " ON s.id = f.system_id WHERE " + where + " LIMIT " + (COUNT_CAP + 1) + ") capped")
                .params(params)
                .query(Long.class)
                .single();
        boolean capped = counted > COUNT_CAP;
        long total = Math.min(counted, COUNT_CAP);
        if (q.before() != null) {
            Rows before =
                    rows(where + " AND " + before(q.before(), params), REVERSED + " LIMIT " + (q.size() + 1), params);
            if (before.items.size() < q.size()) {
                // Fewer rows than a page before the cursor (some were closed since the link was made): the list's
                // first page, read from the start so that it is full.
                return search(q.page(0), today);
            }
            boolean more = before.items.size() > q.size();
            List<Finding> items = new ArrayList<>(before.items.subList(0, Math.min(q.size(), before.items.size())));
            List<Integer> ranks = new ArrayList<>(before.ranks.subList(0, items.size()));
            Collections.reverse(items);
            Collections.reverse(ranks);
            return new Page(
                    items,
                    total,
                    capped,
                    items.isEmpty() ? null : cursor(items, ranks, items.size() - 1),
                    more ? cursor(items, ranks, 0) : null);
        }
        String from = q.after() == null ? "" : " AND " + after(q.after(), params);
        Rows page = rows(
                where + from,
                ORDER + " LIMIT " + (q.size() + 1) + (q.after() == null ? " OFFSET " + (long) q.page() * q.size() : ""),
                params);
        List<Finding> items = page.items;
        FindingQuery.Cursor next = null;
        if (items.size() > q.size()) {
            items = items.subList(0, q.size());
            next = cursor(items, page.ranks, items.size() - 1);
        }
        // A page read after a cursor or at an offset past the first has rows before it.
        boolean hasPrevious = q.after() != null || q.page() > 0;
        return new Page(
                items, total, capped, next, hasPrevious && !items.isEmpty() ? cursor(items, page.ranks, 0) : null);
    }

    /** Rows of a page as read, with the severity rank of each (the cursor's first key). */
    private record Rows(List<Finding> items, List<Integer> ranks) {}

    /**
     * The page's ids are chosen first from the sort key and the filters alone (index-only over the finding indexes),
     * and only those rows are read whole: a province's list no longer fetches every wide finding row it passes over
     * on its way to a page (issue 15, ADR 0060).
     */
    private Rows rows(String where, String orderAndLimit, Map<String, Object> params) {
        List<Integer> ranks = new ArrayList<>();
        String order = orderAndLimit.substring(0, orderAndLimit.indexOf(" LIMIT "));
        List<Finding> items = jdbc.sql(COLUMNS + "(SELECT f.id FROM finding f JOIN information_system s"
                        + " ON s.id = f.system_id WHERE " + where + orderAndLimit + ") page"
                        + " JOIN finding f ON f.id = page.id JOIN information_system s ON s.id = f.system_id" + order)
                .params(params)
                .query((rs, n) -> {
                    ranks.add(rs.getInt("severity_rank"));
                    return map(rs, n);
                })
                .list();
        return new Rows(items, ranks);
    }

    private static FindingQuery.Cursor cursor(List<Finding> items, List<Integer> ranks, int i) {
        Finding f = items.get(i);
        return new FindingQuery.Cursor(ranks.get(i), f.dueDate(), f.id());
    }

    /**
     * Rows after the cursor in {@link #ORDER} (no due date sorts last within a severity). The leading
     * {@code severity_rank >= :afterRank} is what an index on the sort key starts its range at; the rest is exact on
     * both databases, with no row-value comparison whose NULL rules differ.
     */
    static String after(FindingQuery.Cursor c, Map<String, Object> params) {
        params.put("afterRank", c.severityRank());
        params.put("afterId", c.id());
        if (c.dueDate() == null) {
            return "f.severity_rank >= :afterRank AND (f.severity_rank > :afterRank"
                    + " OR (f.due_date IS NULL AND f.id > :afterId))";
        }
        params.put("afterDue", Date.valueOf(c.dueDate()));
        return "f.severity_rank >= :afterRank AND (f.severity_rank > :afterRank OR f.due_date > :afterDue"
                + " OR f.due_date IS NULL OR (f.due_date = :afterDue AND f.id > :afterId))";
    }

    /**
     * Rows before the cursor in {@link #ORDER}: the mirror of {@link #after}. A row without a due date comes before
     * the cursor only within a lower severity rank, or in the same rank when the cursor has no due date either and
     * the row's id is lower.
     */
    static String before(FindingQuery.Cursor c, Map<String, Object> params) {
        params.put("beforeRank", c.severityRank());
        params.put("beforeId", c.id());
        if (c.dueDate() == null) {
            return "f.severity_rank <= :beforeRank AND (f.severity_rank < :beforeRank OR f.due_date IS NOT NULL"
                    + " OR f.id < :beforeId)";
        }
        params.put("beforeDue", Date.valueOf(c.dueDate()));
        return "f.severity_rank <= :beforeRank AND (f.severity_rank < :beforeRank OR f.due_date < :beforeDue"
                + " OR (f.due_date = :beforeDue AND f.id < :beforeId))";
    }

    private String where(FindingQuery q, LocalDate today, Map<String, Object> params) {
        ScopeFilter f = systems.visibleSystems("f.system_id");
        params.putAll(f.params());
        StringBuilder w = new StringBuilder(f.sql());
        if (q.systemId() != null) {
            w.append(" AND f.system_id = :system");
            params.put("system", q.systemId());
        }
        if (q.organizationId() != null) {
            w.append(
                    " AND EXISTS (SELECT 1 FROM organization so2 WHERE so2.id = s.owner_organization_id AND so2.path LIKE"
                            + " (SELECT path FROM organization WHERE id = :org) || '%')");
            params.put("org", q.organizationId());
        }
        if (q.status() != null) {
            w.append(" AND f.status = :status");
            params.put("status", q.status().name());
        }
        if (q.severity() != null) {
            w.append(" AND f.severity = :severity");
            params.put("severity", q.severity().name());
        }
        if (q.cve() != null) {
            w.append(" AND f.cves LIKE :cve");
            params.put("cve", "%," + q.cve() + ",%");
        }
        if (q.host() != null) {
            w.append(
                    " AND EXISTS (SELECT 1 FROM finding_location hl WHERE hl.finding_id = f.id AND LOWER(hl.host) LIKE :host)");
            params.put("host", "%" + q.host() + "%");
        }
        if (q.overdueOnly()) {
            w.append(" AND f.status IN ('OPEN', 'REOPENED') AND f.due_date < :today");
            params.put("today", Date.valueOf(today));
        }
        return w.toString();
    }

    public Optional<Finding> findVisible(long id) {
        ScopeFilter f = systems.visibleSystems("f.system_id");
        return jdbc.sql(SELECT + " WHERE f.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(FindingRepository::map)
                .optional();
    }

    public List<Finding> findVisible(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ScopeFilter f = systems.visibleSystems("f.system_id");
        return jdbc.sql(SELECT + " WHERE f.id IN (:ids) AND " + f.sql())
                .params(f.params())
                .param("ids", ids)
                .query(FindingRepository::map)
                .list();
    }

    /** Locations of these (already authorised) findings, at most {@code perFinding} each, in report order. */
    public Map<Long, List<FindingLocation>> locations(Collection<Long> findingIds, int perFinding) {
        Map<Long, List<FindingLocation>> out = new LinkedHashMap<>();
        if (findingIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT * FROM finding_location WHERE finding_id IN (:ids) ORDER BY finding_id, id")
                .param("ids", findingIds)
                .query(rs -> {
                    List<FindingLocation> list = out.computeIfAbsent(rs.getLong("finding_id"), k -> new ArrayList<>());
                    if (list.size() < perFinding) {
                        list.add(mapLocation(rs));
                    }
                });
        return out;
    }

    public List<FindingChange> history(long findingId) {
        return jdbc.sql("SELECT * FROM finding_history WHERE finding_id = :id ORDER BY changed_at DESC, id DESC")
                .param("id", findingId)
                .query((rs, n) -> new FindingChange(
                        rs.getLong("id"),
                        rs.getLong("finding_id"),
                        rs.getString("from_status") == null ? null : FindingStatus.valueOf(rs.getString("from_status")),
                        FindingStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("scan_id") == null ? null : rs.getLong("scan_id"),
                        rs.getString("changed_by_name"),
                        rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("from_severity"),
                        rs.getString("to_severity")))
                .list();
    }

    public record StateChange(
            FindingStatus to,
            String reason,
            Long approverId,
            String approverName,
            LocalDate riskExpiresOn,
            LocalDate today,
            Instant at) {}

    public void changeState(Finding finding, StateChange c, Long actorId, String actorName) {
        boolean risk = c.to() == FindingStatus.ACCEPTED_RISK;
        jdbc.sql("""
                UPDATE finding SET status = :status, status_changed_at = :at,
                    risk_reason = :riskReason, risk_approved_by = :approver, risk_approved_name = :approverName,
                    risk_expires_on = :expires, closed_on = :closedOn, closed_by_scan_id = NULL
                WHERE id = :id""")
                .param("status", c.to().name())
                .param("at", Timestamp.from(c.at()))
                .param("riskReason", risk ? c.reason() : null)
                .param("approver", risk ? c.approverId() : null)
                .param("approverName", risk ? c.approverName() : null)
                .param("expires", risk ? Date.valueOf(c.riskExpiresOn()) : null)
                .param("closedOn", c.to() == FindingStatus.FIXED ? Date.valueOf(c.today()) : null)
                .param("id", finding.id())
                .update();
        jdbc.sql("""
                INSERT INTO finding_history (finding_id, from_status, to_status, changed_by, changed_by_name, reason,
                    changed_at) VALUES (:id, :from, :to, :by, :byName, :reason, :at)""")
                .param("id", finding.id())
                .param("from", finding.status().name())
                .param("to", c.to().name())
                .param("by", actorId)
                .param("byName", actorName)
                .param("reason", c.reason())
                .param("at", Timestamp.from(c.at()))
                .update();
    }

    /** Accepted risks past their expiry become open again (run daily and before lists are read). */
    public List<ExpiredRisk> expiredRisks(LocalDate today) {
        return jdbc.sql("SELECT id, system_id FROM finding WHERE status = 'ACCEPTED_RISK' AND risk_expires_on < :today")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new ExpiredRisk(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** An accepted risk past its expiry, and its system (whose finding counts change when it reopens). */
    public record ExpiredRisk(long id, long systemId) {}

    public void reopenExpiredRisk(long id, Instant at) {
        jdbc.sql(
                        "UPDATE finding SET status = 'OPEN', status_changed_at = :at WHERE id = :id AND status = 'ACCEPTED_RISK'")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
        jdbc.sql("""
                INSERT INTO finding_history (finding_id, from_status, to_status, reason, changed_at)
                VALUES (:id, 'ACCEPTED_RISK', 'OPEN', 'risk acceptance expired', :at)""").param("id", id).param("at", Timestamp.from(at)).update();
    }

    public record Count(String severity, FindingStatus status, long count, long overdue) {}

    /**
     * Counts by severity and state over what the caller sees in an organisation's subtree: sums of the systems' tally
     * rows ({@code finding_tally}, docs/adr/0058), not a count of the findings themselves.
     */
    public List<Count> counts(long organizationId, LocalDate today) {
        ScopeFilter f = systems.visibleSystems("t.system_id");
        return jdbc.sql("""
                SELECT t.severity, t.status, SUM(t.finding_count) AS n,
                    SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED') AND t.due_date < :today THEN t.finding_count ELSE 0 END)
                        AS late
                FROM finding_tally t JOIN information_system s ON s.id = t.system_id
                WHERE EXISTS (SELECT 1 FROM organization so2 WHERE so2.id = s.owner_organization_id AND so2.path LIKE
                    (SELECT path FROM organization WHERE id = :org) || '%') AND\s""" + f.sql() + " GROUP BY t.severity, t.status")
                .params(f.params())
                .param("org", organizationId)
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Count(
                        rs.getString(1), FindingStatus.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public record SystemScanDate(
            long systemId,
            String code,
            String name,
            @Nullable LocalDate lastScan) {}

    /** Visible systems owned in the subtree with the date of their last completed scan. */
    public List<SystemScanDate> lastScans(long organizationId) {
        ScopeFilter f = systems.visibleSystems("s.id");
        return jdbc.sql("""
                SELECT s.id, s.code, s.name, (SELECT MAX(sc.scan_date) FROM scan sc
                    WHERE sc.system_id = s.id AND sc.status = 'COMPLETED') AS last_scan
                FROM information_system s JOIN organization o ON o.id = s.owner_organization_id
                WHERE o.path LIKE (SELECT path FROM organization WHERE id = :org) || '%' AND\s""" + f.sql() + " ORDER BY s.code")
                .params(f.params())
                .param("org", organizationId)
                .query((rs, n) -> new SystemScanDate(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
    }

    public Optional<LocalDate> lastScan(long systemId) {
        List<Date> last = jdbc.sql("SELECT MAX(scan_date) FROM scan WHERE system_id = :s AND status = 'COMPLETED'")
                .param("s", systemId)
                .query((rs, n) -> rs.getDate(1))
                .list();
        return last.isEmpty() || last.get(0) == null
                ? Optional.empty()
                : Optional.of(last.get(0).toLocalDate());
    }

    public Optional<Long> homeOrganization(long personId) {
        return jdbc.sql("""
                SELECT o.id FROM role_grant g JOIN organization o ON o.id = g.organization_id
                WHERE g.user_id = :p ORDER BY LENGTH(o.path), o.id LIMIT 1""").param("p", personId).query(Long.class).optional();
    }

    static Finding map(ResultSet rs, int n) throws SQLException {
        String cves = rs.getString("cves");
        Date expires = rs.getDate("risk_expires_on");
        Date due = rs.getDate("due_date");
        Date closedOn = rs.getDate("closed_on");
        return new Finding(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("system_code"),
                rs.getString("system_name"),
                rs.getLong("owner_organization_id"),
                rs.getString("tool"),
                rs.getString("format"),
                rs.getString("title"),
                rs.getString("severity"),
                cves == null
                        ? List.of()
                        : Arrays.stream(cves.split(","))
                                .filter(x -> !x.isBlank())
                                .toList(),
                rs.getString("cwes"),
                rs.getString("cvss_vector"),
                rs.getObject("cvss_score") == null ? null : rs.getDouble("cvss_score"),
                rs.getString("description"),
                rs.getString("solution"),
                rs.getString("refs"),
                rs.getString("component"),
                rs.getString("primary_host"),
                FindingStatus.valueOf(rs.getString("status")),
                rs.getDate("first_seen").toLocalDate(),
                rs.getDate("last_seen").toLocalDate(),
                due == null ? null : due.toLocalDate(),
                rs.getObject("closed_by_scan_id") == null ? null : rs.getLong("closed_by_scan_id"),
                closedOn == null ? null : closedOn.toLocalDate(),
                rs.getString("risk_reason"),
                rs.getString("risk_approved_name"),
                expires == null ? null : expires.toLocalDate(),
                rs.getInt("location_count"));
    }

    static FindingLocation mapLocation(ResultSet rs) throws SQLException {
        return new FindingLocation(
                rs.getLong("id"),
                rs.getLong("finding_id"),
                rs.getString("host"),
                rs.getObject("port") == null ? null : rs.getInt("port"),
                rs.getString("protocol"),
                rs.getString("path"),
                rs.getString("url"),
                rs.getString("file_path"),
                rs.getObject("line") == null ? null : rs.getInt("line"),
                rs.getBoolean("fixed"),
                rs.getObject("fixed_by_scan_id") == null ? null : rs.getLong("fixed_by_scan_id"));
    }
}
