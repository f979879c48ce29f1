/** A system's risk rating ({@link vn.khien.compliance.risks.RiskService}), which shortens its assessment interval. */
@NullMarked
package vn.khien.compliance.risks;

import org.jspecify.annotations.NullMarked;
