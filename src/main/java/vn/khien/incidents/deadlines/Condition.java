package vn.khien.incidents.deadlines;

/** When a reporting limit applies to an incident. */
public enum Condition {
    ALWAYS,
    BEYOND_CAPACITY,
    SERIOUS,
    NATIONAL_SECURITY_SIGNS,
    SERIOUS_OR_BEYOND_CAPACITY;

    boolean holds(boolean serious, boolean beyondCapacity, boolean nationalSecuritySigns) {
        return switch (this) {
            case ALWAYS -> true;
            case BEYOND_CAPACITY -> beyondCapacity;
            case SERIOUS -> serious;
            case NATIONAL_SECURITY_SIGNS -> nationalSecuritySigns;
            case SERIOUS_OR_BEYOND_CAPACITY -> serious || beyondCapacity;
        };
    }
}
