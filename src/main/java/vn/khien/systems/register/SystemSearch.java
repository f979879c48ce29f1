package vn.khien.systems.register;

/**
 * Filters of the register list. {@code organizationId} restricts to systems owned in that organisation's subtree;
 * {@code level} 0 means "no approved level yet".
 */
public record SystemSearch(Long organizationId, String q, Integer level, LifecycleStatus status, String regime) {
    public static SystemSearch all() {
        return new SystemSearch(null, null, null, null, null);
    }
}
