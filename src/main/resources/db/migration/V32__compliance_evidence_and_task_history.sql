-- Evidence is never removed from the record: superseded evidence stays (it proved the requirement until then);
-- deleted evidence keeps its metadata and reason, only its file is erased (a wrong upload must not stay reachable).
ALTER TABLE plan_evidence ADD COLUMN superseded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE plan_evidence ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE plan_evidence ADD COLUMN withdrawal_reason VARCHAR(1000);

-- Tasks move OPEN → IN_PROGRESS → DONE; "done" stays for readers that only ask whether a task is closed.
ALTER TABLE remediation_task ADD COLUMN status VARCHAR(20) DEFAULT 'OPEN' NOT NULL;
UPDATE remediation_task SET status = 'DONE' WHERE done = TRUE;
