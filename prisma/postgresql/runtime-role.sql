-- The runtime role of a PostgreSQL install (docs/operations.md, "Two roles").
--
-- Run once per database as the role that owns the tables and applies the migrations
-- (MIGRATION_DATABASE_URL), after the first `npm start` with that role has created them:
--
--   psql "$MIGRATION_DATABASE_URL" -f prisma/postgresql/runtime-role.sql
--   psql "$MIGRATION_DATABASE_URL" -c "ALTER ROLE hutong_app PASSWORD '...'"
--
-- hutong_app may read and write the application's tables, but only INSERT into and SELECT from the
-- append-only history (AuditLog, StatusChange). Not owning any table, it can neither drop nor
-- disable their triggers, nor alter or drop the tables. Safe to run again.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hutong_app') THEN
    CREATE ROLE hutong_app LOGIN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO hutong_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO hutong_app;
REVOKE CREATE ON SCHEMA public FROM hutong_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hutong_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hutong_app;
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog", "StatusChange" FROM hutong_app;
-- The migration bookkeeping is read by the readiness check, never written by the app.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_hutong_migrations" FROM hutong_app;

-- Tables that later migrations create get the same rights; a migration that adds an append-only
-- table revokes UPDATE and DELETE on it from hutong_app itself.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hutong_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hutong_app;
