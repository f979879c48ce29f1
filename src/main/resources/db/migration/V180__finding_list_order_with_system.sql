-- Issue 15 (ADR 0060): the findings lists' order with the system id, so that a page's ids are chosen from the index
-- alone. With the visibility predicate's constant subtree prefixes the planner walks the list's order for a wide
-- scope (a province, the country) and checks each finding's system; without the system id in the index every row it
-- passes over was read from the 5 GB table first (a province's page after row 3,000: 1–6 s). It replaces
-- ix_finding_list_order (V135), whose columns lead it. Same SQL on H2 and PostgreSQL.
CREATE INDEX IF NOT EXISTS ix_finding_list_cover ON finding (severity_rank, due_date, id, system_id);
DROP INDEX IF EXISTS ix_finding_list_order;
