-- Issue 15 (ADR 0026): indexes for the home page's attention queries and the findings lists at national scale.
-- Plans before/after: bench/explain/explain.sh. Same SQL on H2 and PostgreSQL (no partial or expression indexes).

-- Findings of the visible systems by state, severity and list order: the lists' filters (status, severity) and their
-- ORDER BY severity_rank, due_date, id read per system from the index, the home page's overdue counts too.
CREATE INDEX ix_finding_system_list ON finding (system_id, status, severity, severity_rank, due_date, id);

-- The list's order over a wide scope (a province, the country): walk the index in order, stop after one page.
CREATE INDEX ix_finding_list_order ON finding (severity_rank, due_date, id);

-- Accepted risks running out (home page, the daily reopening job) without reading every finding.
CREATE INDEX ix_finding_status_expiry ON finding (status, risk_expires_on);

-- The last completed scan of a system (scan duty on the home page, register, duties): one index probe per system.
CREATE INDEX ix_scan_system_status_date ON scan (system_id, status, scan_date);
