package vn.khien.compliance.evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.EvidenceValidity;

/**
 * A file or link proving a requirement; {@code validity} is computed for today with the warning window.
 * {@code withdrawnAt} and {@code withdrawalReason} say when and why evidence that is no longer ACTIVE was withdrawn.
 */
public record Evidence(
        long id,
        long systemId,
        String requirementId,
        String title,
        @Nullable String url,
        @Nullable String fileName,
        @Nullable LocalDate validUntil,
        Instant createdAt,
        EvidenceValidity validity,
        EvidenceState state,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawalReason) {

    public boolean isFile() {
        return fileName != null;
    }

    public boolean active() {
        return state == EvidenceState.ACTIVE;
    }

    /** Only evidence still relied on can run out: withdrawn evidence no longer proves anything. */
    public boolean flagged() {
        return active() && (validity == EvidenceValidity.EXPIRED || validity == EvidenceValidity.EXPIRING);
    }
}
