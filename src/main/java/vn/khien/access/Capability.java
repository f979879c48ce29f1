package vn.khien.access;

/** What a role allows within the subtree it is granted on. */
public enum Capability {
    READ,
    MANAGE_ORGANIZATIONS,
    MANAGE_USERS,
    /** Grant the platform-administrator role itself: only platform administrators. */
    MANAGE_PLATFORM,
    READ_AUDIT,
    EDIT_SECURITY_DATA,
    EDIT_CONTACT_POINT,
    APPROVE,
    RESPOND_INCIDENTS
}
