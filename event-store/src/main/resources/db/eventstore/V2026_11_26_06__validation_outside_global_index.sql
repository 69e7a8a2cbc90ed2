-- An import's validation (ImportRun) sends its commands into a transaction that is always rolled
-- back. Numbers drawn from a sequence are never given back, so every event it appended left a hole
-- in the global index, and a tracking processor carries each hole in its token until the hole times
-- out. A 10,000-row dry run put 10,000 holes into each of the thousands of tokens query-service had
-- buffered, and its event reader died of OutOfMemoryError.
--
-- A transaction that declares itself validation only (SET LOCAL followup.validation_only = 'on')
-- numbers its events below zero, from a counter that lives and dies with the transaction. Such rows
-- are never committed (ImportRun rolls back, and the trigger below refuses the commit otherwise), so
-- no reader ever sees them, and the sequence has no holes from them.
CREATE FUNCTION events.next_global_index() RETURNS BIGINT
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    below_zero BIGINT;
BEGIN
    IF current_setting('followup.validation_only', true) = 'on' THEN
        below_zero := coalesce(nullif(current_setting('followup.validation_index', true), '')::BIGINT, 0) - 1;
        PERFORM set_config('followup.validation_index', below_zero::TEXT, true);
        RETURN below_zero;
    END IF;
    RETURN nextval('events.domain_event_entry_globalindex_seq');
END
$$;

ALTER TABLE events.domain_event_entry ALTER COLUMN globalIndex SET DEFAULT events.next_global_index();

-- The safety net: a transaction holding validation rows cannot commit.
CREATE FUNCTION events.refuse_validation_commit() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'event % was appended by a validation-only transaction, which must be rolled back', NEW.eventIdentifier
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE CONSTRAINT TRIGGER domain_event_entry_validation_not_committed
    AFTER INSERT ON events.domain_event_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.globalIndex < 0)
    EXECUTE FUNCTION events.refuse_validation_commit();
