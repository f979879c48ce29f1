-- Issue 15 (ADR 0058): the home page probes the tally of each visible system for its overdue counts (100,000 probes
-- for the national leader); with every column it reads in the index the probes are index-only (national overdue
-- findings 12.1 s -> 7.7 s, province 327 ms -> 201 ms on the scale 1.0 set, bench/README.md). Replaces the narrower
-- index of V174 (same leading columns). Same SQL on H2 and PostgreSQL.
DROP INDEX ix_finding_tally_system;
CREATE INDEX ix_finding_tally_system ON finding_tally (system_id, status, due_date, severity, severity_rank, finding_count);
