package vn.khien.systems;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.khien.systems.deadlines.WorkingDayCalendar;

/**
 * The working-day calendar of state bodies (rule data {@code rules/calendar/vn-holidays.yaml}) for modules that count
 * due dates outside the dossier workflow, such as periodic reports. Delegates to the calendar of
 * {@code systems.deadlines}; throws when a year has no schedule in the rule data.
 */
@Component
public class WorkingDays {

    private final WorkingDayCalendar calendar;

    public WorkingDays(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    /** The last working day strictly before {@code date}: the due day of "before the 20th" (trước ngày 20). */
    public LocalDate lastWorkingDayBefore(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** Whether the calendar holds a schedule for this year (due dates of later years cannot be counted yet). */
    public boolean knowsYear(int year) {
        return calendar.year(year).isPresent();
    }
}
