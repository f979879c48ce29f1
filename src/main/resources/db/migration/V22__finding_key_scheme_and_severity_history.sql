-- Issue 4, review of the finding keys:
-- 1. Nessus CSV and .nessus XML both report the tool "Nessus", but key findings differently (CSV: plugin + place;
--    XML: plugin, merged over places). Re-keying old (key_version 1) findings must stay within the same way of
--    keying, or an XML import could take over a CSV finding of the same host and port. key_scheme is the parser
--    format and its keying, e.g. 'nessus/merged' (XML) or 'nessus/place' (CSV); ImportRun writes it on new findings
--    and re-keys only findings of the same scheme. Existing rows: from the format; for the two formats with both
--    kinds (nessus, generic) from the first scan's file name (.csv); a .zip or unknown name stays NULL and is never
--    re-keyed.
ALTER TABLE finding ADD COLUMN key_scheme VARCHAR(60);
UPDATE finding SET key_scheme = format || '/merged'
    WHERE format IN ('acunetix', 'burp', 'nmap', 'nuclei', 'qualys_webapp', 'zap');
UPDATE finding SET key_scheme = format || '/place'
    WHERE format IN ('openvas', 'qualys', 'qualys_infrascan_webgui', 'sarif', 'trivy');
UPDATE finding SET key_scheme = CASE
        WHEN (SELECT LOWER(s.report_name) FROM scan s WHERE s.id = finding.first_scan_id) LIKE '%.csv'
            THEN CASE WHEN format = 'nessus' THEN 'nessus/place' ELSE 'generic/merged' END
        WHEN (SELECT LOWER(s.report_name) FROM scan s WHERE s.id = finding.first_scan_id) LIKE '%.zip' THEN NULL
        WHEN (SELECT s.report_name FROM scan s WHERE s.id = finding.first_scan_id) IS NULL THEN NULL
        ELSE CASE WHEN format = 'nessus' THEN 'nessus/merged' ELSE 'generic/place' END
    END
    WHERE format IN ('nessus', 'generic');

-- 2. A finding whose severity changes between scans stays the same finding (Nessus XML no longer keys by severity);
--    the history records the change next to the status changes.
ALTER TABLE finding_history ADD COLUMN from_severity VARCHAR(10);
ALTER TABLE finding_history ADD COLUMN to_severity VARCHAR(10);
