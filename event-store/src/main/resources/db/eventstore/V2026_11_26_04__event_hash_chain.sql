-- Tamper evidence: every event carries a SHA-256 hash chained to the previous event of the same
-- aggregate. The database computes it on insert, so no writer can skip or forge it; EventChain
-- recomputes the whole chain and names the first broken link.
--
-- Per aggregate, not global: appends to different recommendations never wait for one another, and
-- each recommendation's history is verifiable on its own. What a per-aggregate chain cannot show
-- on its own (the removal of an aggregate's latest event, or a rewrite of a whole tail together
-- with its hashes) is refused at the source by the next migration (grants and trigger) and by keeping an external
-- copy of the verification result (see README, "Data safety").

CREATE FUNCTION events.event_hash(previous BYTEA, aggregate_id TEXT, sequence_number BIGINT, aggregate_type TEXT,
                                  event_id TEXT, payload_type TEXT, payload_revision TEXT, recorded_at TEXT,
                                  meta_data BYTEA, payload BYTEA)
    RETURNS BYTEA
    LANGUAGE sql IMMUTABLE
AS $$
SELECT sha256(coalesce(previous, '\x'::bytea)
           || sha256(convert_to(concat_ws(chr(31), aggregate_id, sequence_number::text, coalesce(aggregate_type, ''),
                                          event_id, payload_type, coalesce(payload_revision, ''), recorded_at), 'UTF8'))
           || sha256(coalesce(meta_data, '\x'::bytea))
           || sha256(payload))
$$;

ALTER TABLE events.domain_event_entry ADD COLUMN hash BYTEA;

CREATE FUNCTION events.chain_event() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.hash := events.event_hash(
            (SELECT e.hash FROM events.domain_event_entry e
              WHERE e.aggregateIdentifier = NEW.aggregateIdentifier AND e.sequenceNumber = NEW.sequenceNumber - 1),
            NEW.aggregateIdentifier, NEW.sequenceNumber, NEW.type, NEW.eventIdentifier, NEW.payloadType,
            NEW.payloadRevision, NEW.timeStamp, NEW.metaData, NEW.payload);
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    BEFORE INSERT ON events.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION events.chain_event();

-- Events stored before this migration join the chain in their order.
DO $$
DECLARE
    e RECORD;
BEGIN
    FOR e IN SELECT globalIndex FROM events.domain_event_entry ORDER BY aggregateIdentifier, sequenceNumber LOOP
        UPDATE events.domain_event_entry d
           SET hash = events.event_hash(
                   (SELECT p.hash FROM events.domain_event_entry p
                     WHERE p.aggregateIdentifier = d.aggregateIdentifier AND p.sequenceNumber = d.sequenceNumber - 1),
                   d.aggregateIdentifier, d.sequenceNumber, d.type, d.eventIdentifier, d.payloadType,
                   d.payloadRevision, d.timeStamp, d.metaData, d.payload)
         WHERE d.globalIndex = e.globalIndex;
    END LOOP;
END
$$;

ALTER TABLE events.domain_event_entry ALTER COLUMN hash SET NOT NULL;
