-- Issue 4 follow-ups. Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- 1. Finding keys. Formats that merge every affected place of a rule into one finding (Nessus XML, Nmap, Burp, ZAP,
--    Acunetix, Qualys WAS, Nuclei, generic CSV) used to key it by tool + rule + its FIRST place, so fixing that place
--    turned the finding into a new one. They are now keyed by tool + rule (+ what the format merges on), without a
--    place (key_version 2). The old keys cannot be recomputed in SQL (the rule id is not stored), so rows written
--    before keep key_version 1 and are re-keyed by the next import of the same system and tool: ImportRun computes
--    the old-style key of each merged finding for the first places of version-1 findings and moves a match to the
--    new key. Findings of single-place formats keep their key; any import that sees them marks them version 2.
ALTER TABLE finding ADD COLUMN key_version INTEGER DEFAULT 1 NOT NULL;

-- 2. Several nodes and restarts. Each running instance registers itself and beats every few seconds; a scan that is
--    QUEUED or RUNNING belongs to the node that accepted it. At start-up and then periodically, any node marks FAILED
--    the unfinished scans whose node is gone (no row, or no beat for longer than the stale limit).
CREATE TABLE scan_node (
    node_id       VARCHAR(64) PRIMARY KEY,
    host_name     VARCHAR(200),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE scan ADD COLUMN node_id VARCHAR(64);
ALTER TABLE scan ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
-- Scanner results read so far by a background import, written in a separate short transaction every few thousand
-- results (bytes_read is written alongside), so a poller on any node sees the progress.
ALTER TABLE scan ADD COLUMN results_read INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX ix_scan_status ON scan (status);
