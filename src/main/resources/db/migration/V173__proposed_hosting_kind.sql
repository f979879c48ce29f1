-- The hosting kind an outside operator proposes and the owner confirms or declines (ADR 0057). Null: none waits.
ALTER TABLE information_system ADD COLUMN proposed_hosting_kind VARCHAR(40);
