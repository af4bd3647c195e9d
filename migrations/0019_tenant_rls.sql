-- Tenancy the database enforces (docs/security.md, "Tenancy in the database").
-- A transaction that acts for one zone switches to the role gongjian_tenant and sets
-- app.zone_id (server/context.ts writeAudited, db/zoneDb.ts for reads). For that
-- role, every table with a zone_id column shows and accepts only the rows of that
-- zone: a query that forgets its zone filter returns nothing of another zone, and a
-- row written with another zone's id is refused. The owner (migrations, login
-- look-ups, the scheduler's scans, the command line) is not subject to the policies.

-- Roles are cluster-wide: several databases (or test workers) may migrate at once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongjian_tenant') THEN
    CREATE ROLE gongjian_tenant NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'the role gongjian_tenant does not exist and % may not create it', current_user
      USING HINT = 'a DBA runs once: CREATE ROLE gongjian_tenant NOLOGIN; GRANT gongjian_tenant TO ' || current_user || ';';
END $$;

-- The owner switches to the role with SET LOCAL ROLE, which needs membership unless
-- it is a superuser.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'gongjian_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT gongjian_tenant TO %I', current_user);
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION '% is not a member of gongjian_tenant and may not make itself one', current_user
      USING HINT = 'a DBA runs once: GRANT gongjian_tenant TO ' || current_user || ';';
END $$;

-- Grants and policies for every table of this schema. The migration runner
-- (db/migrate.ts) calls it after any migration ran, so a table added later gets its
-- policy without anyone remembering to write one; test/rls.test.ts checks coverage.
-- Tables without zone_id (users, auth_throttle, auth_known_ips, job_runs) are granted
-- and hold no zone's rows: users are global (one person, several zones). zones has
-- its own policies below. schema_migrations is the owner's alone.
CREATE FUNCTION gongjian_enforce_tenancy() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  t text;
  n integer := 0;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO gongjian_tenant', current_schema());
  FOR t IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      AND c.relname <> 'schema_migrations'
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO gongjian_tenant', t);
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO gongjian_tenant', current_schema());
  FOR t IN
    SELECT c.relname FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'zone_id' AND NOT a.attisdropped
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    IF NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = format('%I', t)::regclass AND p.polname = 'tenant_zone') THEN
      EXECUTE format($p$CREATE POLICY tenant_zone ON %I TO gongjian_tenant
        USING (zone_id = nullif(current_setting('app.zone_id', true), '')::uuid)
        WITH CHECK (zone_id = nullif(current_setting('app.zone_id', true), '')::uuid)$p$, t);
    END IF;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- The zone row itself is keyed by id: the tenant reads every zone (names, for an
-- account of several zones) but writes only its own (its settings, its pinned date;
-- the demo build creates a zone as that zone).
ALTER TABLE zones ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_zone_read ON zones FOR SELECT TO gongjian_tenant USING (true);
CREATE POLICY tenant_zone_insert ON zones FOR INSERT TO gongjian_tenant
  WITH CHECK (id = nullif(current_setting('app.zone_id', true), '')::uuid);
CREATE POLICY tenant_zone_update ON zones FOR UPDATE TO gongjian_tenant
  USING (id = nullif(current_setting('app.zone_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.zone_id', true), '')::uuid);
CREATE POLICY tenant_zone_delete ON zones FOR DELETE TO gongjian_tenant
  USING (id = nullif(current_setting('app.zone_id', true), '')::uuid);

-- The cache counters of 0008/0013 are bumped by triggers, also for a zone the
-- tenant cannot see (a user's new display name bumps every zone they belong to).
-- They only count, so they run as the owner.
ALTER FUNCTION bump_zone_data_version() SECURITY DEFINER SET search_path FROM CURRENT;
ALTER FUNCTION bump_all_zone_data_versions() SECURITY DEFINER SET search_path FROM CURRENT;
ALTER FUNCTION bump_user_zone_data_versions() SECURITY DEFINER SET search_path FROM CURRENT;

-- What a zone's transaction must still see or do beyond its zone, each deliberately
-- and no more (owner's rights, fixed search_path; only the tenant role may call them):
-- whether an account also belongs to a zone the acting admin does not administer
-- (system/users.ts: such accounts are managed only by an authority over all of them;
-- under the policy the other zones' memberships would be invisible and the answer a
-- silent "no"),
CREATE FUNCTION gongjian_shared_beyond(admin_id uuid, target_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = target_id AND NOT EXISTS
    (SELECT 1 FROM memberships a WHERE a.user_id = admin_id AND a.zone_id = o.zone_id AND a.role = 'admin'))
$$;
-- and ending sessions: a new password or a disabled account ends the user's sessions
-- in every zone, and switching zones ends the session of the zone left.
CREATE FUNCTION gongjian_end_sessions(session_id text, of_user uuid) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  DELETE FROM sessions WHERE id = session_id OR user_id = of_user
$$;
-- and whether ids a campaign lists are another zone's projects or tasks (campaigns/
-- campaigns.ts answers 404 for those, while an id that exists nowhere may stay listed:
-- under the policy both would look alike). It says how many, nothing else.
CREATE FUNCTION gongjian_ids_elsewhere(tbl text, zone uuid, ids uuid[]) RETURNS integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE n integer;
BEGIN
  IF tbl NOT IN ('projects', 'supervision_tasks') THEN RAISE EXCEPTION 'gongjian_ids_elsewhere: not for %', tbl; END IF;
  IF to_regclass(tbl) IS NULL THEN RETURN 0; END IF;
  EXECUTE format('SELECT count(*)::int FROM %I WHERE zone_id <> $1 AND id = ANY($2)', tbl) INTO n USING zone, ids;
  RETURN n;
END $$;
REVOKE EXECUTE ON FUNCTION gongjian_shared_beyond(uuid, uuid), gongjian_end_sessions(text, uuid), gongjian_ids_elsewhere(text, uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gongjian_shared_beyond(uuid, uuid), gongjian_end_sessions(text, uuid), gongjian_ids_elsewhere(text, uuid, uuid[]) TO gongjian_tenant;

SELECT gongjian_enforce_tenancy();
