-- Set-based uniqueness of recommendation references, claimed in the same transaction as the
-- RecommendationIssued event. The key is the reference as typed, after NFKC and trimming.
CREATE TABLE recommendation_reference (
    reference         VARCHAR(64) NOT NULL PRIMARY KEY,
    recommendation_id UUID        NOT NULL UNIQUE
);
