-- How many CSAF tests an advisory failed without being refused (ADR 0062): at most 200 are kept in
-- advisory_csaf_check, this counts them all so the page and the API say "200 of N" instead of cutting silently.
ALTER TABLE advisory ADD COLUMN csaf_checks_total INTEGER;
