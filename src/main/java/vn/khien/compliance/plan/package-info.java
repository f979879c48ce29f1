/**
 * Each system's security plan, derived on {@code SystemLevelApproved} ({@link vn.khien.compliance.plan.PlanService})
 * and again when a catalogue version changes what it requires, its items and the system's security regulation.
 * Evidence, tasks, risks and assessments build on it; the pages and API that show it all are in
 * {@code compliance.web}.
 */
@NullMarked
package vn.khien.compliance.plan;

import org.jspecify.annotations.NullMarked;
