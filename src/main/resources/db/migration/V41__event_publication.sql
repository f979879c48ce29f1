-- Spring Modulith's JDBC event publication registry (issue 8, docs/adr/0010): an event handed to an
-- @ApplicationModuleListener is stored here in the publishing transaction and marked complete when the listener
-- succeeds, so it survives a crash between commit and listener. Modulith's own schema initialisation is off
-- (spring.modulith.events.jdbc.schema-initialization.enabled=false); this is its v2 schema in SQL that H2
-- (PostgreSQL mode) and PostgreSQL both accept.
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR(10000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id);
