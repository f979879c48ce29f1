/**
 * The compliance side of {@code --demo} ({@link vn.khien.compliance.demo.ComplianceDemoData}): a partly filled plan,
 * a security regulation, an assessment and a late remediation task for the demo hospital system, through the real
 * services.
 */
@NullMarked
package vn.khien.compliance.demo;

import org.jspecify.annotations.NullMarked;
