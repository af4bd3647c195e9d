-- Jobs carry a lease: the process running a job moves lease_until forward while it
-- works (a heartbeat). A running job whose lease has passed lost its process (a
-- crash, kill -9, a restart) and is shown as failed instead of running for ever.
-- Rows running at the upgrade get one lease from now: if their process still
-- heartbeats (it cannot: older code does not), they live on; otherwise they expire.
ALTER TABLE jobs ADD COLUMN lease_until timestamptz NOT NULL DEFAULT now() + interval '2 minutes';
CREATE INDEX jobs_running_idx ON jobs (lease_until) WHERE status = 'running';

-- Project lists and the battle map are cached per API process like the cockpit
-- (domains/projects/routes.ts), valid for one value of the zone's data version
-- (0008). So the tables they read bump it too: projects and their milestones,
-- investment and settings, the problems raised on projects, and the display names
-- of the people they show (users have no zone: every zone the user belongs to).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'project_milestones', 'project_investments', 'project_settings'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_zone_data_version(''zone_id'')', t || '_data_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_all_zone_data_versions()', t || '_truncated', t);
  END LOOP;
END $$;

-- Only problems of projects: tasks and appeals move through the same table all day.
CREATE CONSTRAINT TRIGGER loop_items_project_data_version AFTER INSERT OR UPDATE ON loop_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.subject_type = 'project')
  EXECUTE FUNCTION bump_zone_data_version('zone_id');
CREATE CONSTRAINT TRIGGER loop_items_project_deleted_data_version AFTER DELETE ON loop_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.subject_type = 'project')
  EXECUTE FUNCTION bump_zone_data_version('zone_id');

CREATE FUNCTION bump_user_zone_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zone_data_versions AS v (zone_id, version)
    SELECT DISTINCT zone_id, 1 FROM memberships WHERE user_id = NEW.id
    ON CONFLICT (zone_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER users_display_name_data_version AFTER UPDATE OF display_name ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
  EXECUTE FUNCTION bump_user_zone_data_versions();
