package vn.khien.reports.periodic;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.khien.access.Capability;
import vn.khien.access.Role;

/**
 * The steps of {@link ReportStatus}, as named in {@code POST /api/v1/reports/{id}/actions/{action}}, and who may take
 * each: the one statement of the sign-off rule of issue 14 (draft by an officer → checked by the head of the security
 * unit → signed by the leader → submitted upward → accepted or returned by the parent). The report's step methods
 * check the status against {@link #allowedFrom}; {@link ReportActors} reads the rest, once for the service's check and
 * once for the buttons of the page, so a step is offered exactly to those whom the service lets take it (ADR 0066).
 */
enum ReportAction {
    /**
     * Opening a report (recorded in the history; not an action one can post): an officer of the reporting organisation
     * itself or of its designated security unit, or for a kind with a designated drafter a person of that unit.
     */
    CREATE(
            EnumSet.noneOf(ReportStatus.class),
            Actors.REPORTING_OR_SECURITY_UNIT,
            EnumSet.of(Capability.EDIT_SECURITY_DATA),
            null,
            "reports.forbidden.draft",
            false,
            false),
    /**
     * The head of the security unit checks the draft: a security role (one that edits security data and does not sign)
     * of the reporting organisation itself or of the unit designated as its security unit — not a leader, not a body
     * above.
     */
    CHECK(
            EnumSet.of(ReportStatus.DRAFT),
            Actors.REPORTING_OR_SECURITY_UNIT,
            EnumSet.of(Capability.EDIT_SECURITY_DATA),
            Capability.APPROVE,
            "reports.forbidden.check",
            false,
            false),
    /** The leader of the reporting organisation signs; never the person who checked it (four eyes). */
    SIGN(
            EnumSet.of(ReportStatus.CHECKED),
            Actors.REPORTING,
            EnumSet.of(Capability.APPROVE),
            null,
            "reports.forbidden.sign",
            true,
            false),
    /** The reporting organisation (its leader or its security unit) sends the signed report to its parent. */
    SUBMIT(
            EnumSet.of(ReportStatus.SIGNED),
            Actors.REPORTING_OR_SECURITY_UNIT,
            EnumSet.of(Capability.EDIT_SECURITY_DATA, Capability.APPROVE),
            null,
            "reports.forbidden.submit",
            false,
            true),
    /** The parent organisation receiving the report accepts it. */
    ACCEPT(
            EnumSet.of(ReportStatus.SUBMITTED),
            Actors.PARENT,
            EnumSet.of(Capability.APPROVE, Capability.EDIT_SECURITY_DATA),
            null,
            "reports.forbidden.decide",
            false,
            false),
    /** The parent organisation returns it with a comment. */
    RETURN(
            EnumSet.of(ReportStatus.SUBMITTED),
            Actors.PARENT,
            EnumSet.of(Capability.APPROVE, Capability.EDIT_SECURITY_DATA),
            null,
            "reports.forbidden.decide",
            false,
            false),
    /** Who may draft the organisation's report opens the next version of its latest, returned one. */
    REVISE(
            EnumSet.of(ReportStatus.RETURNED),
            Actors.DRAFTERS,
            EnumSet.noneOf(Capability.class),
            null,
            "reports.forbidden.draft",
            false,
            false);

    /** Whose people take the step. */
    enum Actors {
        /** A role granted on the reporting organisation itself (a role inherited from a body above does not count). */
        REPORTING,
        /** As {@link #REPORTING}, or a role granted on the unit designated as the organisation's security unit. */
        REPORTING_OR_SECURITY_UNIT,
        /** A role granted on the parent organisation itself, to which the report is submitted. */
        PARENT,
        /** Who may open the organisation's report of this kind: as {@link ReportAction#CREATE}. */
        DRAFTERS
    }

    private final Set<ReportStatus> from;
    private final Actors actors;
    private final Set<Capability> capabilities;
    private final Capability notWith;
    private final String refusal;
    private final boolean notByChecker;
    private final boolean upward;

    ReportAction(
            Set<ReportStatus> from,
            Actors actors,
            Set<Capability> capabilities,
            Capability notWith,
            String refusal,
            boolean notByChecker,
            boolean upward) {
        this.from = from;
        this.actors = actors;
        this.capabilities = capabilities;
        this.notWith = notWith;
        this.refusal = refusal;
        this.notByChecker = notByChecker;
        this.upward = upward;
    }

    /** The statuses the step starts from. */
    Set<ReportStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** Never taken by the person who checked the report (four eyes: the signature). */
    boolean notByChecker() {
        return notByChecker;
    }

    /** Sends the report to the parent: a report of an organisation without parent cannot take it. */
    boolean upward() {
        return upward;
    }

    /**
     * The steps that wait for someone (the "waiting for me" list of {@code /reports} and the home page): all but
     * opening and revising, which no one is asked to do; RETURN is the other answer of ACCEPT and waits with it.
     */
    static List<ReportAction> awaited() {
        return List.of(CHECK, SIGN, SUBMIT, ACCEPT);
    }

    /** Whether the step may be taken from this status. */
    boolean allowedFrom(ReportStatus status) {
        return from.contains(status);
    }

    Actors actors() {
        return actors;
    }

    /**
     * The roles that count: those holding one of the step's capabilities, less those holding {@code notWith} (the
     * checker is a security role, not a leader who signs).
     */
    Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Capability c : capabilities) {
            roles.addAll(Role.holding(c));
        }
        if (notWith != null) {
            roles.removeAll(Role.holding(notWith));
        }
        return roles;
    }

    /** The message key of the 403 when the person does not act for the step's organisation. */
    String refusal() {
        return refusal;
    }

    /** A step one may post (CREATE is recorded only). */
    boolean postable() {
        return this != CREATE;
    }
}
