-- Issue 14/15 (ADR 0052): the vulnerability figures of a report or dashboard count the findings open at the end of a
-- period (first seen by then; open, or closed only after it) by severity and SLA due date. Every column they read is
-- in this index, so the national roll-up reads it (13 MB at scale 0.1) instead of the finding table (295 MB): an
-- index-only scan. It leads with system_id, so a province's figures read only its systems' entries.
-- Same SQL on H2 and PostgreSQL.
CREATE INDEX ix_finding_figures ON finding (system_id, status, first_seen, closed_on, severity, due_date);
