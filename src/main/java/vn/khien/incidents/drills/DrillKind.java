package vn.khien.incidents.drills;

/** Diễn tập thực chiến (CT 18/2022, CT 2634) or table-top. */
enum DrillKind {
    LIVE_FIRE,
    TABLE_TOP
}
