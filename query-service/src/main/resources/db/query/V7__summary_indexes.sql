-- Measured on 100,000 summaries (ListSpeedBench): the GIN index on addressees made the authority
-- filter slower, not faster. The planner cannot see how many ids the supervised-bodies subquery
-- yields, so it chose the index even when the authority supervises nearly every addressee (a
-- ministry): a bitmap of every row, then a recheck of every row. A plain scan with && is cheaper.
DROP INDEX recommendation_summary_addressees;

-- The default order (issued_on DESC NULLS LAST, reference, recommendation_id) served by one index,
-- so a first page is a short index scan instead of a sort of every row.
DROP INDEX recommendation_summary_issued;
CREATE INDEX recommendation_summary_issued
    ON recommendation_summary (issued_on DESC NULLS LAST, reference, recommendation_id);
