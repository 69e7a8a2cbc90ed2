-- The services' own role (placeholder app_role, from FOLLOWUP_DB_APP_ROLE, while migrations run as
-- the owner) claims references: it reads and adds them, and never changes or removes one.
DO $$
BEGIN
    IF '${app_role}' <> '' THEN
        EXECUTE format('GRANT SELECT, INSERT ON events.recommendation_reference TO %I', '${app_role}');
    END IF;
END
$$;
