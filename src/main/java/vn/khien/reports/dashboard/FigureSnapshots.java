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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** The figures a trend point shows: every target's numerator and denominator. */
    public Set<String> targetFigures() {
        Set<String> names = new LinkedHashSet<>();
        for (DashboardTargets.Target t : targets.all()) {
            names.add(t.numerator());
            if (t.denominator() != null) {
                names.add(t.denominator());
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
        if (out.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT f.period, f.organization_id, f.figure, f.figure_value FROM figure_snapshot f
                JOIN organization o ON o.id = f.organization_id
                WHERE f.period IN (:periods) AND o.path LIKE :path""")
                .param("periods", out.keySet())
                .param("path", rootPath + "%")
                .query((ResultSet rs) -> {
                    out.get(rs.getString(1))
                            .own()
                            .computeIfAbsent(rs.getLong(2), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
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
        List<ReportPeriod> periods = quarters(quarters);
        Map<String, Stored> present = read(
                pathOf(organizationId), periods.stream().map(ReportPeriod::code).toList());
        for (ReportPeriod period : periods) {
            if (!present.containsKey(period.code())) {
                continue;
            }
            Map<Long, Map<String, Long>> own = book.own(List.of(organizationId), period.days());
            lock(period);
            jdbc.sql("DELETE FROM figure_snapshot WHERE period = :p AND organization_id = :o")
                    .param("p", period.code())
                    .param("o", organizationId)
                    .update();
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

    private String pathOf(long organizationId) {
        return jdbc.sql("SELECT path FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query(String.class)
                .single();
    }

    private ReportKind quarterly() {
        return kinds.find(DashboardService.QUARTERLY)
                .orElseThrow(() -> new IllegalStateException("rule data lacks " + DashboardService.QUARTERLY));
    }
}
