-- Lists, counts and the dashboard at 100,000 summaries (docs/query-api.md, "Speed").

-- The default order with every filter column beside it: the page walks it in order, and the exact
-- count (totalElements) and the dashboard read it as an index-only scan instead of the whole table
-- (a summary row carries title and search text; this index entry only what filters look at).
-- Replaces recommendation_summary_issued (same key).
DROP INDEX recommendation_summary_issued;
CREATE INDEX recommendation_summary_issued
    ON recommendation_summary (issued_on DESC NULLS LAST, reference, recommendation_id)
    INCLUDE (open, stage, priority, implementation_status, response_due_on, place_id, themes,
             addressee_authority_ids);

-- sort=lastActivityOn (most recent activity first: what moved lately) without sorting every row.
CREATE INDEX recommendation_summary_last_activity
    ON recommendation_summary (last_activity_on DESC NULLS LAST, reference, recommendation_id);
