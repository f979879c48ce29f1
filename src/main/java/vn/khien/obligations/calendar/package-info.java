/** A personal iCalendar feed of the deadlines of one's obligations. */
@NullMarked
package vn.khien.obligations.calendar;

import org.jspecify.annotations.NullMarked;
