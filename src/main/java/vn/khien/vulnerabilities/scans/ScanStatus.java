package vn.khien.vulnerabilities.scans;

enum ScanStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
