#!/bin/sh
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): the two roles
# the product uses, neither of them a superuser.
#   followup_owner  owns the database; the services run their migrations as it (SPRING_FLYWAY_USER)
#   followup_app    what the services connect as (FOLLOWUP_DB_APP_ROLE): the migrations grant it
#                   SELECT and INSERT only on the event table, and what else each service needs
# The superuser (POSTGRES_USER) is for administration only; no service signs in with it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" \
    -v owner_password="${FOLLOWUP_DB_OWNER_PASSWORD:?set FOLLOWUP_DB_OWNER_PASSWORD}" \
    -v app_password="${FOLLOWUP_DB_APP_PASSWORD:?set FOLLOWUP_DB_APP_PASSWORD}" <<'SQL'
CREATE ROLE followup_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE followup_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
ALTER DATABASE :"db" OWNER TO followup_owner;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO followup_app;
SQL
