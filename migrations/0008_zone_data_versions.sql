-- A counter per zone that moves whenever anything the cockpit reads changes
-- (figures, targets, indicators, units, campaigns, thresholds, the zone's name).
-- API processes cache a computed cockpit under the counter they read before
-- computing it; any process on any machine sees a write as a new counter value.
--
-- The triggers are deferred to commit: the counter row is locked last, after every
-- row the transaction touched, so writers cannot deadlock on it, and only for the
-- moment of commit. A transaction bumps each of its zones once (a local flag).

CREATE TABLE zone_data_versions (
  zone_id uuid PRIMARY KEY REFERENCES zones(id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION bump_zone_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_json jsonb;
  zone uuid;
  flag text;
BEGIN
  IF TG_OP = 'DELETE' THEN row_json := to_jsonb(OLD); ELSE row_json := to_jsonb(NEW); END IF;
  zone := (row_json ->> TG_ARGV[0])::uuid;
  IF zone IS NULL THEN RETURN NULL; END IF;
  flag := 'gongjian.bumped_' || replace(zone::text, '-', '');
  IF current_setting(flag, true) = '1' THEN RETURN NULL; END IF;
  PERFORM set_config(flag, '1', true);
  -- A zone deleted in the same transaction has nothing left to cache.
  INSERT INTO zone_data_versions AS v (zone_id, version)
    SELECT zone, 1 WHERE EXISTS (SELECT 1 FROM zones WHERE id = zone)
    ON CONFLICT (zone_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION bump_all_zone_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE zone_data_versions SET version = version + 1;
  RETURN NULL;
END $$;

-- The tables the cockpit reads, each with a deferred row trigger and a TRUNCATE trigger.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['figures', 'targets', 'indicators', 'units', 'campaigns', 'target_settings'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_zone_data_version(''zone_id'')', t || '_data_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_all_zone_data_versions()', t || '_truncated', t);
  END LOOP;
END $$;

-- The zone row itself (its name, its settings) is keyed by id.
CREATE CONSTRAINT TRIGGER zones_data_version AFTER UPDATE ON zones
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_zone_data_version('id');
