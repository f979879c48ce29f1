package vn.khien.reports.periodic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        List<Compilation.Gap> gaps = childGaps(nodes, children, frozen, names);
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
        return new Compilation(false, sum, ownRow, rows, units(kind, nodes, own, frozen), Set.of(), gaps);
    }

    /**
     * Whose data the totals of a report compiled now would lack (the gaps of {@link #compile} without computing any
     * figure): children whose frozen report lacks some of the kind's figures, and what their reports carried as
     * lacking from below. Two queries, for a page that only needs to know whether a roll-up is complete.
     */
    public List<Compilation.Gap> gaps(long organizationId, ReportKind kind, ReportPeriod period) {
        List<FigureBook.OrgNode> nodes = book.subtree(organizationId);
        List<FigureBook.OrgNode> children = nodes.stream()
                .filter(n -> n.parentId() != null && n.parentId() == organizationId)
                .toList();
        Map<Long, ReportRepository.FrozenChild> frozen = reports.frozenTotals(
                kind.id(),
                period.code(),
                children.stream().map(FigureBook.OrgNode::id).toList());
        return childGaps(nodes, children, frozen, kind.figures());
    }

    /** The gaps the frozen children bring (one query for what their snapshots carried from below), in child order. */
    private List<Compilation.Gap> childGaps(
            List<FigureBook.OrgNode> nodes,
            List<FigureBook.OrgNode> children,
            Map<Long, ReportRepository.FrozenChild> frozen,
            Set<String> names) {
        Map<Long, String> nameOf = new HashMap<>();
        nodes.forEach(n -> nameOf.put(n.id(), n.name()));
        Map<Long, List<ReportRepository.SnapshotRow>> carried = reports.gapRows(frozen.values().stream()
                .map(ReportRepository.FrozenChild::reportId)
                .toList());
        List<Compilation.Gap> gaps = new ArrayList<>();
        for (FigureBook.OrgNode child : children) {
            ReportRepository.FrozenChild f = frozen.get(child.id());
            if (f != null) {
                gaps.addAll(gapsOf(child.id(), child.name(), f, names, carried, nameOf));
            }
        }
        return gaps;
    }

    /**
     * The gaps a frozen child brings into the parent's totals: the kind's figures its snapshot did not record (it was
     * submitted before they were part of the kind) and the gaps its own snapshot carried from below it.
     */
    private static List<Compilation.Gap> gapsOf(
            long childId,
            String childName,
            ReportRepository.FrozenChild f,
            Set<String> names,
            Map<Long, List<ReportRepository.SnapshotRow>> carried,
            Map<Long, String> nameOf) {
        List<Compilation.Gap> out = new ArrayList<>();
        List<String> missing =
                names.stream().filter(n -> !f.totals().containsKey(n)).toList();
        if (!missing.isEmpty()) {
            out.add(new Compilation.Gap(childId, childName, f.reportId(), missing));
        }
        out.addAll(gaps(carried.getOrDefault(f.reportId(), List.of()), names, nameOf));
        return out;
    }

    /** Gap rows of a snapshot as gaps, one per organisation, limited to the kind's figures in its order. */
    private static List<Compilation.Gap> gaps(
            List<ReportRepository.SnapshotRow> rows, Set<String> names, Map<Long, String> nameOf) {
        Map<Long, Set<String>> figures = new LinkedHashMap<>();
        Map<Long, Long> reportIds = new HashMap<>();
        for (ReportRepository.SnapshotRow row : rows) {
            figures.computeIfAbsent(row.organizationId(), k -> new LinkedHashSet<>())
                    .add(row.figure());
            if (row.childReportId() != null) {
                reportIds.put(row.organizationId(), row.childReportId());
            }
        }
        List<Compilation.Gap> out = new ArrayList<>();
        figures.forEach((org, lacking) -> {
            List<String> inKind = names.stream().filter(lacking::contains).toList();
            if (!inKind.isEmpty()) {
                out.add(new Compilation.Gap(org, nameOf.getOrDefault(org, "#" + org), reportIds.get(org), inKind));
            }
        });
        return out;
    }

    /**
     * The per-unit rows of the kind's by-unit figures: each live organisation's own figures, and in place of a child
     * that submitted, the unit rows frozen in its report (or its frozen totals as one row when it froze none).
     */
    private List<Compilation.UnitRow> units(
            ReportKind kind,
            List<FigureBook.OrgNode> nodes,
            Map<Long, Map<String, Long>> own,
            Map<Long, ReportRepository.FrozenChild> frozen) {
        List<String> names = kind.byUnitFigures();
        if (names.isEmpty() || nodes.isEmpty()) {
            return List.of();
        }
        int top = nodes.get(0).depth();
        Map<Long, FigureBook.OrgNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Map<Long, List<ReportRepository.SnapshotRow>> frozenUnits = reports.unitRows(frozen.values().stream()
                .map(ReportRepository.FrozenChild::reportId)
                .toList());
        List<String> frozenPaths = new ArrayList<>();
        List<Compilation.UnitRow> out = new ArrayList<>();
        for (FigureBook.OrgNode n : nodes) {
            if (frozenPaths.stream().anyMatch(p -> n.path().startsWith(p))) {
                continue;
            }
            ReportRepository.FrozenChild f = frozen.get(n.id());
            if (f != null) {
                frozenPaths.add(n.path());
                List<ReportRepository.SnapshotRow> rows = frozenUnits.getOrDefault(f.reportId(), List.of());
                if (rows.isEmpty()) {
                    add(out, n.id(), n.name(), n.depth() - top, select(names, f.totals()));
                } else {
                    Map<Long, Map<String, Long>> perOrg = new LinkedHashMap<>();
                    rows.forEach(r -> perOrg.computeIfAbsent(r.organizationId(), k -> new LinkedHashMap<>())
                            .put(r.figure(), r.value()));
                    perOrg.entrySet().stream()
                            .sorted(Comparator.comparing(e -> byId.containsKey(e.getKey())
                                    ? byId.get(e.getKey()).path()
                                    : n.path() + "~" + e.getKey()))
                            .forEach(e -> {
                                FigureBook.OrgNode u = byId.get(e.getKey());
                                add(
                                        out,
                                        e.getKey(),
                                        u == null ? "#" + e.getKey() : u.name(),
                                        u == null ? n.depth() - top + 1 : u.depth() - top,
                                        select(names, e.getValue()));
                            });
                }
            } else {
                add(out, n.id(), n.name(), n.depth() - top, book.select(names, own.getOrDefault(n.id(), Map.of())));
            }
        }
        return out;
    }

    private static Map<String, Long> select(List<String> names, Map<String, Long> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        names.forEach(name -> out.put(name, values.get(name)));
        return out;
    }

    /** Adds the row when some figure is above zero (a unit with nothing to report is left out). */
    private static void add(List<Compilation.UnitRow> out, long id, String name, int depth, Map<String, Long> figures) {
        if (figures.values().stream().anyMatch(v -> v != null && v > 0)) {
            out.add(new Compilation.UnitRow(id, name, depth, figures));
        }
    }

    /** The compilation frozen into a submitted report, as stored. */
    public Compilation frozen(PeriodicReport report, ReportKind kind) {
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> own = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> childFigures = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> unitFigures = new LinkedHashMap<>();
        Map<Long, ReportRepository.SnapshotRow> childMeta = new HashMap<>();
        List<ReportRepository.SnapshotRow> gapRows = new ArrayList<>();
        for (ReportRepository.SnapshotRow row : reports.snapshot(report.id())) {
            switch (row.rowKind()) {
                case "TOTAL" -> totals.put(row.figure(), row.value());
                case "OWN" -> own.put(row.figure(), row.value());
                case "GAP" -> gapRows.add(row);
                case "UNIT" ->
                    unitFigures
                            .computeIfAbsent(row.organizationId(), k -> new LinkedHashMap<>())
                            .put(row.figure(), row.value());
                default -> {
                    childFigures
                            .computeIfAbsent(row.organizationId(), k -> new LinkedHashMap<>())
                            .put(row.figure(), row.value());
                    childMeta.putIfAbsent(row.organizationId(), row);
                }
            }
        }
        List<FigureBook.OrgNode> tree = book.subtree(report.organizationId());
        Map<Long, String> names =
                tree.stream().collect(Collectors.toMap(FigureBook.OrgNode::id, FigureBook.OrgNode::name));
        Map<Long, FigureBook.OrgNode> nodeOf = tree.stream().collect(Collectors.toMap(FigureBook.OrgNode::id, n -> n));
        int top = tree.isEmpty() ? 0 : tree.get(0).depth();
        List<Compilation.UnitRow> units = new ArrayList<>();
        unitFigures.entrySet().stream()
                .sorted(Comparator.comparing(e ->
                        nodeOf.containsKey(e.getKey()) ? nodeOf.get(e.getKey()).path() : "~" + e.getKey()))
                .forEach(e -> {
                    FigureBook.OrgNode u = nodeOf.get(e.getKey());
                    units.add(new Compilation.UnitRow(
                            e.getKey(),
                            u == null ? "#" + e.getKey() : u.name(),
                            u == null ? 1 : u.depth() - top,
                            select(kind.byUnitFigures(), e.getValue())));
                });
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
        // A figure of the kind with no row in the snapshot was not part of the kind when the report was submitted.
        Set<String> notRecorded = new LinkedHashSet<>();
        if (!totals.isEmpty()) {
            kind.figures().stream().filter(f -> !totals.containsKey(f)).forEach(notRecorded::add);
        }
        return new Compilation(
                true,
                order(kind, totals),
                order(kind, own),
                rows,
                units,
                notRecorded,
                gaps(gapRows, kind.figures(), names));
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
        for (Compilation.UnitRow unit : c.units()) {
            rows.addAll(ReportRepository.rows("UNIT", unit.organizationId(), null, null, unit.figures()));
        }
        // Whose data the totals lack, per figure, so that the parent's roll-up knows it too.
        for (Compilation.Gap gap : c.gaps()) {
            Map<String, Long> lacking = new LinkedHashMap<>();
            gap.figures().forEach(f -> lacking.put(f, null));
            rows.addAll(ReportRepository.rows("GAP", gap.organizationId(), gap.reportId(), null, lacking));
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
