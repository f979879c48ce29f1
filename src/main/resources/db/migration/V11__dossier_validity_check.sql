-- The incomplete-dossier notice under NĐ 331/2026 (regulation.md §6.1, §12 R10: "invalid dossier feedback ≤ 5 working
-- days", Đ23): on every receipt of a dossier the appraiser has its own limit to return it as incomplete, running
-- alongside the appraisal limit. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE level_dossier ADD COLUMN validity_due_on DATE;
ALTER TABLE level_dossier ADD COLUMN validity_limit_ref VARCHAR(300);
-- The legal limit a step had to be taken by (RETURN: the validity check; APPRAISE: appraisal; APPROVE: approval).
ALTER TABLE dossier_step ADD COLUMN limit_due_on DATE;
