-- The annual budget plan's workflow (issue 13): plans are recorded as DRAFT (by hand or imported from XLSX), edited
-- while in draft, and APPROVED by the unit's leader; approval is what R39 reads as the adopted plan.
-- Rows recorded before this migration were adopted as entered: they are APPROVED.
ALTER TABLE budget_plan ADD COLUMN status VARCHAR(20) DEFAULT 'APPROVED' NOT NULL;
ALTER TABLE budget_plan ADD COLUMN linked_systems VARCHAR(1000);
ALTER TABLE budget_plan ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE budget_plan ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE budget_plan ADD COLUMN approved_by BIGINT;
ALTER TABLE budget_plan ADD COLUMN import_batch VARCHAR(40);
