-- Sign-in throttling (ADR 0017): one row per throttled key, shared by every node through the database.
-- A key is the source address, the typed account name, or the pair of both; stored as kind + SHA-256 so that
-- what an attacker types is never used as a key verbatim.
CREATE TABLE login_throttle (
    throttle_key     VARCHAR(80)  PRIMARY KEY,
    kind             VARCHAR(10)  NOT NULL,
    label            VARCHAR(150) NOT NULL,
    organization_id  BIGINT,
    failures         INTEGER      NOT NULL,
    refused          INTEGER      NOT NULL DEFAULT 0,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_throttle_blocked ON login_throttle (blocked_until);
CREATE INDEX login_throttle_last ON login_throttle (last_failure_at);
