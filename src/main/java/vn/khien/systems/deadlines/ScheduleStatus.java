package vn.khien.systems.deadlines;

/** Whether a year's holiday schedule has been announced or is still an estimate to be replaced. */
enum ScheduleStatus {
    ANNOUNCED,
    ESTIMATED
}
