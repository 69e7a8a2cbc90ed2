-- The facts of each history line as fields (codes, dates, the texts the analyst typed), so that a
-- reader renders the line in its own language instead of the English summary. Lines written before
-- this column have none until a replay (followup.replay-on-start) writes them again.
ALTER TABLE recommendation_history ADD COLUMN details JSONB;
