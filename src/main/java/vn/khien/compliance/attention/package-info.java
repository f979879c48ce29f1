/**
 * Compliance work on the home page's "what needs my attention" ({@link
 * vn.khien.compliance.attention.ComplianceAttention}): periodic assessments overdue or due soon, evidence expired or
 * running out, approved systems without a security regulation and overdue remediation tasks.
 */
@NullMarked
package vn.khien.compliance.attention;

import org.jspecify.annotations.NullMarked;
