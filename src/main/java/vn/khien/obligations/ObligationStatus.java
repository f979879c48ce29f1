package vn.khien.obligations;

/** Where one duty stands for one subject; declared worst first, so the natural order sorts a matrix. */
public enum ObligationStatus {
    OVERDUE,
    DUE_SOON,
    NO_DATA,
    MET,
    NOT_APPLICABLE
}
