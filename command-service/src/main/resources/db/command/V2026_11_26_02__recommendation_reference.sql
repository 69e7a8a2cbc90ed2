-- Set-based uniqueness of recommendation references, claimed in the same transaction as the
-- RecommendationIssued event. The key is the reference after NFKC, trimming and lower-casing
-- (ReferenceKey); the event keeps it exactly as typed.
CREATE TABLE recommendation_reference (
    reference         VARCHAR(256) NOT NULL PRIMARY KEY,
    recommendation_id UUID        NOT NULL UNIQUE
);
