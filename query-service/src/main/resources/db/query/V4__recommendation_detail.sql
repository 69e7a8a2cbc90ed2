-- The full state of one recommendation, beyond its summary row.
CREATE TABLE recommendation_detail (
    recommendation_id         UUID PRIMARY KEY,
    text                      TEXT NOT NULL,
    source_kind               TEXT,
    source_document_reference TEXT,
    standards                 TEXT[] NOT NULL,
    implemented_on            DATE,
    implementation_evidence   TEXT,
    withdrawn_on              DATE,
    withdrawal_reason         TEXT,
    superseded_by             UUID
);

-- sequence_number (the event's) keeps recording order for ties and for display.
CREATE TABLE recommendation_response (
    response_id        UUID PRIMARY KEY,
    recommendation_id  UUID    NOT NULL,
    sequence_number    BIGINT  NOT NULL,
    authority_id       UUID    NOT NULL,
    received_on        DATE    NOT NULL,
    channel            TEXT    NOT NULL,
    position           TEXT    NOT NULL,
    text               TEXT    NOT NULL,
    document_reference TEXT
);
CREATE INDEX recommendation_response_rec ON recommendation_response (recommendation_id);
CREATE INDEX recommendation_response_authority ON recommendation_response (authority_id);

CREATE TABLE action_plan (
    action_plan_id    UUID PRIMARY KEY,
    recommendation_id UUID   NOT NULL,
    sequence_number   BIGINT NOT NULL,
    authority_id      UUID   NOT NULL,
    filed_on          DATE   NOT NULL
);
CREATE INDEX action_plan_rec ON action_plan (recommendation_id);

CREATE TABLE action_plan_measure (
    action_plan_id   UUID    NOT NULL,
    ordinal          INTEGER NOT NULL,
    description      TEXT    NOT NULL,
    responsible_unit TEXT,
    target_date      DATE    NOT NULL,
    PRIMARY KEY (action_plan_id, ordinal)
);

CREATE TABLE follow_up_visit (
    follow_up_id      UUID PRIMARY KEY,
    recommendation_id UUID   NOT NULL,
    sequence_number   BIGINT NOT NULL,
    visited_on        DATE   NOT NULL,
    place_id          UUID,
    findings          TEXT   NOT NULL,
    assessed_status   TEXT   NOT NULL
);
CREATE INDEX follow_up_visit_rec ON follow_up_visit (recommendation_id);

CREATE TABLE implementation_assessment (
    assessment_id     UUID PRIMARY KEY,
    recommendation_id UUID   NOT NULL,
    sequence_number   BIGINT NOT NULL,
    assessed_on       DATE   NOT NULL,
    status            TEXT   NOT NULL,
    basis             TEXT   NOT NULL,
    note              TEXT
);
CREATE INDEX implementation_assessment_rec ON implementation_assessment (recommendation_id);

CREATE TABLE reiteration (
    recommendation_id  UUID   NOT NULL,
    sequence_number    BIGINT NOT NULL,
    reiterated_on      DATE   NOT NULL,
    document_reference TEXT,
    PRIMARY KEY (recommendation_id, sequence_number)
);

CREATE TABLE reopening (
    recommendation_id UUID   NOT NULL,
    sequence_number   BIGINT NOT NULL,
    reopened_on       DATE   NOT NULL,
    reason            TEXT,
    PRIMARY KEY (recommendation_id, sequence_number)
);
