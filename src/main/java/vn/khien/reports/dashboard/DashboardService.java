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
import org.jspecify.annotations.Nullable;
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

    /**
     * A target's value: {@code value} the numerator figure (null when no source provides it), {@code denominator} a
     * share's base, {@code percent} the share rounded, {@code met} null when there is no data.
     */
    public record TargetValue(
            DashboardTargets.Target target,
            @Nullable Long value,
            @Nullable Long denominator,
            @Nullable Integer percent,
            @Nullable Boolean met,
            @Nullable LocalDate deadline) {}

    public record Standing(
            long organizationId,
            String name,
            @Nullable Integer score,
            List<TargetValue> targets,
            Map<String, @Nullable Long> figures) {}

    public record TrendPoint(
            String period, Map<String, @Nullable Integer> percents, Map<String, @Nullable Long> figures) {}

    /**
     * A child's place in one target's ranking: its subtree's value of the target ({@code value} the numerator,
     * {@code denominator} a share's base or a count's required figure, {@code percent} a share rounded, {@code met}
     * null when there is no data) — the same numbers as the target in the child's own dashboard.
     */
    public record RankedChild(
            long organizationId,
            String name,
            @Nullable Long value,
            @Nullable Long denominator,
            @Nullable Integer percent,
            @Nullable Boolean met) {}

    /**
     * One target's ranking of the children, worst first: a share by its percentage rising, a count by its value
     * falling, children without data for the target last, ties by organisation id (docs/adr/0078).
     */
    public record TargetRanking(String target, List<RankedChild> children) {}

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
            List<TargetRanking> rankings,
            @Nullable Instant computedAt,
            @Nullable Instant trendComputedAt) {}

    /** One organisation's value of a figure (its subtree total), for the drill-down. */
    public record DrillChild(
            long organizationId, String name, @Nullable Long value) {}

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
            @Nullable Long total,
            @Nullable Long own,
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
        List<ReportPeriod> periods = trendPeriods(kind, current);
        if (!live) {
            Dashboard summed = fromSums(organizationId, current, periods);
            if (summed != null) {
                return summed;
            }
        }
        List<FigureBook.OrgNode> nodes = book.subtree(organizationId);
        List<Long> ids = nodes.stream().map(FigureBook.OrgNode::id).toList();
        Set<String> names = figureNames();
        FigureBook.OrgNode self = nodes.get(0);
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
        children.sort(OVERALL);

        List<TrendPoint> trend = new ArrayList<>();
        Set<String> targetFigures = snapshots.targetFigures();
        Instant trendComputedAt = null;
        for (ReportPeriod q : periods) {
            Map<String, @Nullable Long> figures;
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
            trend.add(point(q, figures));
        }
        List<TargetRanking> rankings = now != null ? rankingsFromSnapshot(self, children, current) : rankings(children);
        return new Dashboard(
                organizationId,
                self.name(),
                current.code(),
                current.days().from(),
                now != null ? now.asOf() : book.asOfToday(current.days()).to(),
                standing,
                trend,
                children,
                rankings,
                now == null ? null : now.computedAt(),
                trendComputedAt);
    }

    /** Worst first overall: the score rising, children without a score last, then by name. */
    private static final Comparator<Standing> OVERALL = Comparator.comparing(
                    (Standing s) -> s.score() == null ? Integer.MAX_VALUE : s.score())
            .thenComparing(Standing::name);

    /** The quarters of the trend, oldest first, ending with the running one. */
    private static List<ReportPeriod> trendPeriods(ReportKind kind, ReportPeriod current) {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod p = current;
        for (int i = 0; i < TREND_QUARTERS; i++) {
            periods.add(0, p);
            p = p.previous(kind.period());
        }
        return periods;
    }

    private TrendPoint point(ReportPeriod q, Map<String, @Nullable Long> figures) {
        Map<String, @Nullable Integer> percents = new LinkedHashMap<>();
        for (TargetValue v : values(figures, q.days())) {
            percents.put(v.target().key(), v.percent());
        }
        return new TrendPoint(q.code(), percents, figures);
    }

    /**
     * The dashboard from the snapshot's sums (docs/adr/0046): the organisation and its children, then every stored
     * period added up per child in one grouped query — or null when the running quarter's snapshot is not usable or a
     * quarter of the trend is not stored (the caller then computes as before, live where needed).
     */
    private @Nullable Dashboard fromSums(long organizationId, ReportPeriod current, List<ReportPeriod> periods) {
        List<FigureBook.OrgNode> nodes = book.withChildren(organizationId);
        FigureBook.OrgNode self = nodes.get(0);
        Map<String, FigureSnapshots.Stored> stored = snapshots.readByChild(
                organizationId,
                self.path(),
                periods.stream().map(ReportPeriod::code).toList());
        FigureSnapshots.Stored now = stored.get(current.code());
        if (now == null || !snapshots.usable(now, self.path())) {
            return null;
        }
        List<FigureSnapshots.Stored> inOrder = new ArrayList<>();
        for (ReportPeriod q : periods) {
            FigureSnapshots.Stored s = stored.get(q.code());
            if (s == null) {
                return null;
            }
            inOrder.add(s);
        }
        List<Long> ids = nodes.stream().map(FigureBook.OrgNode::id).toList();
        Set<String> names = figureNames();
        Set<String> targetFigures = snapshots.targetFigures();
        // the root's key holds its own figures, each child's its subtree total: the subtree adds them up
        Map<Long, Map<String, Long>> totals = new HashMap<>(now.own());
        totals.put(organizationId, sum(now.own(), ids));
        Standing standing = standing(self, names, totals, current.days());
        List<Standing> children = new ArrayList<>();
        for (FigureBook.OrgNode n : nodes.subList(1, nodes.size())) {
            children.add(standing(n, names, totals, current.days()));
        }
        children.sort(OVERALL);
        List<TrendPoint> trend = new ArrayList<>();
        Instant trendComputedAt = null;
        for (int i = 0; i < periods.size(); i++) {
            ReportPeriod q = periods.get(i);
            FigureSnapshots.Stored s = inOrder.get(i);
            if (q.equals(current)) {
                trend.add(point(q, standing.figures()));
                continue;
            }
            if (trendComputedAt == null || s.computedAt().isBefore(trendComputedAt)) {
                trendComputedAt = s.computedAt();
            }
            trend.add(point(q, book.select(targetFigures, sum(s.own(), ids))));
        }
        return new Dashboard(
                organizationId,
                self.name(),
                current.code(),
                current.days().from(),
                now.asOf(),
                standing,
                trend,
                children,
                rankingsFromSnapshot(self, children, current),
                now.computedAt(),
                trendComputedAt);
    }

    /**
     * Each target's ranking of the children from the live figures already computed for them (one grouped query per
     * figure for the whole subtree, never one per child), ordered as {@link FigureSnapshots#rank} orders in SQL.
     */
    private List<TargetRanking> rankings(List<Standing> children) {
        List<TargetRanking> out = new ArrayList<>();
        List<DashboardTargets.Target> all = targets.all();
        for (int i = 0; i < all.size(); i++) {
            DashboardTargets.Target t = all.get(i);
            List<RankedChild> ranked = new ArrayList<>();
            for (Standing c : children) {
                TargetValue v = c.targets().get(i);
                Long base = t.share()
                        ? v.denominator()
                        : t.requires() == null ? null : c.figures().get(t.requires());
                ranked.add(new RankedChild(c.organizationId(), c.name(), v.value(), base, v.percent(), v.met()));
            }
            ranked.sort(worstFirst(t));
            out.add(new TargetRanking(t.key(), ranked));
        }
        return out;
    }

    /** The order {@link FigureSnapshots#rank} sorts in: no data last, worst value first, then by id. */
    static Comparator<RankedChild> worstFirst(DashboardTargets.Target t) {
        Comparator<RankedChild> byData = Comparator.comparing((RankedChild c) -> c.met() == null);
        Comparator<RankedChild> byValue = t.share()
                ? Comparator.comparing((RankedChild c) -> c.percent() == null ? Integer.MAX_VALUE : c.percent())
                : Comparator.comparing((RankedChild c) -> c.value() == null ? Long.MIN_VALUE : c.value())
                        .reversed();
        return byData.thenComparing(byValue).thenComparingLong(RankedChild::organizationId);
    }

    /**
     * Each target's ranking of the children from the running quarter's snapshot: one SQL query per target adds up
     * every child's subtree and orders the children worst first (docs/adr/0078). Names come from the children's
     * standings; a target whose figures no source provides has no data for anyone (no query).
     */
    private List<TargetRanking> rankingsFromSnapshot(
            FigureBook.OrgNode self, List<Standing> children, ReportPeriod current) {
        Map<Long, String> names = new HashMap<>();
        children.forEach(c -> names.put(c.organizationId(), c.name()));
        Set<String> provided = book.provided();
        List<TargetRanking> out = new ArrayList<>();
        for (DashboardTargets.Target t : targets.all()) {
            String base = t.base();
            boolean known = provided.contains(t.numerator()) && (base == null || provided.contains(base));
            if (!known || children.isEmpty()) {
                List<RankedChild> none = new ArrayList<>();
                for (Standing c : children) {
                    none.add(new RankedChild(c.organizationId(), c.name(), null, null, null, null));
                }
                none.sort(worstFirst(t));
                out.add(new TargetRanking(t.key(), none));
                continue;
            }
            List<RankedChild> ranked = new ArrayList<>();
            for (FigureSnapshots.Ranked r : snapshots.rank(self.path(), names.keySet(), current.code(), t)) {
                Map<String, @Nullable Long> figures = new HashMap<>();
                figures.put(t.numerator(), r.numerator());
                if (base != null) {
                    figures.put(base, r.base());
                }
                TargetValue v = value(t, figures, current.days());
                ranked.add(new RankedChild(
                        r.organizationId(),
                        names.getOrDefault(r.organizationId(), ""),
                        v.value(),
                        base == null ? null : r.base(),
                        v.percent(),
                        v.met()));
            }
            out.add(new TargetRanking(t.key(), ranked));
        }
        return out;
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
            total = now.own().getOrDefault(0L, Map.of());
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

    private static @Nullable Long value(boolean provided, @Nullable Map<String, Long> figures, String figure) {
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
            Boolean met = v.met();
            if (met == null) {
                continue;
            }
            // a share scores its percentage (never null once measured), a count 100 when met, else 0
            Integer percent = v.percent();
            scores.add(percent != null ? percent : met ? 100 : 0);
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

    private List<TargetValue> values(Map<String, @Nullable Long> figures, FigurePeriod period) {
        List<TargetValue> out = new ArrayList<>();
        for (DashboardTargets.Target t : targets.all()) {
            out.add(value(t, figures, period));
        }
        return out;
    }

    private static TargetValue value(
            DashboardTargets.Target t, Map<String, @Nullable Long> figures, FigurePeriod period) {
        Long value = figures.get(t.numerator());
        String due = t.deadline();
        LocalDate deadline = due == null
                ? null
                : due.equals("YEAR_END") ? LocalDate.of(period.to().getYear(), 12, 31) : LocalDate.parse(due);
        String denominatorFigure = t.denominator();
        Integer goal = t.goalPercent();
        if (denominatorFigure != null) {
            Long denominator = figures.get(denominatorFigure);
            // 0 of 0 systems is no data, not "100% met" (a subtree without systems, a quarter before any was
            // registered): it shows as such, drops out of the children's score and leaves a gap in the trend.
            Integer percent = value == null || denominator == null || denominator == 0
                    ? null
                    : (int) Math.round(100.0 * value / denominator);
            Boolean met = percent == null ? null : percent >= (goal == null ? 100 : goal);
            return new TargetValue(t, value, denominator, percent, met, deadline);
        }
        // a count over systems when the subtree has none in scope: no data, not "0 — met"
        String required = t.requires();
        Long base = required == null ? null : figures.get(required);
        boolean noBase = required != null && (base == null || base == 0);
        Integer max = t.max();
        Boolean met = value == null || noBase ? null : value <= (max == null ? 0 : max);
        return new TargetValue(t, value, null, null, met, deadline);
    }

    private ReportKind quarterly() {
        return kinds.find(QUARTERLY).orElseThrow(() -> new IllegalStateException("rule data lacks " + QUARTERLY));
    }
}
