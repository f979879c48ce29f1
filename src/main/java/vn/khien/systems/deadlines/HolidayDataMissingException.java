package vn.khien.systems.deadlines;

/**
 * A date falls in a year that vn-holidays.yaml does not describe. Counting on would silently ignore Tết,
 * so the calendar refuses until the year is added.
 */
class HolidayDataMissingException extends IllegalStateException {

    public HolidayDataMissingException(int year) {
        super("no holiday schedule for " + year
                + " in rules/calendar/vn-holidays.yaml; add the year (Tết, Hùng Kings, compensatory days)");
    }
}
