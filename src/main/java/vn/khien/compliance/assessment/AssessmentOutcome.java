package vn.khien.compliance.assessment;

/** Result of an assessment for one requirement. */
public enum AssessmentOutcome {
    PASS,
    FAIL,
    NOT_ASSESSED
}
