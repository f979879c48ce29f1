package vn.khien.reports.periodic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.systems.Form08Systems;

/**
 * The Mẫu 08 per-system table of an annual report (NĐ 331/2026 Đ36; regulation.md §6.2): read live while the report
 * is being prepared, frozen row by row on submission so that the submitted annex says what was submitted, whatever
 * happens to the systems afterwards.
 */
@Component
class Form08Annex {

    /** Columns (2) to (12) of one row; column (1) is the row number. */
    record Line(
            long systemId,
            String name,
            String owner,
            String operator,
            String level,
            String approvalState,
            String decision,
            String regulation,
            String expectedApproval,
            String planState,
            String expectedFull,
            String inspections) {

        List<String> cells(int rowNo) {
            return List.of(
                    String.valueOf(rowNo),
                    name,
                    owner,
                    operator,
                    level,
                    approvalState,
                    decision,
                    regulation,
                    expectedApproval,
                    planState,
                    expectedFull,
                    inspections);
        }
    }

    static final int LIMIT = 20000;

    private final Form08Systems form08;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Form08Annex(Form08Systems form08, JdbcClient jdbc, JdbcTemplate template) {
        this.form08 = form08;
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The rows as they are now, for the systems owned in the report's subtree. */
    List<Line> live(PeriodicReport report) {
        Map<Long, Map<Integer, String>> more = form08.columns8To12(report.organizationId(), LIMIT);
        List<Line> lines = new ArrayList<>();
        for (Form08Systems.Row row : form08.ownedIn(report.organizationId(), report.periodTo(), LIMIT)) {
            Map<Integer, String> m = more.getOrDefault(row.systemId(), Map.of());
            lines.add(new Line(
                    row.systemId(),
                    nonNull(row.name()),
                    nonNull(row.owner()),
                    nonNull(row.operator()),
                    row.level() == null ? "" : String.valueOf(row.level()),
                    nonNull(row.approvalState()),
                    nonNull(row.decision()),
                    m.getOrDefault(8, ""),
                    m.getOrDefault(9, ""),
                    m.getOrDefault(10, ""),
                    m.getOrDefault(11, ""),
                    m.getOrDefault(12, "")));
        }
        return lines;
    }

    /** Replaces the report's frozen rows by the live ones (a resubmission after a return freezes again). */
    void freeze(PeriodicReport report) {
        jdbc.sql("DELETE FROM periodic_report_form08_row WHERE report_id = :id")
                .param("id", report.id())
                .update();
        List<Line> lines = live(report);
        List<Object[]> batch = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            batch.add(new Object[] {
                report.id(),
                i + 1,
                l.systemId(),
                l.name(),
                l.owner(),
                l.operator(),
                l.level(),
                l.approvalState(),
                l.decision(),
                l.regulation(),
                l.expectedApproval(),
                l.planState(),
                l.expectedFull(),
                l.inspections()
            });
        }
        template.batchUpdate("""
                INSERT INTO periodic_report_form08_row (report_id, row_no, system_id, c2_name, c3_owner, c4_operator,
                    c5_level, c6_approval_state, c7_decision, c8_regulation, c9_expected_approval, c10_plan_state,
                    c11_expected_full, c12_inspections)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
    }

    /** The rows frozen on the report's last submission, in their order; empty when it was never submitted. */
    List<Line> frozen(long reportId) {
        return jdbc.sql("""
                SELECT system_id, c2_name, c3_owner, c4_operator, c5_level, c6_approval_state, c7_decision,
                       c8_regulation, c9_expected_approval, c10_plan_state, c11_expected_full, c12_inspections
                FROM periodic_report_form08_row WHERE report_id = :id ORDER BY row_no""")
                .param("id", reportId)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)))
                .list();
    }

    /** What the annex shows: the frozen rows of a submitted (or returned) report, the live rows otherwise. */
    List<Line> shown(PeriodicReport report) {
        if (report.status().frozen() || report.status() == ReportStatus.RETURNED) {
            List<Line> frozen = frozen(report.id());
            if (!frozen.isEmpty()) {
                return frozen;
            }
        }
        return live(report);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
