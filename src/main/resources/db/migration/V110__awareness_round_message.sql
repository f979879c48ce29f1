-- A campaign may be edited (issue 13): once a round went out only the message of the later rounds and the schedule
-- change, so each round keeps the message it was sent with (what its mail and personal links show). A row per round
-- (kept apart from awareness_round, which a later version of this range's neighbour creates); a round without a row
-- was sent with the campaign's message, and an edit of the message first records it for the rounds sent without one.
CREATE TABLE awareness_round_message (
    campaign_id      BIGINT NOT NULL REFERENCES awareness_campaign (id) ON DELETE CASCADE,
    round_no         INTEGER NOT NULL,
    message          TEXT NOT NULL,
    CONSTRAINT pk_awareness_round_message PRIMARY KEY (campaign_id, round_no)
);
