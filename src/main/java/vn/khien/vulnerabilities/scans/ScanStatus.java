package vn.khien.vulnerabilities.scans;

public enum ScanStatus { QUEUED, RUNNING, COMPLETED, FAILED }
