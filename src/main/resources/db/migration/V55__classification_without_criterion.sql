-- Issue 9 point 20: when no criterion of the regime is met (a gap in the decree, e.g. nationwide infrastructure
-- without 24/7 operation, or industrial control of ungraded works), the officer proposes a level with a written
-- justification instead of an error; the classification keeps that fact so the appraiser sees it.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE system_classification ADD COLUMN no_criterion BOOLEAN DEFAULT FALSE NOT NULL;
