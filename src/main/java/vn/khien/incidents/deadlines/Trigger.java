package vn.khien.incidents.deadlines;

/** The event a limit is counted from. */
public enum Trigger {
    DETECTED,
    RESPONSE_ENDED
}
