/**
 * Each system's security plan, derived on {@code SystemLevelApproved} ({@link vn.khien.compliance.plan.PlanService}),
 * its items, the system's security regulation, compliance roll-ups ({@link
 * vn.khien.compliance.plan.ComplianceService}), the plan DOCX and subtree XLSX, and the module's pages and API, which
 * call the services of {@code evidence}, {@code tasks}, {@code risks}, {@code assessment} and {@code catalogue.admin}.
 */
@NullMarked
package vn.khien.compliance.plan;

import org.jspecify.annotations.NullMarked;
