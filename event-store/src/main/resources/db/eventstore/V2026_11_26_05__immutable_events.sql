-- History cannot silently change: a wrong fact is corrected by a compensating event, never by an
-- edit. Two lines of defence:
--  1. privileges: nobody but the table's owner may UPDATE, DELETE or TRUNCATE stored events, and the
--     owner gives those rights up too. When the services connect as their own role (placeholder
--     app_role, from FOLLOWUP_DB_APP_ROLE, while migrations run as the owner), that role gets
--     SELECT and INSERT only.
--  2. a trigger that refuses UPDATE, DELETE and TRUNCATE whoever asks, the owner included.

REVOKE UPDATE, DELETE, TRUNCATE ON events.domain_event_entry FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON events.domain_event_entry FROM CURRENT_USER;

DO $$
BEGIN
    IF '${app_role}' <> '' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA events TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON events.domain_event_entry TO %I', '${app_role}');
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON events.domain_event_entry FROM %I', '${app_role}');
        EXECUTE format('GRANT USAGE ON SEQUENCE events.domain_event_entry_globalindex_seq TO %I', '${app_role}');
        -- Axon replaces older snapshots, so the snapshot table needs DELETE; snapshots are a cache.
        EXECUTE format('GRANT SELECT, INSERT, DELETE ON events.snapshot_event_entry TO %I', '${app_role}');
    END IF;
END
$$;

CREATE FUNCTION events.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'stored events are immutable: % refused on %; record a compensating event instead',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_immutable
    BEFORE UPDATE OR DELETE ON events.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION events.refuse_change();

CREATE TRIGGER domain_event_entry_not_truncated
    BEFORE TRUNCATE ON events.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION events.refuse_change();
