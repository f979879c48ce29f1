package vn.khien.reports.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.OrgScope;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.figures.FigurePeriod;
import vn.khien.platform.figures.FigureRow;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportKinds;
import vn.khien.reports.kinds.ReportPeriod;

/**
 * An organisation subtree's standing: the targets as figures with deadlines, a trend by quarter and the children
 * ranked worst first. Computed by {@link FigureBook} over the current quarter as of today, exactly as a quarterly
 * report compiled now (one code path), with every organisation's own figures fetched in one grouped query per figure.
 */
@Service
public class DashboardService {
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String QUARTERLY = "QUARTERLY_STATUS";
    public static final int TREND_QUARTERS = 4;

    public record TargetValue(
            DashboardTargets.Target target,
            Long value,
            Long denominator,
            Integer percent,
            Boolean met,
            LocalDate deadline) {}

    public record Standing(
            long organizationId, String name, Integer score, List<TargetValue> targets, Map<String, Long> figures) {}

    public record TrendPoint(String period, Map<String, Integer> percents, Map<String, Long> figures) {}

    /**
     * {@code computedAt}: when the running quarter's figures were pre-aggregated (docs/adr/0025; {@code asOf} is then
     * that day), or null when they were computed live now; {@code trendComputedAt}: the same for the finished
     * quarters of the trend (the oldest of them).
     */
    public record Dashboard(
            long organizationId,
            String name,
            String period,
            LocalDate from,
            LocalDate asOf,
            Standing standing,
            List<TrendPoint> trend,
            List<Standing> children,
            Instant computedAt,
            Instant trendComputedAt) {}

    /** One organisation's value of a figure (its subtree total), for the drill-down. */
    public record DrillChild(long organizationId, String name, Long value) {}

    /**
     * The drill-down of a figure: the organisation's subtree total, each child's subtree total (worst — largest —
     * first, each leading to its own drill-down) and the rows of the organisation's own data behind the figure
     * (systems, findings, …, each with a link), all within the viewer's subtree.
     */
    public record Drill(
            long organizationId,
            String name,
            String figure,
            String period,
            LocalDate asOf,
            Long total,
            Long own,
            List<DrillChild> children,
            List<FigureRow> rows) {}

    static final int DRILL_ROWS = 200;

    private final FigureBook book;
    private final DashboardTargets targets;
    private final ReportKinds kinds;
    private final OrgScope scope;
    private final Clock clock;
    private final FigureSnapshots snapshots;

    public DashboardService(
            FigureBook book,
            DashboardTargets targets,
            ReportKinds kinds,
            OrgScope scope,
            Clock clock,
            FigureSnapshots snapshots) {
        this.snapshots = snapshots;
        this.book = book;
        this.targets = targets;
        this.kinds = kinds;
        this.scope = scope;
        this.clock = clock;
    }

    /** Figures shown on the dashboard: the quarterly report's figures and every target's figures. */
    public Set<String> figureNames() {
        return snapshots.figureNames();
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(long organizationId) {
        return dashboard(organizationId, false);
    }

    /**
     * The dashboard, from the pre-aggregated snapshot when it is usable (present, younger than the maximum age and
     * than every organisation of the subtree), else — or when {@code live} — computed now.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(long organizationId, boolean live) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        return compute(organizationId, live);
    }

    /**
     * Reads every root organisation's dashboard once, without a person and without keeping the result (docs/adr/0041):
     * called by the reports job after it refreshed the snapshot, so that the first person's dashboard does not pay
     * for the first executions of its queries and code (the cold call took ~1.2 s against 0.2–0.5 s warm).
     *
     * @return the number of dashboards read
     */
    @Transactional(readOnly = true)
    public int warmUp() {
        List<Long> roots = book.roots();
        for (long root : roots) {
            compute(root, false);
            standingOf(root, false);
        }
        return roots.size();
    }

    private Dashboard compute(long organizationId, boolean live) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        ReportKind kind = quarterly();
        ReportPeriod current = ReportPeriod.containing(today, kind.period());
        if (!live) {
            Dashboard summed = fromSums(organizationId, kind, current);
            if (summed != null) {
                return summed;
            }
        }
        List<FigureBook.OrgNode> nodes = book.subtree(organizationId);
        List<Long> ids = nodes.stream().map(FigureBook.OrgNode::id).toList();
        Set<String> names = figureNames();
        FigureBook.OrgNode self = nodes.get(0);
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod p = current;
        for (int i = 0; i < TREND_QUARTERS; i++) {
            periods.add(0, p);
            p = p.previous(kind.period());
        }
        Map<String, FigureSnapshots.Stored> stored = live
                ? Map.of()
                : snapshots.read(
                        self.path(), periods.stream().map(ReportPeriod::code).toList());
        FigureSnapshots.Stored now = stored.get(current.code());
        if (now != null && !snapshots.usable(now, self.path())) {
            now = null;
        }
        Map<Long, Map<String, Long>> currentOwn = now != null ? now.own() : book.own(ids, current.days());
        Map<Long, Map<String, Long>> totals = book.subtreeTotals(nodes, currentOwn);
        Standing standing = standing(self, names, totals, current.days());
        List<Standing> children = new ArrayList<>();
        for (FigureBook.OrgNode n : nodes) {
            if (n.parentId() != null && n.parentId() == organizationId) {
                children.add(standing(n, names, totals, current.days()));
            }
        }
        children.sort(Comparator.comparing((Standing s) -> s.score() == null ? Integer.MAX_VALUE : s.score())
                .thenComparing(Standing::name));

        List<TrendPoint> trend = new ArrayList<>();
        Set<String> targetFigures = snapshots.targetFigures();
        Instant trendComputedAt = null;
        for (ReportPeriod q : periods) {
            Map<String, Long> figures;
            if (q.equals(current)) {
                figures = standing.figures();
            } else {
                FigureSnapshots.Stored s = stored.get(q.code());
                Map<Long, Map<String, Long>> own = s != null ? s.own() : book.own(ids, q.days());
                if (s != null && (trendComputedAt == null || s.computedAt().isBefore(trendComputedAt))) {
                    trendComputedAt = s.computedAt();
                }
                figures = book.select(targetFigures, sum(own, ids));
            }
            Map<String, Integer> percents = new LinkedHashMap<>();
            for (TargetValue v : values(figures, q.days())) {
                percents.put(v.target().key(), v.percent());
            }
            trend.add(new TrendPoint(q.code(), percents, figures));
        }
        return new Dashboard(
                organizationId,
                self.name(),
                current.code(),
                current.days().from(),
                now != null ? now.asOf() : book.asOfToday(current.days()).to(),
                standing,
                trend,
                children,
                now == null ? null : now.computedAt(),
                trendComputedAt);
    }

