package vn.khien.systems.dossier;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.khien.access.Capability;

/**
 * Steps a person can take on a dossier, and who may take each: the one statement of the rule. The dossier's step
 * methods check the status ({@link #allowedFrom}), {@code DossierService} checks the person for one dossier and
 * {@link DossierActors#mayTake} asks the same question in SQL for the home page's list of dossiers. SUBMIT from
 * RETURNED is recorded as a resubmission.
 */
public enum DossierAction {
    /** The owner's editors submit a draft or a returned dossier. */
    SUBMIT(
            EnumSet.of(DossierStatus.DRAFT, DossierStatus.RETURNED),
            Actors.OWNER,
            List.of(Capability.EDIT_SECURITY_DATA),
            false,
            false),
    /** The appraising body returns an incomplete dossier, with a comment. */
    RETURN(
            EnumSet.of(DossierStatus.SUBMITTED),
            Actors.APPRAISER,
            List.of(Capability.EDIT_SECURITY_DATA, Capability.APPROVE),
            true,
            false),
    /** The appraising body gives its written opinion. */
    APPRAISE(
            EnumSet.of(DossierStatus.SUBMITTED),
            Actors.APPRAISER,
            List.of(Capability.EDIT_SECURITY_DATA, Capability.APPROVE),
            true,
            false),
    /** The approving body decides the level: not the submitter, nor the appraiser (two people's judgements). */
    APPROVE(EnumSet.of(DossierStatus.APPRAISED), Actors.APPROVER, List.of(Capability.APPROVE), true, true),
    /** The owner's editors withdraw a dossier still open. */
    WITHDRAW(
            EnumSet.of(DossierStatus.DRAFT, DossierStatus.SUBMITTED, DossierStatus.RETURNED, DossierStatus.APPRAISED),
            Actors.OWNER,
            List.of(Capability.EDIT_SECURITY_DATA),
            false,
            false);

    /** Whose organisation the person acts for. */
    public enum Actors {
        /** The system's owner or operator (the rule of {@code SystemService.canEdit}). */
        OWNER("error.forbidden"),
        /** The appraising organisation named on the dossier. */
        APPRAISER("systems.dossier.notAppraiser"),
        /** The approving organisation named on the dossier. */
        APPROVER("systems.dossier.notApprover");

        private final String refusal;

        Actors(String refusal) {
            this.refusal = refusal;
        }

        /** The message key of the 403 when the person does not act for this organisation. */
        public String refusal() {
            return refusal;
        }
    }

    private final Set<DossierStatus> from;
    private final Actors actors;
    private final List<Capability> capabilities;
    private final boolean notBySubmitter;
    private final boolean notByAppraiser;

    DossierAction(
            Set<DossierStatus> from,
            Actors actors,
            List<Capability> capabilities,
            boolean notBySubmitter,
            boolean notByAppraiser) {
        this.from = from;
        this.actors = actors;
        this.capabilities = capabilities;
        this.notBySubmitter = notBySubmitter;
        this.notByAppraiser = notByAppraiser;
    }

    /** Whether the step may be taken from this status. */
    public boolean allowedFrom(DossierStatus status) {
        return from.contains(status);
    }

    public Set<DossierStatus> from() {
        return EnumSet.copyOf(from);
    }

    public Actors actors() {
        return actors;
    }

    /** A role with any of these capabilities on the acting organisation's subtree may take the step. */
    public List<Capability> capabilities() {
        return capabilities;
    }

    /** The person who submitted the dossier may not take this step. */
    public boolean notBySubmitter() {
        return notBySubmitter;
    }

    /** The person who appraised the dossier may not take this step. */
    public boolean notByAppraiser() {
        return notByAppraiser;
    }
}
