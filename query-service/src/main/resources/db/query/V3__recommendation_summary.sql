-- One row per recommendation: what lists, filters, the dashboard and the dialogue read.
-- stage .. authority_position are derived by org.opcat.followup.query.status and stored;
-- the status_* columns are the facts those rules fold over, so the projector can resume the fold.
-- responseOverdue depends on "today" and is computed at query time, never stored.
CREATE TABLE recommendation_summary (
    recommendation_id       UUID PRIMARY KEY,
    reference               TEXT        NOT NULL,
    title                   TEXT        NOT NULL,
    language                TEXT,
    issued_on               DATE        NOT NULL,
    place_id                UUID,
    addressee_authority_ids UUID[]      NOT NULL,
    themes                  TEXT[]      NOT NULL,
    scope                   TEXT        NOT NULL,
    priority                TEXT        NOT NULL,
    confidential            BOOLEAN     NOT NULL,
    response_due_on         DATE,
    stage                   TEXT        NOT NULL,
    open                    BOOLEAN     NOT NULL,
    implementation_status   TEXT        NOT NULL,
    authority_position      TEXT        NOT NULL,
    last_activity_on        DATE        NOT NULL,
    first_response_on       DATE,
    version                 BIGINT      NOT NULL,
    -- reference, title and text, NFKC-normalized and lower-cased in Java, for the q filter:
    -- substring search, because Chinese has no word boundaries.
    search_text             TEXT        NOT NULL,
    status_closure          TEXT        NOT NULL,
    status_responded        BOOLEAN     NOT NULL,
    status_action_plan      BOOLEAN     NOT NULL,
    status_response_on      DATE,
    status_position         TEXT,
    status_assessment_on    DATE,
    status_assessed         TEXT
);
CREATE INDEX recommendation_summary_issued ON recommendation_summary (issued_on DESC, reference);
CREATE INDEX recommendation_summary_stage ON recommendation_summary (stage);
CREATE INDEX recommendation_summary_addressees ON recommendation_summary USING GIN (addressee_authority_ids);
CREATE INDEX recommendation_summary_themes ON recommendation_summary USING GIN (themes);
CREATE INDEX recommendation_summary_place ON recommendation_summary (place_id);
