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
        Set<String> notRecorded) {

    /** A compilation whose snapshot recorded every figure of the kind (always so when computed live). */
    public Compilation(
            boolean frozen,
            Map<String, Long> totals,
            Map<String, Long> own,
            List<ChildRow> children,
            List<UnitRow> units) {
        this(frozen, totals, own, children, units, Set.of());
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
