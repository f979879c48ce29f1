package vn.khien.reports.periodic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A report's figures: totals = own rows + every child's row; a child that submitted contributes its frozen snapshot,
 * any other child its live subtree figures marked "chưa nộp". {@code frozen} tells whether the whole compilation is
 * this report's own frozen snapshot (submitted) or computed live now.
 */
public record Compilation(boolean frozen, Map<String, Long> totals, Map<String, Long> own, List<ChildRow> children) {

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
