/**
 * Periodic reports rolled up through the organisation tree, their sign-off and documents, and the dashboards that
 * leaders and supervising bodies open on (issue 14; regulation.md §4.7, §6.2, R37–R38).
 *
 * <h2>How it fits</h2>
 * <ul>
 *   <li>Report kinds are rule data ({@code rules/reports/report-kinds.yaml}): effective dates, period rule, due rule
 *       per tier on the working-day calendar (through {@link vn.khien.systems.WorkingDays}), sections, figures and
 *       legal source.</li>
 *   <li>Figures come from {@link vn.khien.platform.figures.FigureSource} beans of the feature modules, so this module
 *       depends on no feature's internals; {@code reports.figures.FigureBook} is the one code path for reports and
 *       dashboards. A figure no bean provides is null ("không có dữ liệu").</li>
 *   <li>Roll-up: own rows once at the organisation; a child that submitted contributes its frozen snapshot (all
 *       children read in one query), any other child its live subtree figures marked "chưa nộp".</li>
 *   <li>Tables {@code periodic_report}, {@code periodic_report_figure} (frozen snapshots),
 *       {@code periodic_report_step} (migration V90).</li>
 * </ul>
 */
@NullMarked
package vn.khien.reports;

import org.jspecify.annotations.NullMarked;
