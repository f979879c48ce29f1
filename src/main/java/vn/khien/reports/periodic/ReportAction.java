package vn.khien.reports.periodic;

/** The steps of {@link ReportStatus}, as named in {@code POST /api/v1/reports/{id}/actions/{action}}. */
public enum ReportAction {
    CHECK, SIGN, SUBMIT, ACCEPT, RETURN, REVISE
}
