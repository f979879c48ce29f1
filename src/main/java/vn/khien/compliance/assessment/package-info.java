/**
 * Periodic inspection and assessment rules ({@code rules/assessment-periodicity.yaml}) and the schedule computed from
 * them: next due date, overdue check and required assessor per regime and level.
 */
package vn.khien.compliance.assessment;
