-- Every event of a recommendation, in order: the audit trail as people read it.
CREATE TABLE recommendation_history (
    recommendation_id UUID        NOT NULL,
    sequence_number   BIGINT      NOT NULL,
    event_type        TEXT        NOT NULL,
    business_date     DATE,
    recorded_at       TIMESTAMPTZ NOT NULL,
    recorded_by       TEXT,
    summary           TEXT        NOT NULL,
    PRIMARY KEY (recommendation_id, sequence_number)
);
