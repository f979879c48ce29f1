/**
 * Assessments of a system: the periodic inspection and assessment rules ({@code rules/assessment-periodicity.yaml})
 * and the schedule computed from them (next due date, overdue check and required assessor per regime and level), as
 * plain Java; next to them the recorded assessments ({@link vn.khien.compliance.assessment.AssessmentService}, table
 * {@code assessment}), whose failed results open remediation tasks.
 */
@NullMarked
package vn.khien.compliance.assessment;

import org.jspecify.annotations.NullMarked;
