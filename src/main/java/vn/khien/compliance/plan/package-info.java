/**
 * The database and web side of compliance (issue 5): catalogues in force ({@link vn.khien.compliance.plan.CatalogueStore}),
 * each system's security plan derived on {@code SystemLevelApproved} ({@link vn.khien.compliance.plan.PlanService}),
 * evidence, remediation, the system's security regulation, assessments, compliance roll-ups and the DOCX/XLSX documents.
 * The pure rules live in {@code vn.khien.compliance.catalogue} and {@code vn.khien.compliance.assessment}.
 */
package vn.khien.compliance.plan;
