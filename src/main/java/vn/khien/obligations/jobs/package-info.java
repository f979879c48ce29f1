/** The scheduled reminders of due and overdue obligations. */
@NullMarked
package vn.khien.obligations.jobs;

import org.jspecify.annotations.NullMarked;
