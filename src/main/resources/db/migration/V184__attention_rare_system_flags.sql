-- The home page's attention lines over the register (issue 15, ADR 0063): systems whose level must be determined
-- again and systems with a hosting kind proposed by their operator are rare, so each line reads the few flagged rows
-- from an index instead of every system of the person's subtree (100,000 for the national body).
CREATE INDEX ix_system_redetermination ON information_system (redetermination_required);
CREATE INDEX ix_system_proposed_hosting ON information_system (proposed_hosting_kind);
