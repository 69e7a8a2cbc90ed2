-- The services' own role (placeholder app_role, from FOLLOWUP_DB_APP_ROLE, while migrations run as
-- the owner) manages the user register (administrators add users and change roles, passwords and
-- whether one is enabled; sign-ins count failures) but never removes a user: a name stays, as it is
-- recorded in the events that user recorded.
DO $$
BEGIN
    IF '${app_role}' <> '' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA security TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON security.user_account TO %I', '${app_role}');
    END IF;
END
$$;
