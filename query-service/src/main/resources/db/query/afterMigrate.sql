-- Runs after every migration run, so read tables added by any later migration are covered too.
-- When migrations run as the owner (spring.flyway.user) and the service connects as a role of its
-- own (placeholder app_role, from FOLLOWUP_DB_APP_ROLE), that role may do to the read models and
-- tracking tokens what the service does: read, write, and empty them for a replay. Nothing more:
-- it creates and alters nothing, and on schema events it may only read (command-service's grants).
DO $$
BEGIN
    IF '${app_role}' <> '' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA query TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA query TO %I', '${app_role}');
        EXECUTE format('REVOKE ALL ON query.flyway_schema_history FROM %I', '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA query TO %I', '${app_role}');
    END IF;
END
$$;
