-- An event is stamped when it is recorded, and the database holds every writer to that: an INSERT
-- whose timeStamp lies more than 10 seconds before or after the database's clock is refused. Without
-- this, whoever may append (the services' role) could back-date an event into an annual report
-- already pinned by its knownAt, or date one into the future, and the hash chain would faithfully
-- seal the lie.
--
-- Refused rather than assigned: the services keep the timestamp Axon gave the message (their own
-- handlers see it before it is stored), so assigning one here would make the stored event differ
-- from the one the service acted on. Refusing keeps the two equal and names the writer's error.
--
-- Measured against clock_timestamp() (the clock at this very row), never now() (the start of the
-- transaction): an import's validation holds one transaction for a whole file (15 s or more for
-- 10,000 rows) and storing commits chunks of commands, but every command is its own unit of work
-- whose events are stamped while it runs and inserted when it ends, milliseconds later, whatever
-- the transaction's age. 10 seconds absorb a stalled JVM (a long GC pause between stamping and
-- inserting) and ordinary clock drift between the services' hosts and the database's; a host whose
-- clock is further off has its events refused, which is the point. The tolerance is fixed here, not
-- a setting: any session could change a setting, and then the check would hold nobody.
--
-- Superusers are exempt: a superuser can switch every trigger off for its session anyway, so the
-- check could not hold one; what shows a superuser's change is the store digest kept outside the
-- database (README, "Data safety"). The exemption is what lets tests and the benchmark write
-- histories with chosen timestamps. The services never need it and must not connect as superuser
-- (docker-compose.yml runs them as an application role).
CREATE FUNCTION events.refuse_misdated_event() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    recorded_at TIMESTAMPTZ;
    clock       TIMESTAMPTZ := clock_timestamp();
BEGIN
    IF current_setting('is_superuser') = 'on' THEN
        RETURN NEW;
    END IF;
    BEGIN
        recorded_at := NEW.timeStamp::TIMESTAMPTZ;
    EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'event % is stamped "%", which is no timestamp', NEW.eventIdentifier, NEW.timeStamp
            USING ERRCODE = 'check_violation';
    END;
    IF recorded_at NOT BETWEEN clock - interval '10 seconds' AND clock + interval '10 seconds' THEN
        RAISE EXCEPTION 'event % is stamped %, more than 10 s from the database clock (%): an event is stamped when it is recorded',
            NEW.eventIdentifier, NEW.timeStamp, clock
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_recorded_now
    BEFORE INSERT ON events.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION events.refuse_misdated_event();
