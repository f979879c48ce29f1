package vn.khien.reports.dashboard;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;

/**
 * Pre-aggregated dashboard figures (docs/adr/0025): each organisation's OWN figures for the running quarter (as of the
 * refresh) and for the finished quarters of the trend, computed by {@link FigureBook} — the same code path as reports
 * — and stored in {@code figure_snapshot}, so a dashboard reads a whole subtree in one query instead of running every
 * source's grouped counts for five periods. Refreshed by {@link ReportsJobs} (every 15 minutes by default) and, for one
 * organisation, when it submits a report or a system of its gets a level approved. A dashboard falls back to live
 * figures when the running quarter's snapshot is missing, older than {@code khien.reports.snapshot-max-age}, or
 * older than an organisation of the subtree.
 */
@Component
public class FigureSnapshots {
    private static final int CHUNK = 2000;

    /** The stored own figures of one period, when they were computed, and the day they are as of. */
    public record Stored(Map<Long, Map<String, Long>> own, Instant computedAt, LocalDate asOf) {}

    private final FigureBook book;
    private final DashboardTargets targets;
    private final ReportKinds kinds;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration maxAge;

    public FigureSnapshots(
            @Value("${khien.reports.snapshot-max-age:PT1H}") Duration maxAge,
            FigureBook book,
            DashboardTargets targets,
            ReportKinds kinds,
            JdbcClient jdbc,
            JdbcTemplate template,
            TransactionTemplate tx,
            Clock clock) {
        this.book = book;
        this.targets = targets;
        this.kinds = kinds;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * Whether a running quarter's snapshot may stand in for live figures of the subtree at {@code rootPath}: computed
     * today, within the maximum age, and after every organisation of the subtree was created.
     */
    public boolean usable(Stored s, String rootPath) {
        Instant now = clock.instant();
        if (s.computedAt().isBefore(now.minus(maxAge))
                || !s.asOf().equals(LocalDate.now(clock.withZone(DashboardService.ZONE)))) {
            return false;
        }
        Timestamp newest = jdbc.sql("SELECT MAX(created_at) FROM organization WHERE path LIKE :path")
                .param("path", rootPath + "%")
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return newest == null || !newest.toInstant().isAfter(s.computedAt());
    }

    /** Figures shown on the dashboard: the quarterly report's figures and every target's figures. */
    public Set<String> figureNames() {
        Set<String> names = new LinkedHashSet<>(quarterly().figures());
        names.addAll(targetFigures());
        return names;
    }

    /** The figures a trend point shows: every target's numerator and base (denominator, required figure). */
    public Set<String> targetFigures() {
        Set<String> names = new LinkedHashSet<>();
        for (DashboardTargets.Target t : targets.all()) {
            names.add(t.numerator());
            if (t.base() != null) {
                names.add(t.base());
            }
        }
        return names;
    }

    /** The finished quarters of the trend as of today: the {@code count - 1} quarters before the running one. */
    public List<ReportPeriod> finishedQuarters(int count) {
        ReportKind kind = quarterly();
        ReportPeriod p = ReportPeriod.containing(LocalDate.now(clock.withZone(DashboardService.ZONE)), kind.period());
        List<ReportPeriod> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            p = p.previous(kind.period());
            out.add(0, p);
        }
        return out;
    }

    /**
     * Stored own figures of the organisations under {@code rootPath} for those of the periods that have a snapshot,
     * in one query; periods without one are absent.
     */
    public Map<String, Stored> read(String rootPath, Collection<String> periods) {
        Map<String, Stored> out = periodsStored(periods);
        if (out.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT f.period, f.organization_id, f.figure, f.figure_value FROM figure_snapshot f
                JOIN organization o ON o.id = f.organization_id
                WHERE f.period IN (:periods) AND o.path LIKE :path""")
                .param("periods", out.keySet())
                .param("path", rootPath + "%")
                .query((ResultSet rs) -> put(out, rs));
        return out;
    }

    /**
     * The stored figures of the subtree at {@code rootPath} added up in SQL (docs/adr/0046), for those of the periods
     * that have a snapshot: in each {@link Stored#own()}, the key {@code rootId} holds the root's OWN figures and the
     * id of each organisation directly below it holds that child's SUBTREE total — one grouped query over the
     * subtree's rows (the child is read off each row's path), so a national dashboard fetches a few thousand sums
     * instead of every organisation's rows.
     */
    public Map<String, Stored> readByChild(long rootId, String rootPath, Collection<String> periods) {
        Map<String, Stored> out = periodsStored(periods);
        if (out.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT x.period, x.child, x.figure, SUM(x.figure_value) FROM (
                  SELECT f.period, f.figure, f.figure_value,
                    CASE WHEN o.path = :path THEN :root
                         ELSE CAST(SUBSTRING(o.path FROM :start
                                   FOR POSITION('/' IN SUBSTRING(o.path FROM :start)) - 1) AS BIGINT) END AS child
                  FROM figure_snapshot f JOIN organization o ON o.id = f.organization_id
                  WHERE f.period IN (:periods) AND o.path LIKE :prefix) x
                GROUP BY x.period, x.child, x.figure""")
                .param("path", rootPath)
                .param("root", rootId)
                .param("start", rootPath.length() + 1)
                .param("periods", out.keySet())
                .param("prefix", rootPath + "%")
                .query((ResultSet rs) -> put(out, rs));
        return out;
    }

