-- Issue 9 point 19: legal time limits start when the competent body receives a complete dossier (NĐ 85/2016 Đ16.2,
-- Đ17; NĐ 331/2026 Đ23, Đ24), often on paper. The receiving body records that day; the limits of the step are
-- counted again from it. A due date counted across holidays whose schedule is only estimated is marked so.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE level_dossier ADD COLUMN received_on DATE;
ALTER TABLE level_dossier ADD COLUMN step_due_estimated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE level_dossier ADD COLUMN validity_due_estimated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dossier_step ADD COLUMN received_on DATE;
