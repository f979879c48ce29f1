package vn.khien.vulnerabilities.scans;

/** What one import did: findings read from the report, and how they changed the system's findings. */
record ImportCounts(int parsed, int created, int reopened, int closed, int unchanged, int locations) {}