    /**
     * The stored figures of the whole subtree at {@code rootPath} for one period, added up in SQL (one row per
     * figure), or empty when the period has no snapshot: {@link Stored#own()} holds them under the key 0.
     */
    public Optional<Stored> readTotal(String rootPath, String period) {
        Stored s = periodsStored(List.of(period)).get(period);
        if (s == null) {
            return Optional.empty();
        }
        Map<String, Long> sums = s.own().computeIfAbsent(0L, k -> new HashMap<>());
        jdbc.sql("""
                SELECT f.figure, SUM(f.figure_value) FROM figure_snapshot f
                JOIN organization o ON o.id = f.organization_id
                WHERE f.period = :period AND o.path LIKE :prefix GROUP BY f.figure""").param("period", period).param("prefix", rootPath + "%").query((ResultSet rs) -> {
            sums.put(rs.getString(1), rs.getLong(2));
        });
        return Optional.of(s);
    }

    /** One row (period, organisation, figure, value) into its period's stored figures; the query asked only for those. */
    private static void put(Map<String, Stored> out, ResultSet rs) throws java.sql.SQLException {
        Stored s = out.get(rs.getString(1));
        if (s != null) {
            s.own().computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).put(rs.getString(3), rs.getLong(4));
        }
    }

    /** A child's subtree sums of one target's figures: the numerator and the base (0 for a target without one). */
    public record Ranked(long organizationId, long numerator, long base) {}

    /**
     * One target's ranking of the children of the subtree at {@code rootPath} in one query (docs/adr/0078): the
     * stored figures of the period added up per child (the child read off each row's path, as {@link #readByChild}),
     * every child present (a child without rows counts 0) and ordered worst first — children without data for the
     * target (a base of 0) last; a share by its rounded percentage rising, a count by its value falling; then by id.
     * The order equals {@code DashboardService.worstFirst}.
     */
    public List<Ranked> rank(String rootPath, Collection<Long> childIds, String period, DashboardTargets.Target t) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        String base = t.base();
        // a count without a base always has data: no such key (a constant would read as a column position)
        String noData = base == null ? "" : "CASE WHEN COALESCE(x.base, 0) = 0 THEN 1 ELSE 0 END, ";
        String worst = t.share()
                ? "CASE WHEN COALESCE(x.base, 0) = 0 THEN 0 ELSE ROUND(100.0 * COALESCE(x.num, 0) / x.base) END ASC"
                : "COALESCE(x.num, 0) DESC";
        return jdbc.sql("""
                        SELECT c.id, COALESCE(x.num, 0), COALESCE(x.base, 0) FROM organization c
                        LEFT JOIN (
                          SELECT y.child, SUM(y.num) AS num, SUM(y.base) AS base FROM (
                            SELECT CAST(SUBSTRING(o.path FROM :start
                                          FOR POSITION('/' IN SUBSTRING(o.path FROM :start)) - 1) AS BIGINT) AS child,
                              CASE WHEN f.figure = :num THEN f.figure_value ELSE 0 END AS num,
                              CASE WHEN f.figure = :base THEN f.figure_value ELSE 0 END AS base
                            FROM figure_snapshot f JOIN organization o ON o.id = f.organization_id
                            WHERE f.period = :period AND o.path LIKE :prefix AND o.path <> :path
                              AND f.figure IN (:figures)) y
                          GROUP BY y.child) x ON x.child = c.id
                        WHERE c.id IN (:children)
                        ORDER BY""" + " " + noData + worst + ", c.id")
                .param("start", rootPath.length() + 1)
                .param("num", t.numerator())
                // no figure is named "": a target without a base sums nothing into it
                .param("base", base == null ? "" : base)
                .param("period", period)
                .param("prefix", rootPath + "%")
                .param("path", rootPath)
                .param("figures", base == null ? List.of(t.numerator()) : List.of(t.numerator(), base))
                .param("children", childIds)
                .query((rs, n) -> new Ranked(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private Map<String, Stored> periodsStored(Collection<String> periods) {
        Map<String, Stored> out = new HashMap<>();
        if (periods.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT period, computed_at, period_to FROM figure_snapshot_period WHERE period IN (:periods)")
                .param("periods", periods)
                .query((ResultSet rs) -> {
                    out.put(
                            rs.getString(1),
                            new Stored(
                                    new HashMap<>(), rs.getTimestamp(2).toInstant(), rs.getObject(3, LocalDate.class)));
                });
        return out;
    }

    /** The running quarter (the last) and the finished quarters before it, oldest first. */
    public List<ReportPeriod> quarters(int count) {
        List<ReportPeriod> out = new ArrayList<>(finishedQuarters(count));
        out.add(ReportPeriod.containing(
                LocalDate.now(clock.withZone(DashboardService.ZONE)),
                quarterly().period()));
        return out;
    }

    /** Recomputes every organisation's snapshot of the running quarter and the trend's finished quarters (the job). */
    public int refreshAll(int quarters) {
        List<Long> ids = jdbc.sql("SELECT id FROM organization ORDER BY id")
                .query(Long.class)
                .list();
        int rows = 0;
        for (ReportPeriod period : quarters(quarters)) {
            Map<Long, Map<String, Long>> own = new HashMap<>();
            for (int i = 0; i < ids.size(); i += CHUNK) {
                own.putAll(book.own(ids.subList(i, Math.min(ids.size(), i + CHUNK)), period.days()));
            }
            List<Object[]> batch = batch(period, own);
            rows += batch.size();
            Instant now = clock.instant();
            tx.executeWithoutResult(s -> {
                lock(period);
                jdbc.sql("DELETE FROM figure_snapshot WHERE period = :p")
                        .param("p", period.code())
                        .update();
                template.batchUpdate(
                        "INSERT INTO figure_snapshot (period, organization_id, figure, figure_value)"
                                + " VALUES (?, ?, ?, ?)",
                        batch);
                jdbc.sql("DELETE FROM figure_snapshot_period WHERE period = :p")
                        .param("p", period.code())
                        .update();
                jdbc.sql("""
                        INSERT INTO figure_snapshot_period (period, period_from, period_to, organizations, computed_at)
                        VALUES (:p, :from, :to, :n, :at)""")
                        .param("p", period.code())
                        .param("from", period.days().from())
                        .param("to", book.asOfToday(period.days()).to())
                        .param("n", ids.size())
                        .param("at", Timestamp.from(now))
                        .update();
            });
        }
        return rows;
    }

    /**
     * Recomputes one organisation's own figures in the stored quarters (an event changed them: a report submitted, a
     * level approved); runs in the caller's transaction.
     */
    public void refresh(long organizationId, int quarters) {
        refresh(List.of(organizationId), quarters);
    }

    /**
     * Recomputes several organisations' own figures in the stored quarters at once (a warning published reaches many):
     * one grouped query per figure for all of them, then their rows replaced; quarters without a snapshot are left
     * alone. Runs in the caller's transaction.
     */
    public void refresh(Collection<Long> organizationIds, int quarters) {
        if (organizationIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(organizationIds));
        List<ReportPeriod> periods = quarters(quarters);
        Set<String> present = new HashSet<>(jdbc.sql("SELECT period FROM figure_snapshot_period WHERE period IN (:p)")
                .param("p", periods.stream().map(ReportPeriod::code).toList())
                .query(String.class)
                .list());
        for (ReportPeriod period : periods) {
            if (!present.contains(period.code())) {
                continue;
            }
            Map<Long, Map<String, Long>> own = new HashMap<>();
            for (int i = 0; i < ids.size(); i += CHUNK) {
                own.putAll(book.own(ids.subList(i, Math.min(ids.size(), i + CHUNK)), period.days()));
            }
            lock(period);
            for (int i = 0; i < ids.size(); i += CHUNK) {
                jdbc.sql("DELETE FROM figure_snapshot WHERE period = :p AND organization_id IN (:o)")
                        .param("p", period.code())
                        .param("o", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                        .update();
            }
            template.batchUpdate(
                    "INSERT INTO figure_snapshot (period, organization_id, figure, figure_value)"
                            + " VALUES (?, ?, ?, ?)",
                    batch(period, own));
        }
    }

    /**
     * Takes the period's row lock until the transaction ends, so that the job's refresh of a whole period and an
     * event's refresh of one organisation (docs/adr/0041: after commit, on another thread) never interleave their
     * deletes and inserts (which would end in a duplicate key).
     */
    private void lock(ReportPeriod period) {
        jdbc.sql("SELECT period FROM figure_snapshot_period WHERE period = :p FOR UPDATE")
                .param("p", period.code())
                .query(String.class)
                .optional();
    }

    private List<Object[]> batch(ReportPeriod period, Map<Long, Map<String, Long>> own) {
        Set<String> names = figureNames();
        List<Object[]> batch = new ArrayList<>();
        own.forEach((org, figures) -> figures.forEach((name, value) -> {
            if (names.contains(name) && value != null && value != 0) {
                batch.add(new Object[] {period.code(), org, name, value});
            }
        }));
        return batch;
    }

    private ReportKind quarterly() {
        return kinds.find(DashboardService.QUARTERLY)
                .orElseThrow(() -> new IllegalStateException("rule data lacks " + DashboardService.QUARTERLY));
    }
}
