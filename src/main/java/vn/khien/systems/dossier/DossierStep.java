package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;
import vn.khien.platform.PlatformConfiguration;

/** One entry of a dossier's workflow history. */
record DossierStep(
        long id,
        String action,
        DossierStatus fromStatus,
        DossierStatus toStatus,
        String actorName,
        String comment,
        LocalDate dueOn,
        Instant occurredAt,
        LocalDate limitDueOn,
        boolean late) {

    /** Whether a step taken at {@code occurredAt} missed its legal limit (e.g. an incomplete dossier returned late). */
    public static boolean late(Instant occurredAt, LocalDate limitDueOn) {
        return limitDueOn != null
                && LocalDate.ofInstant(occurredAt, PlatformConfiguration.ZONE).isAfter(limitDueOn);
    }
}
