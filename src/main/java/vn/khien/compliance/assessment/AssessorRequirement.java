package vn.khien.compliance.assessment;

import java.util.EnumSet;
import java.util.Set;

/** Who may carry out a system's periodic assessment. */
public enum AssessorRequirement {
    /** Legacy levels 1–2: the owner may assess itself. */
    INTERNAL_ALLOWED(EnumSet.allOf(AssessorKind.class)),
    /** Legacy level 3+: licensed organisation, suitable public service unit, or designated organisation (NĐ 85 Đ20.2.c). */
    LICENSED_OR_DESIGNATED(EnumSet.of(AssessorKind.LICENSED_ORGANISATION, AssessorKind.DESIGNATED_ORGANISATION)),
    /** New regime: self-assessment by a unit independent of the operator (NĐ 331 Đ31.2.c). */
    SELF_ASSESSMENT_BY_INDEPENDENT_UNIT(EnumSet.of(
            AssessorKind.INDEPENDENT_UNIT, AssessorKind.LICENSED_ORGANISATION, AssessorKind.DESIGNATED_ORGANISATION)),
    /** New regime: external specialised organisation (level 5, critical systems and listed triggers). */
    EXTERNAL_SPECIALISED_ORGANISATION(
            EnumSet.of(AssessorKind.LICENSED_ORGANISATION, AssessorKind.DESIGNATED_ORGANISATION));

    private final Set<AssessorKind> accepted;

    AssessorRequirement(Set<AssessorKind> accepted) {
        this.accepted = accepted;
    }

    public boolean accepts(AssessorKind assessor) {
        return accepted.contains(assessor);
    }
}
