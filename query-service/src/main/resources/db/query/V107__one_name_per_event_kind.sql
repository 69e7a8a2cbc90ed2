-- The annual report names events as the history does (FOLLOW_UP_VISIT_RECORDED,
-- IMPLEMENTATION_ASSESSED), so a reader meets one name per kind of event in every answer.
UPDATE report_fact SET kind = 'FOLLOW_UP_VISIT_RECORDED' WHERE kind = 'FOLLOW_UP_VISIT';
UPDATE report_fact SET kind = 'IMPLEMENTATION_ASSESSED' WHERE kind = 'ASSESSED';
