package vn.khien.compliance.plan;

import java.time.Instant;
import java.time.LocalDate;
import vn.khien.compliance.catalogue.EvidenceValidity;

/** A file or link proving a requirement; {@code validity} is computed for today with the warning window. */
public record Evidence(long id, long systemId, String requirementId, String title, String url, String fileName,
                       LocalDate validUntil, Instant createdAt, EvidenceValidity validity) {

    public boolean isFile() {
        return fileName != null;
    }

    public boolean flagged() {
        return validity == EvidenceValidity.EXPIRED || validity == EvidenceValidity.EXPIRING;
    }
}
