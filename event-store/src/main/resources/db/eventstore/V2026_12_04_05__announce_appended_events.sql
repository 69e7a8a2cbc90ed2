-- Readers learn of new events at once instead of polling for them: every INSERT statement on the
-- event table sends a notification on channel events_appended, which PostgreSQL delivers to every
-- listening session when (and only if) the inserting transaction commits. query-service listens and
-- wakes its read-model processor (docs/adr/0007-freshness-listen-notify.md); a reader that
-- does not listen still finds the events by its own polling.
--
-- Statement-level, once per INSERT rather than once per row, and without a payload: the listener
-- only needs to know that something arrived (it reads what from the table, in order), and
-- PostgreSQL folds identical notifications of one transaction into one, so a command that stores
-- several events, or an import's chunk, announces itself once.
CREATE FUNCTION events.announce_appended_events() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('events_appended', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_announced
    AFTER INSERT ON events.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION events.announce_appended_events();
