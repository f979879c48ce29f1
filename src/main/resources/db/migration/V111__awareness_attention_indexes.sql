-- Awareness on the home page (issue 13): a person's messages not yet acknowledged, and each organisation's share
-- acknowledged of the latest campaign that reached it.
CREATE INDEX ix_awareness_delivery_person ON awareness_delivery (person_id, acknowledged_at);
CREATE INDEX ix_awareness_delivery_org ON awareness_delivery (organization_id, campaign_id);
