-- Runs once, when the postgres container initialises an empty data volume
-- (docker-entrypoint-initdb.d), as the POSTGRES_USER superuser.
-- Temporal's two databases: the temporal service runs with SKIP_DB_CREATE=true and only
-- sets up their schemas.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
-- One database per service: each owns its data and runs its own migrations.
CREATE DATABASE genq_actors;
CREATE DATABASE genq_analysis;
CREATE DATABASE genq_agreements;
