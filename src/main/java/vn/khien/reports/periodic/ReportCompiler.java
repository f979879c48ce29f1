package vn.khien.reports.periodic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.khien.reports.figures.FigureBook;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportPeriod;
import vn.khien.systems.WorkingDays;

/**
 * Compiles a report from live data for one organisation and period and rolls its children up without counting a row
 * twice: own rows once at the organisation, each child either from its frozen snapshot (all children's snapshots read
 * in one query) or from live figures of its subtree (one grouped query per figure for all live organisations).
 */
@Component
public class ReportCompiler {

    private final FigureBook book;
    private final ReportRepository reports;
    private final WorkingDays workingDays;

    public ReportCompiler(FigureBook book, ReportRepository reports, WorkingDays workingDays) {
        this.book = book;
        this.reports = reports;
        this.workingDays = workingDays;
    }

    public Compilation compile(long organizationId, ReportKind kind, ReportPeriod period, LocalDate today) {
        List<FigureBook.OrgNode> nodes = book.subtree(organizationId);
        List<FigureBook.OrgNode> children = nodes.stream()
                .filter(n -> n.parentId() != null && n.parentId() == organizationId)
                .toList();
        List<Long> childIds = children.stream().map(FigureBook.OrgNode::id).toList();
        Map<Long, ReportRepository.FrozenChild> frozen = reports.frozenTotals(kind.id(), period.code(), childIds);
        Map<Long, ReportRepository.ChildReport> latest = reports.latestOfChildren(kind.id(), period.code(), childIds);
        Set<Long> parents = nodes.stream()
                .map(FigureBook.OrgNode::parentId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());

        // Live organisations: this one and every subtree of a child that has no frozen snapshot.
        List<String> frozenPaths = children.stream()
                .filter(c -> frozen.containsKey(c.id()))
                .map(FigureBook.OrgNode::path)
                .toList();
        List<FigureBook.OrgNode> live = nodes.stream()
                .filter(n -> frozenPaths.stream().noneMatch(p -> n.path().startsWith(p)))
                .toList();
        Map<Long, Map<String, Long>> own =
                book.own(live.stream().map(FigureBook.OrgNode::id).toList(), period.days());
        Map<Long, Map<String, Long>> totals = book.subtreeTotals(live, own);

        Set<String> names = kind.figures();
        Map<String, Long> ownRow = book.select(names, own.getOrDefault(organizationId, Map.of()));
        Map<String, Long> sum = new LinkedHashMap<>(ownRow);
        List<Compilation.ChildRow> rows = new ArrayList<>();
        for (FigureBook.OrgNode child : children) {
            LocalDate due = dueOn(kind, period, parents.contains(child.id()));
            ReportRepository.FrozenChild f = frozen.get(child.id());
            ReportRepository.ChildReport l = latest.get(child.id());
            Map<String, Long> figures;
            String state;
            if (f != null) {
                figures = new LinkedHashMap<>();
                for (String name : names) {
                    figures.put(name, f.totals().get(name));
                }
                state = l != null && l.status() == ReportStatus.ACCEPTED ? "ACCEPTED" : "SUBMITTED";
            } else {
                figures = book.select(names, totals.getOrDefault(child.id(), Map.of()));
                state = l != null && l.status() == ReportStatus.RETURNED
                        ? "RETURNED"
                        : today.isAfter(due) ? "LATE" : l != null ? "IN_PROGRESS" : "NOT_STARTED";
            }
            rows.add(new Compilation.ChildRow(
                    child.id(),
                    child.name(),
                    state,
                    f != null,
                    f != null ? Long.valueOf(f.reportId()) : l == null ? null : l.reportId(),
                    f != null ? "SUBMITTED" : l == null ? null : l.status().name(),
                    f != null ? Integer.valueOf(f.version()) : l == null ? null : l.version(),
                    due,
                    figures));
            sum = FigureBook.plus(sum, figures);
        }
        return new Compilation(false, sum, ownRow, rows);
    }

    /** The compilation frozen into a submitted report, as stored. */
    public Compilation frozen(PeriodicReport report, ReportKind kind) {
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> own = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> childFigures = new LinkedHashMap<>();
        Map<Long, ReportRepository.SnapshotRow> childMeta = new HashMap<>();
        for (ReportRepository.SnapshotRow row : reports.snapshot(report.id())) {
            switch (row.rowKind()) {
                case "TOTAL" -> totals.put(row.figure(), row.value());
                case "OWN" -> own.put(row.figure(), row.value());
                default -> {
                    childFigures
                            .computeIfAbsent(row.organizationId(), k -> new LinkedHashMap<>())
                            .put(row.figure(), row.value());
                    childMeta.putIfAbsent(row.organizationId(), row);
                }
            }
        }
        Map<Long, String> names = book.subtree(report.organizationId()).stream()
                .collect(Collectors.toMap(FigureBook.OrgNode::id, FigureBook.OrgNode::name));
        List<Compilation.ChildRow> rows = new ArrayList<>();
        childFigures.forEach((org, figures) -> {
            ReportRepository.SnapshotRow meta = childMeta.get(org);
            String[] state = meta.childState().split("\\|");
            rows.add(new Compilation.ChildRow(
                    org,
                    names.getOrDefault(org, "#" + org),
                    state[0],
                    state[0].equals("SUBMITTED") || state[0].equals("ACCEPTED"),
                    meta.childReportId(),
                    null,
                    null,
                    LocalDate.parse(state[1]),
                    order(kind, figures)));
        });
        return new Compilation(true, order(kind, totals), order(kind, own), rows);
    }

    /** The snapshot rows of a compilation, to freeze on submission. */
    static List<ReportRepository.SnapshotRow> snapshot(long organizationId, Compilation c) {
        List<ReportRepository.SnapshotRow> rows = new ArrayList<>();
        rows.addAll(ReportRepository.rows("TOTAL", organizationId, null, null, c.totals()));
        rows.addAll(ReportRepository.rows("OWN", organizationId, null, null, c.own()));
        for (Compilation.ChildRow child : c.children()) {
            rows.addAll(ReportRepository.rows(
                    "CHILD",
                    child.organizationId(),
                    child.reportId(),
                    child.state() + "|" + child.dueOn(),
                    child.figures()));
        }
        return rows;
    }

    private static Map<String, Long> order(ReportKind kind, Map<String, Long> figures) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : kind.figures()) {
            out.put(name, figures.get(name));
        }
        return out;
    }

    /** Every figure some module provides. */
    public Set<String> provided() {
        return book.provided();
    }

    /** The organisations directly below this one. */
    public List<FigureBook.OrgNode> childrenOf(long organizationId) {
        return book.children(organizationId);
    }

    /** The due day for an organisation of a tier: the last working day before the rule's day. */
    public LocalDate dueOn(ReportKind kind, ReportPeriod period, boolean compiler) {
        LocalDate dayAfter = kind.dayAfterDue(period, compiler);
        return workingDays.knowsYear(dayAfter.getYear())
                        && workingDays.knowsYear(dayAfter.minusDays(10).getYear())
                ? workingDays.lastWorkingDayBefore(dayAfter)
                : dayAfter.minusDays(1);
    }
}
