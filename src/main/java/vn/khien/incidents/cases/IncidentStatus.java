package vn.khien.incidents.cases;

/** Where a case stands (TT 20/2017 Đ11 steps); NEW is "unverified". */
enum IncidentStatus {
    NEW,
    VERIFIED,
    CONTAINED,
    ERADICATED,
    RECOVERED,
    CLOSED,
    REJECTED;

    public boolean open() {
        return this != CLOSED && this != REJECTED;
    }
}
