package vn.khien.systems.deadlines;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import vn.khien.systems.rules.Confidence;

/**
 * One year's holiday schedule.
 *
 * @param daysOff     extra non-working days (Tết block, Hùng Kings, compensatory and swapped days) with the reason
 * @param workingDays weekend days worked in exchange for a swapped weekday ("làm bù")
 * @param uncertain   days whose status is not confirmed, with their confidence
 */
record HolidayYear(
        int year,
        ScheduleStatus status,
        LocalDate lunarNewYear,
        LocalDate hungKings,
        Map<LocalDate, String> daysOff,
        Set<LocalDate> workingDays,
        Map<LocalDate, Confidence> uncertain) {

    public HolidayYear {
        daysOff = Map.copyOf(daysOff);
        workingDays = Set.copyOf(workingDays);
        uncertain = Map.copyOf(uncertain);
    }
}
