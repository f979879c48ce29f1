package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a dossier's workflow history. */
public record DossierStep(long id, String action, DossierStatus fromStatus, DossierStatus toStatus, String actorName,
                          String comment, LocalDate dueOn, Instant occurredAt, LocalDate limitDueOn) {

    /** The step was taken after the legal limit it had (e.g. an incomplete dossier returned after 5 working days). */
    public boolean late() {
        return limitDueOn != null
                && LocalDate.ofInstant(occurredAt, vn.khien.platform.PlatformConfiguration.ZONE).isAfter(limitDueOn);
    }
}
