package vn.khien.systems.register;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Filters of the register list. {@code organizationId} restricts to systems owned in that organisation's subtree;
 * {@code level} 0 means "no approved level yet".
 */
@NamedInterface("register")
public record SystemSearch(
        @Nullable Long organizationId,
        @Nullable String q,
        @Nullable Integer level,
        @Nullable LifecycleStatus status,
        @Nullable String regime) {
    public static SystemSearch all() {
        return new SystemSearch(null, null, null, null, null);
    }
}
