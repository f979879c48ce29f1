package vn.khien.compliance.assessment;

/** What an assessment covered (regulation.md §4.6): compliance, effectiveness and the kinds of technical testing. */
public enum AssessmentScope {
    COMPLIANCE,
    EFFECTIVENESS,
    BLACK_BOX,
    GREY_BOX,
    WHITE_BOX,
    SOURCE_CODE_REVIEW
}
