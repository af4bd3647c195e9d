-- API processes keep each session (with its user's account and membership) and each
-- zone's pinned date and data version (0008) in memory (src/domains/auth/sessionCache.ts),
-- so a request costs no round trip. Every change to what they keep is announced on the
-- channel gongjian_cache by the transaction that makes it: PostgreSQL delivers it only
-- at commit (never for a rollback), to every listening connection, the writer's own
-- included before its COMMIT returns (src/db/changes.ts). Payloads:
--   s:<session id>   the session row changed or ended
--   u:<user id>      the user or one of their memberships changed: all their sessions
--   z:<zone id>      the zone row (its pinned date) changed, or its data version ended
--   v:<zone id>:<n>  the zone's data version is now n
--   *                a table was truncated: everything
CREATE FUNCTION gongjian_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := TG_ARGV[1];
  now_key text;
  old_key text;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('gongjian_cache', '*');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN now_key := to_jsonb(NEW) ->> key; END IF;
  IF TG_OP <> 'INSERT' THEN old_key := to_jsonb(OLD) ->> key; END IF;
  -- Identical notifications of one transaction are delivered once.
  IF now_key IS NOT NULL THEN PERFORM pg_notify('gongjian_cache', TG_ARGV[0] || ':' || now_key); END IF;
  IF old_key IS NOT NULL AND old_key IS DISTINCT FROM now_key THEN PERFORM pg_notify('gongjian_cache', TG_ARGV[0] || ':' || old_key); END IF;
  RETURN NULL;
END $$;

-- A new session is not in anyone's memory yet: only its changes and its end are told.
CREATE TRIGGER sessions_announce AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION gongjian_announce_change('s', 'id');
CREATE TRIGGER users_announce AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION gongjian_announce_change('u', 'id');
CREATE TRIGGER memberships_announce AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION gongjian_announce_change('u', 'user_id');
CREATE TRIGGER zones_announce AFTER UPDATE OR DELETE ON zones
  FOR EACH ROW EXECUTE FUNCTION gongjian_announce_change('z', 'id');
-- Bumped by the deferred triggers of 0008 at commit: announced in that same commit, with
-- its new value (v:<zone id>:<version>), so a process that knows the zone takes the new
-- version as told instead of reading it again: the read right after a write costs no
-- round trip (on PGlite's one connection it would queue behind the refresh's reads).
CREATE FUNCTION gongjian_announce_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('gongjian_cache', 'z:' || OLD.zone_id);
  ELSE
    PERFORM pg_notify('gongjian_cache', 'v:' || NEW.zone_id || ':' || NEW.version);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER zone_data_versions_announce AFTER INSERT OR UPDATE OR DELETE ON zone_data_versions
  FOR EACH ROW EXECUTE FUNCTION gongjian_announce_version();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sessions', 'users', 'memberships', 'zones', 'zone_data_versions'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION gongjian_announce_change()', t || '_truncate_announced', t);
  END LOOP;
END $$;
