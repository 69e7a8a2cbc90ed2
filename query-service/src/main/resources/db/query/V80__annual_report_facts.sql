-- The annual report's dated read model: what was recorded when (recorded_at, the event timestamp)
-- and what it says happened when (business_date). A report filters both axes with plain
-- comparisons (recorded_at <= knownAt, business_date <= asOf) and folds the rest in Java with the
-- derived-state rules of package status/.

-- One row per issued recommendation: the facts of the issued event the report shows.
CREATE TABLE report_recommendation (
    recommendation_id UUID PRIMARY KEY,
    reference         TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    text              TEXT        NOT NULL,
    issued_on         DATE        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    priority          TEXT        NOT NULL,
    confidential      BOOLEAN     NOT NULL,
    addressee_ids     UUID[]      NOT NULL
);

-- One row per later event of a recommendation, in recording order (sequence_number).
CREATE TABLE report_fact (
    recommendation_id  UUID        NOT NULL,
    sequence_number    BIGINT      NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    business_date      DATE        NOT NULL,
    kind               TEXT        NOT NULL,
    authority_id       UUID,
    position           TEXT,
    channel            TEXT,
    status             TEXT,
    reason             TEXT,
    text               TEXT,
    document_reference TEXT,
    PRIMARY KEY (recommendation_id, sequence_number)
);
