package vn.khien.reports.periodic;

/** The steps of {@link ReportStatus}, as named in {@code POST /api/v1/reports/{id}/actions/{action}}. */
enum ReportAction {
    /** Recorded in the history when a report is opened; not an action one can post. */
    CREATE,
    CHECK,
    SIGN,
    SUBMIT,
    ACCEPT,
    RETURN,
    REVISE
}
