package vn.khien.systems.register;

import org.springframework.modulith.NamedInterface;

/**
 * Filters of the register list. {@code organizationId} restricts to systems owned in that organisation's subtree;
 * {@code level} 0 means "no approved level yet".
 */
@NamedInterface("register")
public record SystemSearch(Long organizationId, String q, Integer level, LifecycleStatus status, String regime) {
    public static SystemSearch all() {
        return new SystemSearch(null, null, null, null, null);
    }
}
