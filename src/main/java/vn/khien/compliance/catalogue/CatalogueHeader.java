package vn.khien.compliance.catalogue;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Identity and legal basis of a catalogue version.
 *
 * @param regime       required for BASE catalogues; null for an organisation layer that applies under any regime
 * @param organisation code of the owning organisation, required for ORGANISATION layers
 * @param basedOn      id of the base catalogue an organisation layer was written against (informational)
 * @param effectiveTo  null while in force or while its end is not confirmed
 */
public record CatalogueHeader(
        String id,
        String version,
        CatalogueLayer layer,
        @Nullable Regime regime,
        String titleVi,
        String titleEn,
        String legalSource,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        Confidence confidence,
        @Nullable String organisation,
        @Nullable String basedOn,
        @Nullable String notes) {

    public CatalogueHeader {
        confidence = confidence == null ? Confidence.PRIMARY : confidence;
    }

    /** "TT12-2022@1.0.0" — what a plan records to say which catalogue version it was derived from. */
    public String versionedId() {
        return id + "@" + version;
    }

    public boolean isInForceOn(LocalDate date) {
        boolean started = effectiveFrom == null || !date.isBefore(effectiveFrom);
        boolean notEnded = effectiveTo == null || !date.isAfter(effectiveTo);
        return started && notEnded;
    }
}
