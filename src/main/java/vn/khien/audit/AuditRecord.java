package vn.khien.audit;

import java.time.Instant;

/** A stored audit record, as read back for display and verification. */
record AuditRecord(long id, Instant occurredAt, Long actorUserId, String actorUsername, String sourceIp,
                          String action, Long organizationId, String targetType, String targetId, String details,
                          String prevHash, String hash) {

    /** The canonical text the chain hash covers; any change to a stored field changes it. */
    String canonical() {
        return String.join("\u001f", String.valueOf(id), String.valueOf(occurredAt.toEpochMilli()),
                String.valueOf(actorUserId), String.valueOf(actorUsername), String.valueOf(sourceIp), action,
                String.valueOf(organizationId), String.valueOf(targetType), String.valueOf(targetId),
                String.valueOf(details), prevHash);
    }
}
