package vn.khien.compliance.assessment;

/** Who actually performed an assessment. */
public enum AssessorKind {
    /** The operator or owner itself. */
    INTERNAL,
    /** A unit of the owner independent of the operator. */
    INDEPENDENT_UNIT,
    /** An organisation licensed for information-security assessment services. */
    LICENSED_ORGANISATION,
    /** A suitable public service unit or an organisation designated by the competent authority. */
    DESIGNATED_ORGANISATION
}
