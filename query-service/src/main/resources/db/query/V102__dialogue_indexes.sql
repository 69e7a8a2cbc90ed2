-- The authority dialogue lists the measures of the action plans an authority filed: without this
-- index every request read every action plan (100,000 at the benchmark's size).
CREATE INDEX action_plan_authority ON action_plan (authority_id);