    /**
     * The dashboard from the snapshot's sums (docs/adr/0046): the organisation and its children, then every stored
     * period added up per child in one grouped query — or null when the running quarter's snapshot is not usable or a
     * quarter of the trend is not stored (the caller then computes as before, live where needed).
     */
    private Dashboard fromSums(long organizationId, ReportKind kind, ReportPeriod current) {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod p = current;
        for (int i = 0; i < TREND_QUARTERS; i++) {
            periods.add(0, p);
            p = p.previous(kind.period());
        }
        List<FigureBook.OrgNode> nodes = book.withChildren(organizationId);
        FigureBook.OrgNode self = nodes.get(0);
        Map<String, FigureSnapshots.Stored> stored = snapshots.readByChild(
                organizationId,
                self.path(),
                periods.stream().map(ReportPeriod::code).toList());
        FigureSnapshots.Stored now = stored.get(current.code());
        if (periods.stream().anyMatch(q -> !stored.containsKey(q.code())) || !snapshots.usable(now, self.path())) {
            return null;
        }
        Set<String> names = figureNames();
        Set<String> targetFigures = snapshots.targetFigures();
        Standing standing = null;
        List<Standing> children = new ArrayList<>();
        List<TrendPoint> trend = new ArrayList<>();
        Instant trendComputedAt = null;
        for (ReportPeriod q : periods) {
            FigureSnapshots.Stored s = stored.get(q.code());
            // the root's key holds its own figures, each child's its subtree total: the subtree adds them up
            Map<Long, Map<String, Long>> totals = new HashMap<>(s.own());
            totals.put(
                    organizationId,
                    sum(s.own(), nodes.stream().map(FigureBook.OrgNode::id).toList()));
            Map<String, Long> figures;
            if (q.equals(current)) {
                standing = standing(self, names, totals, current.days());
                for (FigureBook.OrgNode n : nodes.subList(1, nodes.size())) {
                    children.add(standing(n, names, totals, current.days()));
                }
                figures = standing.figures();
            } else {
                if (trendComputedAt == null || s.computedAt().isBefore(trendComputedAt)) {
                    trendComputedAt = s.computedAt();
                }
                figures = book.select(targetFigures, totals.get(organizationId));
            }
            Map<String, Integer> percents = new LinkedHashMap<>();
            for (TargetValue v : values(figures, q.days())) {
                percents.put(v.target().key(), v.percent());
            }
            trend.add(new TrendPoint(q.code(), percents, figures));
        }
        children.sort(Comparator.comparing((Standing c) -> c.score() == null ? Integer.MAX_VALUE : c.score())
                .thenComparing(Standing::name));
        return new Dashboard(
                organizationId,
                self.name(),
                current.code(),
                current.days().from(),
                now.asOf(),
                standing,
                trend,
                children,
                now.computedAt(),
                trendComputedAt);
    }

