-- The query-service instances that are alive (each writes its row every token-claim interval), so
-- that they can share the read-model segments fairly (processing/SegmentShare). Not a read table:
-- a replay keeps it. exclusive_until: an instance about to reset the tokens (a replay) asks the
-- others to let go of every segment until then.
CREATE TABLE processor_node (
    node            VARCHAR(255) PRIMARY KEY,
    seen_at         TIMESTAMPTZ  NOT NULL,
    exclusive_until TIMESTAMPTZ
);
