-- Issue 15 (scale helper): Qualys VM CSV findings keyed per QID and host before issue 9 point 22.
-- Until then a Qualys CSV row (one QID on one host) was one finding keyed by tool + QID + the host's place, with the
-- key scheme 'qualys/place' (V22), the same as Qualys XML findings. The CSV parser now gives one finding per QID with a
-- location per host ('qualys/merged'), so an import never matched the old per-host findings again: they stayed open
-- beside the new merged ones, and no full scan closed them (another scheme). They get a scheme of their own,
-- 'qualys/csv-place', told from Qualys XML's by their first scan's file name (as V22 did): the next CSV import of the
-- system moves one of them to the merged key and closes the others as merged into it (FindingMatcher). Findings
-- first seen in a .zip or a report without a name stay 'qualys/place' and are left alone, as in V22.
UPDATE finding SET key_scheme = 'qualys/csv-place'
    WHERE key_scheme = 'qualys/place'
      AND (SELECT LOWER(s.report_name) FROM scan s WHERE s.id = finding.first_scan_id) LIKE '%.csv';
