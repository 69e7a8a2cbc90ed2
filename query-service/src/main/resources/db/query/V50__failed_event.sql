-- Events the read-model processor could not apply (see docs/query-side.md, "Poison events").
-- outcome FAILED: a projector (or the payload's deserialization) threw on this event.
-- outcome PARKED: an earlier event of the same aggregate FAILED, so this one was not applied
-- either: the aggregate's read models stay at the last consistent state instead of receiving
-- events out of context. A replay truncates this table like every read table and tries again.
CREATE TABLE failed_event (
    global_index    BIGINT       PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    aggregate_id    VARCHAR(255),
    sequence_number BIGINT,
    payload_type    VARCHAR(255),
    outcome         VARCHAR(16)  NOT NULL CHECK (outcome IN ('FAILED', 'PARKED')),
    error_class     VARCHAR(255),
    error_message   TEXT,
    node            VARCHAR(255),
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX failed_event_aggregate ON failed_event (aggregate_id);
