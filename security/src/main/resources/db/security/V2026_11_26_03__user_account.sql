-- The people who may use the service. Shared by both services: command-service migrates it,
-- query-service reads it and records failed sign-ins.
CREATE SCHEMA IF NOT EXISTS security;

CREATE TABLE security.user_account (
    username        VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,          -- bcrypt, with its {bcrypt} prefix
    roles           VARCHAR(100) NOT NULL,          -- comma-separated: ANALYST,MANAGER,REPORTER,ADMIN
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_sign_ins INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    changed_at      TIMESTAMPTZ  NOT NULL,
    changed_by      VARCHAR(100) NOT NULL
);
