-- The q filter at 100,000 summaries: a trigram index narrows the candidates, strpos stays the
-- rule (docs/query-api.md, "q"). pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension: the database owner may create it; it lands in schema query, the migration's schema.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The search text once per recommendation, apart from the summary: a summary row is rewritten by
-- every event (ten times per recommendation in a replay), and an index on it takes every rewrite;
-- the search text is written once, at issue. Kept by triggers, so the projectors do not change;
-- emptied with the other read tables on a replay (ReadTables: every table of schema query).
CREATE TABLE recommendation_search (
    recommendation_id UUID PRIMARY KEY,
    search_text       TEXT NOT NULL
);
CREATE INDEX recommendation_search_trigrams ON recommendation_search USING GIN (search_text gin_trgm_ops);

-- Inserts: one statement-level trigger over the inserted rows (a batched insert of a replay pays
-- one statement, not one per row). Updates and deletes are rare (the search text is set at issue):
-- row-level, and an update calls the function only when the search text changed.
CREATE FUNCTION recommendation_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO recommendation_search (recommendation_id, search_text)
    SELECT recommendation_id, search_text FROM inserted_rows
    ON CONFLICT (recommendation_id) DO UPDATE SET search_text = EXCLUDED.search_text;
    RETURN NULL;
END
$$;
CREATE FUNCTION recommendation_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM recommendation_search WHERE recommendation_id = OLD.recommendation_id;
    ELSE
        INSERT INTO recommendation_search (recommendation_id, search_text)
        VALUES (NEW.recommendation_id, NEW.search_text)
        ON CONFLICT (recommendation_id) DO UPDATE SET search_text = EXCLUDED.search_text;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER recommendation_search_insert AFTER INSERT ON recommendation_summary
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recommendation_search_inserted();
CREATE TRIGGER recommendation_search_update AFTER UPDATE OF search_text ON recommendation_summary
    FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text)
    EXECUTE FUNCTION recommendation_search_changed();
CREATE TRIGGER recommendation_search_delete AFTER DELETE ON recommendation_summary
    FOR EACH ROW EXECUTE FUNCTION recommendation_search_changed();

INSERT INTO recommendation_search (recommendation_id, search_text)
SELECT recommendation_id, search_text FROM recommendation_summary;
