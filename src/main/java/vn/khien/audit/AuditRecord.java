package vn.khien.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored audit record, as read back for display and verification. */
record AuditRecord(
        long id,
        Instant occurredAt,
        @Nullable Long actorUserId,
        @Nullable String actorUsername,
        @Nullable String sourceIp,
        String action,
        @Nullable Long organizationId,
        String targetType,
        @Nullable String targetId,
        @Nullable String details,
        String prevHash,
        @Nullable String hash,
        int hashVersion) {

    /** The hash version written now: the exact stored time (microseconds) is hashed. */
    public static final int CURRENT_VERSION = 2;

    public AuditRecord(
            long id,
            Instant occurredAt,
            @Nullable Long actorUserId,
            @Nullable String actorUsername,
            @Nullable String sourceIp,
            String action,
            @Nullable Long organizationId,
            String targetType,
            @Nullable String targetId,
            @Nullable String details,
            String prevHash,
            @Nullable String hash) {
        this(
                id,
                occurredAt,
                actorUserId,
                actorUsername,
                sourceIp,
                action,
                organizationId,
                targetType,
                targetId,
                details,
                prevHash,
                hash,
                1);
    }

    /**
     * Whether the stored time can be what was hashed: version 1 hashed milliseconds and stored milliseconds, so any
     * sub-millisecond part means the stored value was changed; version 2 stores and hashes microseconds.
     */
    boolean timePrecisionHolds() {
        return hashVersion >= 2 ? occurredAt.getNano() % 1_000 == 0 : occurredAt.getNano() % 1_000_000 == 0;
    }

    /** The canonical text the chain hash covers; any change to a stored field changes it. */
    String canonical() {
        String time = hashVersion >= 2
                ? "v2:" + occurredAt.getEpochSecond() + "." + String.format("%06d", occurredAt.getNano() / 1_000)
                : String.valueOf(occurredAt.toEpochMilli());
        return String.join(
                "\u001f",
                String.valueOf(id),
                time,
                String.valueOf(actorUserId),
                String.valueOf(actorUsername),
                String.valueOf(sourceIp),
                action,
                String.valueOf(organizationId),
                String.valueOf(targetType),
                String.valueOf(targetId),
                String.valueOf(details),
                prevHash);
    }
}
