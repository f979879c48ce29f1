/**
 * The dashboards leaders and supervising bodies open on (issue 14): a subtree's standing against the targets of the
 * directives, the trend by quarter, the children ranked worst first overall and per target, the drill-down behind
 * each figure, and the pre-aggregated figures they read ({@code figure_snapshot}, docs/adr/0025, 0046, 0078).
 */
@NullMarked
package vn.khien.reports.dashboard;

import org.jspecify.annotations.NullMarked;