    /** The subtree's total: every organisation's own figures added once (all of them lie in the subtree). */
    private static Map<String, Long> sum(Map<Long, Map<String, Long>> own, List<Long> ids) {
        Map<String, Long> total = new HashMap<>();
        for (long id : ids) {
            own.getOrDefault(id, Map.of()).forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        return total;
    }

    /**
     * The subtree's standing against the targets for the running quarter only (no trend, no children): what the
     * home page shows first, from the pre-aggregated figures when usable, else live.
     */
    @Transactional(readOnly = true)
    public Standing standingOf(long organizationId) {
        return standingOf(organizationId, true);
    }

    private Standing standingOf(long organizationId, boolean checkScope) {
        if (checkScope && !scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        ReportPeriod current = ReportPeriod.containing(
                LocalDate.now(clock.withZone(ZONE)), quarterly().period());
        FigureBook.OrgNode self = book.withChildren(organizationId).get(0);
        FigureSnapshots.Stored now =
                snapshots.readTotal(self.path(), current.code()).orElse(null);
        Map<String, Long> total;
        if (now != null && snapshots.usable(now, self.path())) {
            // added up in SQL over the subtree's stored rows (docs/adr/0046)
            total = now.own().get(0L);
        } else {
            List<Long> ids = book.subtree(organizationId).stream()
                    .map(FigureBook.OrgNode::id)
                    .toList();
            total = sum(book.own(ids, current.days()), ids);
        }
        return standing(self, figureNames(), Map.of(organizationId, total), current.days());
    }

    @Transactional(readOnly = true)
    public Drill drill(long organizationId, String figure) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        if (!figureNames().contains(figure)) {
            throw new NotFoundException("figure");
        }
        ReportPeriod current = ReportPeriod.containing(
                LocalDate.now(clock.withZone(ZONE)), quarterly().period());
        List<FigureBook.OrgNode> nodes = book.subtree(organizationId);
        Map<Long, Map<String, Long>> own =
                book.own(nodes.stream().map(FigureBook.OrgNode::id).toList(), current.days());
        Map<Long, Map<String, Long>> totals = book.subtreeTotals(nodes, own);
        boolean provided = book.provided().contains(figure);
        List<DrillChild> children = new ArrayList<>();
        for (FigureBook.OrgNode n : nodes) {
            if (n.parentId() != null && n.parentId() == organizationId) {
                children.add(new DrillChild(n.id(), n.name(), value(provided, totals.get(n.id()), figure)));
            }
        }
        children.sort(Comparator.comparing((DrillChild c) -> c.value() == null ? Long.MIN_VALUE : c.value())
                .reversed()
                .thenComparing(DrillChild::name));
        return new Drill(
                organizationId,
                nodes.get(0).name(),
                figure,
                current.code(),
                book.asOfToday(current.days()).to(),
                value(provided, totals.get(organizationId), figure),
                value(provided, own.get(organizationId), figure),
                children,
                provided ? book.rows(figure, organizationId, current.days(), DRILL_ROWS) : List.of());
    }

    private static Long value(boolean provided, Map<String, Long> figures, String figure) {
        if (!provided) {
            return null;
        }
        return figures == null ? 0L : figures.getOrDefault(figure, 0L);
    }

    private Standing standing(
            FigureBook.OrgNode n, Set<String> names, Map<Long, Map<String, Long>> totals, FigurePeriod period) {
        Map<String, Long> figures = book.select(names, totals.getOrDefault(n.id(), Map.of()));
        List<TargetValue> values = values(figures, period);
        List<Integer> scores = new ArrayList<>();
        boolean measured = false;
        for (TargetValue v : values) {
            if (v.met() == null) {
                continue;
            }
            scores.add(v.target().share() ? v.percent() : v.met() ? 100 : 0);
            measured |= v.target().base() != null;
        }
        // A subtree with nothing in scope of any measured target (no system) has no score: zero open incidents and
        // zero late reports alone would put it first among the best (issue 9: an empty base reads "no data").
        Integer score = scores.isEmpty() || !measured
                ? null
                : (int) Math.round(
                        scores.stream().mapToInt(Integer::intValue).average().orElse(0));
        return new Standing(n.id(), n.name(), score, values, figures);
    }

    private List<TargetValue> values(Map<String, Long> figures, FigurePeriod period) {
        List<TargetValue> out = new ArrayList<>();
        for (DashboardTargets.Target t : targets.all()) {
            Long value = figures.get(t.numerator());
            LocalDate deadline = t.deadline() == null
                    ? null
                    : t.deadline().equals("YEAR_END")
                            ? LocalDate.of(period.to().getYear(), 12, 31)
                            : LocalDate.parse(t.deadline());
            if (t.share()) {
                Long denominator = figures.get(t.denominator());
                // 0 of 0 systems is no data, not "100% met" (a subtree without systems, a quarter before any was
                // registered): it shows as such, drops out of the children's score and leaves a gap in the trend.
                Integer percent = value == null || denominator == null || denominator == 0
                        ? null
                        : (int) Math.round(100.0 * value / denominator);
                out.add(new TargetValue(
                        t, value, denominator, percent, percent == null ? null : percent >= t.goalPercent(), deadline));
            } else {
                // a count over systems when the subtree has none in scope: no data, not "0 — met"
                Long base = t.requires() == null ? null : figures.get(t.requires());
                boolean noData = value == null || (t.requires() != null && (base == null || base == 0));
                out.add(new TargetValue(t, value, null, null, noData ? null : value <= t.max(), deadline));
            }
        }
        return out;
    }

    private ReportKind quarterly() {
        return kinds.find(QUARTERLY).orElseThrow(() -> new IllegalStateException("rule data lacks " + QUARTERLY));
    }
}
