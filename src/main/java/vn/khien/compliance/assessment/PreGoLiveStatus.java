package vn.khien.compliance.assessment;

/** Where a system stands on the assessment its regime requires before go-live. */
enum PreGoLiveStatus {
    /** The regime requires none for this level, or the system went live before the approval that would need it. */
    NOT_REQUIRED,
    /** A completed BEFORE_GO_LIVE assessment is on file. */
    DONE,
    /** Required and the system is not live yet: it must be done before go-live. */
    DUE_BEFORE_GO_LIVE,
    /** Required, the system is live and no such assessment is on file. */
    MISSING
}
