package vn.khien.reports.periodic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.reports.kinds.ReportKind;

/**
 * A report's figures: totals = own rows + every child's row; a child that submitted contributes its frozen snapshot,
 * any other child its live subtree figures marked "chưa nộp". {@code frozen} tells whether the whole compilation is
 * this report's own frozen snapshot (submitted) or computed live now.
 */
public record Compilation(
        boolean frozen,
        Map<String, Long> totals,
        Map<String, Long> own,
        List<ChildRow> children,
        List<UnitRow> units,
        Set<String> notRecorded,
        List<Gap> gaps) {

    /** A compilation whose snapshot recorded every figure of the kind and whose totals lack nobody's data. */
    public Compilation(
            boolean frozen,
            Map<String, Long> totals,
            Map<String, Long> own,
            List<ChildRow> children,
            List<UnitRow> units) {
        this(frozen, totals, own, children, units, Set.of(), List.of());
    }

    /**
     * An organisation of the subtree whose data the totals lack for some of the kind's figures: its frozen report (the
     * child's, or one below it that the child's report rolled up) was submitted before these figures were part of the
     * kind, so it added nothing to them — the totals are incomplete, not zero, for those figures.
     *
     * @param reportId the frozen report that lacks them, when known
     * @param figures  the kind's figures it lacks, in the kind's order
     */
    public record Gap(
            long organizationId, String name, @Nullable Long reportId, List<String> figures) {}

    /** Whether some total lacks an organisation's data. */
    public boolean incomplete() {
        return !gaps.isEmpty();
    }

    /** The organisations whose data the total of this figure lacks. */
    public List<Gap> lacking(String figure) {
        return gaps.stream().filter(g -> g.figures().contains(figure)).toList();
    }

    /** Whether this child's row (or a row below it) lacks the figure. */
    public boolean lacks(long organizationId, String figure) {
        return gaps.stream()
                .anyMatch(
                        g -> g.organizationId() == organizationId && g.figures().contains(figure));
    }

    /** The sections of the kind some of whose figures this gap lacks. */
    public static List<ReportKind.Section> sectionsOf(Gap gap, ReportKind kind) {
        return kind.sections().stream()
                .filter(s -> s.figures().stream().anyMatch(gap.figures()::contains))
                .toList();
    }

    /**
     * Whether this frozen snapshot recorded none of the section's figures: the report was submitted before the
     * section was part of the kind (e.g. Biểu mẫu 05 by category), so the section has no figures here, not zeros.
     * {@code notRecorded}: the kind's figures absent from the snapshot (a figure recorded as "no data" is present).
     */
    public boolean notRecordedIn(ReportKind.Section section) {
        return frozen && !section.figures().isEmpty() && notRecorded.containsAll(section.figures());
    }

    /**
     * One organisation of the subtree with its own figures of the kind's by-unit sections (Biểu mẫu 05: incidents
     * handled by unit), in tree order; {@code depth} 0 is the report's organisation. Organisations with nothing are
     * left out. Below a child that submitted, the rows frozen in the child's report.
     */
    public record UnitRow(long organizationId, String name, int depth, Map<String, Long> figures) {}

    /** SUBMITTED and ACCEPTED rows are frozen; LATE, IN_PROGRESS, RETURNED and NOT_STARTED rows are live. */
    public record ChildRow(
            long organizationId,
            String name,
            String state,
            boolean frozen,
            @Nullable Long reportId,
            @Nullable String reportStatus,
            @Nullable Integer version,
            LocalDate dueOn,
            Map<String, Long> figures) {}
}
