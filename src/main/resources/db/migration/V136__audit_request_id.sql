-- Issue 15: the request id (X-Request-Id or generated, see RequestLog) of the request that wrote an audit record,
-- so an operator goes from a person's problem+json answer or a log line to the audit record and back. Outside the
-- hash chain (ChainHash): like the checkpoints, it is an operational cross-reference, not evidence.
ALTER TABLE audit_event ADD COLUMN request_id VARCHAR(64);
CREATE INDEX ix_audit_event_request ON audit_event (request_id);
