-- 一项目一专班, 包挂领导, the zone's service standard (issue 16, part 6).
--
-- 专班 members become people: a row per member with name, role, unit, phone and an
-- optional link to a user account. Until now a project's task force was only
-- projects.task_force_user_ids (accounts); those accounts become member rows here
-- (name from the user, role 成员, unit from the zone membership, no phone).
-- The column stays: it is kept equal to the linked accounts of the member rows by
-- the service (the policy's project scope — who may record progress — and the route
-- matrix read it), so dropping it is left for a later migration.
CREATE TABLE project_task_force (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  -- 组长 / 副组长 / 成员 / 联络员
  role        text NOT NULL CHECK (role IN ('lead','deputy','member','liaison')),
  unit_id     uuid REFERENCES units(id),
  -- A Chinese mobile (1xxxxxxxxxx) or landline (0xxx-xxxxxxx[-ext]); checked by the API.
  phone       text NOT NULL DEFAULT '' CHECK (length(phone) <= 20),
  user_id     uuid REFERENCES users(id),
  sort_order  integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_task_force_project_idx ON project_task_force (zone_id, project_id, sort_order);
CREATE INDEX project_task_force_user_idx ON project_task_force (zone_id, user_id) WHERE user_id IS NOT NULL;

INSERT INTO project_task_force (zone_id, project_id, name, role, unit_id, user_id, sort_order)
SELECT p.zone_id, p.id, left(u.display_name, 40), 'member', m.unit_id, u.id, t.ord::int
FROM projects p
CROSS JOIN LATERAL unnest(p.task_force_user_ids) WITH ORDINALITY AS t(user_id, ord)
JOIN users u ON u.id = t.user_id
LEFT JOIN memberships m ON m.user_id = u.id AND m.zone_id = p.zone_id;

-- The zone's service standard (e.g. "五个一"服务制度): a configurable list of items.
ALTER TABLE project_settings ADD COLUMN service_items jsonb NOT NULL DEFAULT '[]';

-- Each item of the standard checked on a project: the day, who, an optional note.
CREATE TABLE project_service_checks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  item_key    text NOT NULL CHECK (item_key ~ '^[a-z0-9_]{1,40}$'),
  done_on     date NOT NULL,
  checked_by  uuid REFERENCES users(id),
  note        text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  UNIQUE (project_id, item_key)
);
CREATE INDEX project_service_checks_zone_idx ON project_service_checks (zone_id, project_id);

-- Both are read by the cached project views (0013): they bump the zone's data version.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['project_task_force', 'project_service_checks'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_zone_data_version(''zone_id'')', t || '_data_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_all_zone_data_versions()', t || '_truncated', t);
  END LOOP;
END $$;

SELECT gongjian_enforce_tenancy();
