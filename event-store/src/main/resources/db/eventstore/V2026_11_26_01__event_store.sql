-- Axon's JDBC event store, PostgreSQL layout (bytea payloads, BIGSERIAL global index).
-- Column names are Axon's defaults, unquoted, so PostgreSQL folds them to lower case.
CREATE TABLE domain_event_entry (
    globalIndex         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    -- Two writers appending to one aggregate at once: one of them fails here, never both succeed.
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE snapshot_event_entry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber)
);
