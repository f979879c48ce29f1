package vn.khien.compliance.catalogue;

/** How far a system meets one requirement of its plan. */
public enum RequirementStatus {
    MET,
    PARTLY_MET,
    PLANNED,
    NOT_STARTED,
    /** Needs a justification; excluded from the compliance share. */
    NOT_APPLICABLE;

    public boolean isApplicable() {
        return this != NOT_APPLICABLE;
    }
}
