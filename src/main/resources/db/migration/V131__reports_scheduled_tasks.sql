-- The reports module's own db-scheduler table (docs/adr/0019, 0025): the trend-snapshot refresh runs cluster-safe on
-- db-scheduler like the obligations' jobs, in a table of its own so that neither scheduler meets the other's tasks.
CREATE TABLE reports_scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    CONSTRAINT pk_reports_scheduled_tasks PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_reports_scheduled_tasks_time ON reports_scheduled_tasks (execution_time);
CREATE INDEX ix_reports_scheduled_tasks_heartbeat ON reports_scheduled_tasks (last_heartbeat);
CREATE INDEX ix_reports_scheduled_tasks_priority ON reports_scheduled_tasks (priority, execution_time);
