/** A system's risk rating ({@link vn.khien.compliance.risks.RiskService}), which shortens its assessment interval. */
package vn.khien.compliance.risks;
