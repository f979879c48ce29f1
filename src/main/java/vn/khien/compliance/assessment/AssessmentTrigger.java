package vn.khien.compliance.assessment;

/** Circumstances in which NĐ 331 Đ31.2.c requires an external specialised organisation whatever the level. */
enum AssessmentTrigger {
    NATIONAL_SECURITY_CRITICAL,
    AFTER_SERIOUS_INCIDENT,
    HIGH_RISK,
    AFTER_MAJOR_CHANGE,
    SELF_ASSESSMENT_DOUBTFUL,
    ON_REQUEST
}
