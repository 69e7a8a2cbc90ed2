-- A recommendation that is not closed is OPEN, as SPEC §3 and the aggregate say, no longer NONE.
UPDATE recommendation_summary SET status_closure = 'OPEN' WHERE status_closure = 'NONE';
