/**
 * The compliance module's pages and API ({@code CompliancePages}, {@code ComplianceApi}) and what they read across the
 * sub-packages: a system's plan with its evidence, tasks and regulation ({@code PlanViews}), the compliance roll-ups
 * per system and subtree ({@code ComplianceService}), the plan DOCX, the subtree XLSX and the roadmap. Nothing else
 * in the module depends on this package.
 */
@NullMarked
package vn.khien.compliance.web;

import org.jspecify.annotations.NullMarked;
