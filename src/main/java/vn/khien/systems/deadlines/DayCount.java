package vn.khien.systems.deadlines;

/** Whether a legal time limit counts every day ("ngày") or only working days ("ngày làm việc"). */
public enum DayCount {
    CALENDAR_DAYS,
    WORKING_DAYS
}
