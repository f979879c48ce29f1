package vn.khien.reports.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.OrgScope;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.figures.FigurePeriod;
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
    static final int TREND_QUARTERS = 4;

    public record TargetValue(DashboardTargets.Target target, Long value, Long denominator, Integer percent,
                              Boolean met, LocalDate deadline) { }

    public record Standing(long organizationId, String name, Integer score, List<TargetValue> targets,
                           Map<String, Long> figures) { }

    public record TrendPoint(String period, Map<String, Integer> percents, Map<String, Long> figures) { }

    public record Dashboard(long organizationId, String name, String period, LocalDate from, LocalDate asOf,
                            Standing standing, List<TrendPoint> trend, List<Standing> children) { }

    private final FigureBook book;
    private final DashboardTargets targets;
    private final ReportKinds kinds;
    private final OrgScope scope;
    private final Clock clock;

    public DashboardService(FigureBook book, DashboardTargets targets, ReportKinds kinds, OrgScope scope, Clock clock) {
        this.book = book;
        this.targets = targets;
        this.kinds = kinds;
        this.scope = scope;
        this.clock = clock;
    }

    /** Figures shown on the dashboard: the quarterly report's figures and every target's figures. */
    public Set<String> figureNames() {
        Set<String> names = new LinkedHashSet<>(quarterly().figures());
        for (DashboardTargets.Target t : targets.all()) {
            names.add(t.numerator());
            if (t.denominator() != null) {
                names.add(t.denominator());
            }
        }
        return names;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        ReportKind kind = quarterly();
        ReportPeriod current = ReportPeriod.containing(today, kind.period());
        List<FigureBook.OrgNode> nodes = book.subtree(organizationId);
        List<Long> ids = nodes.stream().map(FigureBook.OrgNode::id).toList();
        Set<String> names = figureNames();

        Map<Long, Map<String, Long>> totals = book.subtreeTotals(nodes, book.own(ids, current.days()));
        FigureBook.OrgNode self = nodes.get(0);
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
        ReportPeriod p = current;
        List<ReportPeriod> periods = new ArrayList<>();
        for (int i = 0; i < TREND_QUARTERS; i++) {
            periods.add(0, p);
            p = p.previous(kind.period());
        }
        Set<String> targetFigures = new LinkedHashSet<>();
        targets.all().forEach(t -> {
            targetFigures.add(t.numerator());
            if (t.denominator() != null) {
                targetFigures.add(t.denominator());
            }
        });
        for (ReportPeriod q : periods) {
            Map<String, Long> figures = q.equals(current) ? standing.figures()
                    : book.select(targetFigures, book.subtreeTotals(nodes, book.own(ids, q.days()))
                            .getOrDefault(organizationId, Map.of()));
            Map<String, Integer> percents = new LinkedHashMap<>();
            for (TargetValue v : values(figures, q.days())) {
                percents.put(v.target().key(), v.percent());
            }
            trend.add(new TrendPoint(q.code(), percents, figures));
        }
        return new Dashboard(organizationId, self.name(), current.code(), current.days().from(),
                book.asOfToday(current.days()).to(), standing, trend, children);
    }

    private Standing standing(FigureBook.OrgNode n, Set<String> names, Map<Long, Map<String, Long>> totals,
                              FigurePeriod period) {
        Map<String, Long> figures = book.select(names, totals.getOrDefault(n.id(), Map.of()));
        List<TargetValue> values = values(figures, period);
        List<Integer> scores = new ArrayList<>();
        for (TargetValue v : values) {
            if (v.percent() != null && v.target().share()) {
                scores.add(v.percent());
            } else if (v.value() != null && !v.target().share()) {
                scores.add(v.met() ? 100 : 0);
            }
        }
        Integer score = scores.isEmpty() ? null
                : (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
        return new Standing(n.id(), n.name(), score, values, figures);
    }

    private List<TargetValue> values(Map<String, Long> figures, FigurePeriod period) {
        List<TargetValue> out = new ArrayList<>();
        for (DashboardTargets.Target t : targets.all()) {
            Long value = figures.get(t.numerator());
            LocalDate deadline = t.deadline() == null ? null : t.deadline().equals("YEAR_END")
                    ? LocalDate.of(period.to().getYear(), 12, 31) : LocalDate.parse(t.deadline());
            if (t.share()) {
                Long denominator = figures.get(t.denominator());
                Integer percent = value == null || denominator == null ? null : denominator == 0 ? 100
                        : (int) Math.round(100.0 * value / denominator);
                out.add(new TargetValue(t, value, denominator, percent,
                        percent == null ? null : percent >= t.goalPercent(), deadline));
            } else {
                out.add(new TargetValue(t, value, null, null, value == null ? null : value <= t.max(), deadline));
            }
        }
        return out;
    }

    private ReportKind quarterly() {
        return kinds.find(QUARTERLY).orElseThrow(() -> new IllegalStateException("rule data lacks " + QUARTERLY));
    }
}
