-- Issue 15 (ADR 0058): per-system finding counts kept in the same transaction as every write that changes a finding's
-- state, severity, due date or accepted-risk expiry, so the home page's and the figures' roll-ups read a few rows per
-- system instead of aggregating millions of findings. One row per system, state, severity and the one date that
-- matters for that state: the SLA due date of an active (OPEN, REOPENED) finding ("overdue" = due_date < today, correct
-- on any day without a nightly job), the expiry of an accepted risk; none for closed findings.
-- Same SQL on H2 and PostgreSQL.
CREATE TABLE finding_tally (
    system_id       BIGINT      NOT NULL REFERENCES information_system (id) ON DELETE CASCADE,
    status          VARCHAR(20) NOT NULL,
    severity        VARCHAR(10) NOT NULL,
    severity_rank   INTEGER     NOT NULL,
    due_date        DATE,
    risk_expires_on DATE,
    finding_count   BIGINT      NOT NULL
);
CREATE INDEX ix_finding_tally_system ON finding_tally (system_id, status, due_date);
CREATE INDEX ix_finding_tally_expiry ON finding_tally (status, risk_expires_on, system_id);

-- One row per system that has been tallied: the date of its last completed scan (the six-month scan duty), and the
-- row a refresh locks so that two transactions never recompute the same system's counts at once.
CREATE TABLE finding_tally_system (
    system_id      BIGINT PRIMARY KEY REFERENCES information_system (id) ON DELETE CASCADE,
    last_scan_date DATE
);

INSERT INTO finding_tally_system (system_id, last_scan_date)
SELECT s.id, (SELECT MAX(sc.scan_date) FROM scan sc WHERE sc.system_id = s.id AND sc.status = 'COMPLETED')
FROM information_system s;

INSERT INTO finding_tally (system_id, status, severity, severity_rank, due_date, risk_expires_on, finding_count)
SELECT f.system_id, f.status, f.severity, f.severity_rank,
    CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_date END,
    CASE WHEN f.status = 'ACCEPTED_RISK' THEN f.risk_expires_on END,
    COUNT(*)
FROM finding f
GROUP BY f.system_id, f.status, f.severity, f.severity_rank,
    CASE WHEN f.status IN ('OPEN', 'REOPENED') THEN f.due_date END,
    CASE WHEN f.status = 'ACCEPTED_RISK' THEN f.risk_expires_on END;
