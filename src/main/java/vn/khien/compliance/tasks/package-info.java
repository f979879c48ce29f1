/**
 * Remediation tasks of a system ({@link vn.khien.compliance.tasks.TaskChanges}): added by hand, for every gap of the
 * plan, from a failed assessment result or by another module through {@link vn.khien.compliance.RemediationTasks};
 * table {@code remediation_task}.
 */
@NullMarked
package vn.khien.compliance.tasks;

import org.jspecify.annotations.NullMarked;
