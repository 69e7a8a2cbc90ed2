-- V7 dropped this index because the planner chose it even for a ministry that covers every row: it
-- could not see how many ids the supervised-bodies subquery yields. The list now reads those ids
-- first and inlines them (RecommendationQueries.uuidArray), so the planner estimates from the
-- column's element statistics: the index for an administration (a few per cent of the rows; at
-- 100,000 summaries its open ones are counted in 6-14 ms instead of 80-170 ms by scanning the
-- covering index), a scan for a ministry that covers most of them.
-- Cost: two entries per summary rewrite (about 15 µs per update measured at load 10-12).
CREATE INDEX recommendation_summary_addressees ON recommendation_summary USING GIN (addressee_authority_ids);
