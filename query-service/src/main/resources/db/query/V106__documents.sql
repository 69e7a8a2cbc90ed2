-- Documents of each recommendation (SPEC §7.1), from DocumentAttached and DocumentPurged. The words
-- are copied from the content store when the document is attached (documents.content.text), so that
-- the list's search reads one schema; a purge removes them here as there.
CREATE TABLE document (
    document_id       UUID        NOT NULL PRIMARY KEY,
    recommendation_id UUID        NOT NULL,
    -- The recommendation's version its DocumentAttached made: the order they were attached in.
    version           BIGINT      NOT NULL,
    -- The response, action plan, follow-up visit or assessment it belongs to; null: the recommendation.
    attached_to       UUID,
    title             TEXT        NOT NULL,
    file_name         TEXT        NOT NULL,
    media_type        TEXT        NOT NULL,
    size              BIGINT      NOT NULL,
    sha256            CHAR(64)    NOT NULL,
    confidential      BOOLEAN     NOT NULL,
    attached_at       TIMESTAMPTZ NOT NULL,
    attached_by       TEXT,
    text              TEXT,
    -- Title and words as the q filter reads them (SearchText: NFKC, lower-case); null once purged.
    search_text       TEXT,
    text_extracted    BOOLEAN     NOT NULL,
    purged_at         TIMESTAMPTZ,
    purged_by         TEXT,
    purge_reason      TEXT
);
CREATE INDEX document_by_recommendation ON document (recommendation_id, version);
-- The q filter finds a recommendation by a word of one of its documents: candidates from trigrams,
-- strpos the rule, as for recommendation_search (V101).
CREATE INDEX document_search_trigrams ON document USING GIN (search_text gin_trgm_ops);
