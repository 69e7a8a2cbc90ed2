-- The annual report's figures are one pass over every recommendation and its events in
-- recommendation order (AnnualReports, ReportFacts.scan). These covering indexes let PostgreSQL
-- answer both reads by index-only scans, in that order, without visiting the table rows (which
-- carry the texts) or sorting: 0.8 s instead of 3.1 s for 900,000 events. Texts are read later, by
-- primary key, only for the recommendations a report lists.
CREATE INDEX report_fact_timeline ON report_fact (recommendation_id, sequence_number)
    INCLUDE (recorded_at, business_date, kind, authority_id, position, channel, status, reason);
CREATE INDEX report_recommendation_scan ON report_recommendation (recommendation_id)
    INCLUDE (recorded_at, issued_on, reference, priority, confidential, addressee_ids);
