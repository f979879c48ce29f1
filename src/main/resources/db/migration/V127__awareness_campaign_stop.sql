-- A repeating awareness campaign (Chỉ thị 2634/CT-VPCP §3d; R25) can be stopped: no round goes out after stopped_at.
ALTER TABLE awareness_campaign ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE awareness_campaign ADD COLUMN stopped_by BIGINT;
