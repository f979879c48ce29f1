package vn.khien.compliance.plan;

/** Result of an assessment for one requirement. */
public enum AssessmentOutcome {
    PASS,
    FAIL,
    NOT_ASSESSED
}
