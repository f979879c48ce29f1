package vn.khien.systems.deadlines;

import java.time.LocalDate;

/**
 * When a step is due.
 *
 * @param due                 last day (inclusive, Asia/Ho_Chi_Minh) on which the step is on time
 * @param reliesOnEstimates   the count crossed days whose holiday schedule is estimated or unconfirmed
 */
public record Deadline(LocalDate start, LocalDate due, TimeLimit limit, boolean reliesOnEstimates) {}
