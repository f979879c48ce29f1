package vn.khien.compliance.catalogue.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.Catalogue;

/** One loaded catalogue version as stored; {@code id} is the loaded version id plans and exports refer to. */
public record StoredCatalogue(
        long id,
        String key,
        String version,
        String layer,
        String regime,
        @Nullable Long organizationId,
        String origin,
        boolean active,
        Instant loadedAt,
        Catalogue catalogue) {

    public String versionedId() {
        return catalogue.header().versionedId();
    }

    public int requirementCount() {
        return catalogue.requirements().size();
    }
}
