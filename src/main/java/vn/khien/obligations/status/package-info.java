/**
 * The obligation statuses of the systems and organisations a person may see, evaluated from the catalogue and the
 * evidence every {@code DutySource} reports.
 */
@NullMarked
package vn.khien.obligations.status;

import org.jspecify.annotations.NullMarked;
