package vn.khien.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened. {@code details} holds what changed (e.g. "before"/"after" maps); the
 * actor and source address are taken from the current request.
 */
public record AuditEntry(
        String action,
        @Nullable Long organizationId,
        String targetType,
        @Nullable String targetId,
        Map<String, ?> details) {

    public static AuditEntry of(
            String action, @Nullable Long organizationId, String targetType, @Nullable Object targetId) {
        return new AuditEntry(
                action, organizationId, targetType, targetId == null ? null : targetId.toString(), Map.of());
    }

    public AuditEntry with(Map<String, ?> newDetails) {
        return new AuditEntry(action, organizationId, targetType, targetId, newDetails);
    }

    public static AuditEntry change(
            String action,
            @Nullable Long organizationId,
            String targetType,
            @Nullable Object targetId,
            @Nullable Object before,
            @Nullable Object after) {
        LinkedHashMap<String, Object> d = new LinkedHashMap<>();
        if (before != null) {
            d.put("before", before);
        }
        if (after != null) {
            d.put("after", after);
        }
        return new AuditEntry(action, organizationId, targetType, targetId == null ? null : targetId.toString(), d);
    }
}
