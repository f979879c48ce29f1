package vn.khien.systems.deadlines;

import vn.khien.systems.rules.Confidence;

/**
 * How days are counted (the {@code counting} block of time-limits.yaml).
 *
 * @param rollCalendarEndToWorkingDay a calendar-day limit ending on a weekend/holiday ends on the next working day
 */
record CountingRules(boolean rollCalendarEndToWorkingDay, String legalRef, Confidence confidence) {

    /** Bộ luật Dân sự 2015 Đ147–148 as encoded in the shipped rule data. */
    public static CountingRules civilCode() {
        return new CountingRules(true, "Bộ luật Dân sự 91/2015/QH13 Đ147.1, Đ148.5", Confidence.UNCONFIRMED);
    }
}
