-- Documents kept with recommendations (SPEC §7.1): their bytes, once per SHA-256, and the words
-- extracted from them. The events say which document is whose (DocumentAttached); this schema only
-- holds content. Like the event table it is insert-only, with one deliberate exception: a purge
-- erases a content's bytes and words (personal data, a court order) and records who did it and why;
-- docs/adr/0006-document-purge.md says why it is shaped so.
CREATE SCHEMA IF NOT EXISTS documents;

CREATE TABLE documents.content (
    sha256       CHAR(64)    NOT NULL PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size         BIGINT      NOT NULL CHECK (size > 0),
    media_type   TEXT        NOT NULL,
    -- Null only once purged. Stored uncompressed out of line (EXTERNAL), so that reading a slice
    -- with substring() fetches only that slice: downloads stream in chunks.
    bytes        BYTEA       CHECK (bytes IS NULL OR octet_length(bytes) = size),
    -- The words, for search; null when none could be extracted (a scanned image) or once purged.
    text         TEXT,
    stored_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    purged_at    TIMESTAMPTZ,
    purged_by    TEXT,
    purge_reason TEXT,
    CHECK ((purged_at IS NULL) = (bytes IS NOT NULL))
);
ALTER TABLE documents.content ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- Which recommendation a document id belongs to, claimed in the same transaction as its
-- DocumentAttached event: a document id is never reused by another recommendation, and a purge
-- (which names only the document) finds its recommendation here.
CREATE TABLE documents.attachment (
    document_id       UUID     NOT NULL PRIMARY KEY,
    recommendation_id UUID     NOT NULL,
    sha256            CHAR(64) NOT NULL REFERENCES documents.content (sha256)
);

-- Nobody may DELETE or TRUNCATE, the owner included, nor UPDATE an attachment. The services' role
-- gets SELECT and INSERT only (below): it erases through documents.purge alone. The owner keeps
-- UPDATE on content for that function, and the trigger lets exactly one kind of UPDATE through,
-- whoever asks: an erasure.
REVOKE UPDATE, DELETE, TRUNCATE ON documents.content, documents.attachment FROM PUBLIC;
REVOKE DELETE, TRUNCATE ON documents.content FROM CURRENT_USER;
REVOKE UPDATE, DELETE, TRUNCATE ON documents.attachment FROM CURRENT_USER;

CREATE FUNCTION documents.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'stored documents are immutable: % refused on %; only a purge erases content',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Content: every UPDATE is refused but an erasure of bytes and words that says when, who and why.
CREATE FUNCTION documents.refuse_all_but_erasure() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.bytes IS NOT NULL AND NEW.bytes IS NULL AND NEW.text IS NULL
                AND NEW.sha256 = OLD.sha256 AND NEW.size = OLD.size AND NEW.media_type = OLD.media_type
                AND NEW.stored_at = OLD.stored_at
                AND NEW.purged_at IS NOT NULL AND NEW.purged_by IS NOT NULL AND NEW.purge_reason IS NOT NULL THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'stored documents are immutable: % refused on %; only a purge erases content',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER content_immutable
    BEFORE UPDATE OR DELETE ON documents.content
    FOR EACH ROW EXECUTE FUNCTION documents.refuse_all_but_erasure();
CREATE TRIGGER content_not_truncated
    BEFORE TRUNCATE ON documents.content
    FOR EACH STATEMENT EXECUTE FUNCTION documents.refuse_change();
CREATE TRIGGER attachment_immutable
    BEFORE UPDATE OR DELETE ON documents.attachment
    FOR EACH ROW EXECUTE FUNCTION documents.refuse_change();
CREATE TRIGGER attachment_not_truncated
    BEFORE TRUNCATE ON documents.attachment
    FOR EACH STATEMENT EXECUTE FUNCTION documents.refuse_change();

-- The one way to erase: runs with its owner's rights (the services' role has no UPDATE), erases
-- bytes and words of one content and nothing else, records who and why. Answers whether it erased
-- (false: already purged, or no such content).
CREATE FUNCTION documents.purge(p_sha256 TEXT, p_purged_by TEXT, p_reason TEXT) RETURNS BOOLEAN
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    erased INTEGER;
BEGIN
    IF p_purged_by IS NULL OR p_reason IS NULL OR btrim(p_reason) = '' THEN
        RAISE EXCEPTION 'a purge names who and why' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE documents.content
       SET bytes = NULL, text = NULL, purged_at = clock_timestamp(), purged_by = p_purged_by, purge_reason = p_reason
     WHERE sha256 = p_sha256 AND bytes IS NOT NULL;
    GET DIAGNOSTICS erased = ROW_COUNT;
    RETURN erased > 0;
END
$$;
REVOKE EXECUTE ON FUNCTION documents.purge(TEXT, TEXT, TEXT) FROM PUBLIC;

DO $$
BEGIN
    IF '${app_role}' <> '' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA documents TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON documents.content, documents.attachment TO %I', '${app_role}');
        EXECUTE format('GRANT EXECUTE ON FUNCTION documents.purge(TEXT, TEXT, TEXT) TO %I', '${app_role}');
    END IF;
END
$$;
