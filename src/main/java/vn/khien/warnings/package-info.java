/**
 * Warnings (cảnh báo lỗ hổng, issue 11): advisories in as files, matched to every registered system, followed to
 * the fix (obligation R22).
 *
 * <h2>For other modules</h2>
 * <ul>
 *   <li>{@link vn.khien.warnings.SystemWarnings}: open warnings of a system, for the system page.</li>
 *   <li>{@link vn.khien.warnings.WarningResponded}: published when an organisation answers a warning (the dashboards
 *       refresh its figures, docs/adr/0041).</li>
 *   <li>Listens to {@code vn.khien.systems.SystemInventoryChanged} and {@code vn.khien.vulnerabilities.ScanImported}
 *       (published by those modules in their own transaction) to match again; neither depends on warnings.</li>
 *   <li>Contributes {@code AttentionSource}, {@code FigureSource} (warningsReceived, warningsAcknowledged,
 *       warningsFixed, warningsOverdue) and {@code DutySource} (R22).</li>
 * </ul>
 *
 * <h2>Sub-packages</h2>
 * {@code matching} (plain Java engine, ADR 0016), {@code advisories} (feed readers, library, import API),
 * {@code alerts} (warnings, targets, responses, pages, API), {@code reporting} (attention, figures, duty).
 *
 * <h2>Visibility</h2>
 * TLP 2.0 is an SQL predicate ({@code WarningRepository.VISIBLE}) ANDed into every read: CLEAR/GREEN/AMBER reach the
 * subtree in scope (and the parents of chosen recipients); AMBER+STRICT and RED reach only the named organisations
 * themselves, and RED is not shown above its publisher.
 */
@NullMarked
package vn.khien.warnings;

import org.jspecify.annotations.NullMarked;
