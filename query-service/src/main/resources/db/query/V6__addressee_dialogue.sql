-- One row per (recommendation, addressee): whether and how that authority has answered.
-- The authority dialogue reads it with the summary; the rest is computed at query time.
CREATE TABLE addressee_dialogue (
    recommendation_id         UUID NOT NULL,
    authority_id              UUID NOT NULL,
    first_response_on         DATE,
    latest_response_id        UUID,
    latest_response_on        DATE,
    PRIMARY KEY (recommendation_id, authority_id)
);
CREATE INDEX addressee_dialogue_authority ON addressee_dialogue (authority_id);
