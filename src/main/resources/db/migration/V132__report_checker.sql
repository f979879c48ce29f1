-- Who checked a periodic report (issue 14): the checker and the signer must be different people.
ALTER TABLE periodic_report ADD COLUMN checked_by BIGINT;
ALTER TABLE periodic_report ADD COLUMN checked_by_name VARCHAR(100);
