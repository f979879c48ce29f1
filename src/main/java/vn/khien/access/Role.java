package vn.khien.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles are granted on an organisation and apply to its whole subtree. What each role may do is
 * listed here once, so every module asks "who holds capability X there" instead of naming roles.
 */
public enum Role {
    PLATFORM_ADMIN(EnumSet.allOf(Capability.class)),
    ORG_ADMIN(EnumSet.of(
            Capability.READ, Capability.MANAGE_ORGANIZATIONS, Capability.MANAGE_USERS, Capability.READ_AUDIT)),
    /** The head of the unit; reads the audit trail to supervise administrators' access (Chỉ thị 2634, ADR 0039). */
    LEADER(EnumSet.of(Capability.READ, Capability.APPROVE, Capability.EDIT_SECURITY_DATA, Capability.READ_AUDIT)),
    SECURITY_OFFICER(EnumSet.of(Capability.READ, Capability.EDIT_SECURITY_DATA, Capability.EDIT_CONTACT_POINT)),
    INCIDENT_RESPONDER(EnumSet.of(Capability.READ, Capability.RESPOND_INCIDENTS)),
    /** Reads everything in scope, the audit trail included, and changes nothing. */
    AUDITOR(EnumSet.of(Capability.READ, Capability.READ_AUDIT));

    private final Set<Capability> capabilities;

    Role(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public static Set<Role> holding(Capability capability) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : values()) {
            if (r.has(capability)) {
                roles.add(r);
            }
        }
        return roles;
    }
}
