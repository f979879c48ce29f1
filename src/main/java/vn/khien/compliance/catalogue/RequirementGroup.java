package vn.khien.compliance.catalogue;

/** Requirement groups of TT 12 Đ9.3 (management, a–g) and Đ9.4 (technical, a–d). */
public enum RequirementGroup {
    POLICY(true),
    ORGANISATION(true),
    PEOPLE(true),
    DESIGN_BUILD(true),
    OPERATIONS(true),
    RISK(true),
    END_OF_LIFE(true),
    NETWORK(false),
    SERVER(false),
    APPLICATION(false),
    DATA(false);

    private final boolean management;

    RequirementGroup(boolean management) {
        this.management = management;
    }

    public boolean isManagement() {
        return management;
    }
}
