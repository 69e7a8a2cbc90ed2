-- Authorities (with their supervising body) and places of detention, from their registration events.
CREATE TABLE authority (
    authority_id        UUID PRIMARY KEY,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL,
    parent_authority_id UUID
);
CREATE INDEX authority_parent ON authority (parent_authority_id);

CREATE TABLE place (
    place_id     UUID PRIMARY KEY,
    name         TEXT NOT NULL,
    type         TEXT NOT NULL,
    region       TEXT,
    authority_id UUID
);
