-- An import's validation no longer appends anything: it runs each row's commands against aggregate
-- states rebuilt in memory (command-service, importing/InMemoryAggregates), and its transaction
-- that was always rolled back is gone. The events it numbered below zero (V2026_11_26_06) have no
-- writer left, so every event draws on the global index's sequence again, as BIGSERIAL made it,
-- and the net that kept such rows from committing goes with them.
ALTER TABLE events.domain_event_entry
    ALTER COLUMN globalIndex SET DEFAULT nextval('events.domain_event_entry_globalindex_seq');

DROP TRIGGER domain_event_entry_validation_not_committed ON events.domain_event_entry;
DROP FUNCTION events.refuse_validation_commit();
DROP FUNCTION events.next_global_index();
