package vn.khien.systems.dossier;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a dossier's workflow history. */
public record DossierStep(long id, String action, DossierStatus fromStatus, DossierStatus toStatus, String actorName,
                          String comment, LocalDate dueOn, Instant occurredAt) {
}
