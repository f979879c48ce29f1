-- Dashboard trend snapshots (issue 14, docs/adr/0025). Each organisation's OWN target figures for a finished quarter
-- (not its subtree: the dashboard adds them up through the tree as it does live figures), so a national dashboard
-- reads three finished quarters in one query instead of recomputing every source's grouped counts for each.
-- Refreshed by the reports job (db-scheduler) and, for one organisation, when it submits a report. Only non-zero
-- values are stored; a period is usable once figure_snapshot_period has its row (then a missing value is 0).
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE figure_snapshot (
    period           VARCHAR(10) NOT NULL,
    organization_id  BIGINT      NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    figure           VARCHAR(80) NOT NULL,
    figure_value     BIGINT      NOT NULL,
    CONSTRAINT pk_figure_snapshot PRIMARY KEY (period, organization_id, figure)
);
CREATE INDEX ix_figure_snapshot_org ON figure_snapshot (organization_id);

CREATE TABLE figure_snapshot_period (
    period         VARCHAR(10) NOT NULL PRIMARY KEY,
    period_from    DATE        NOT NULL,
    period_to      DATE        NOT NULL,
    organizations  INTEGER     NOT NULL,
    computed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
