-- 隐患动态清零 (issue 16, part 2): the hazard register. A hazard is an item of the
-- shared closed loop (loop_items.kind = 'hazard', subject_type 'hazard'); this table
-- keeps what only a hazard has: its category, level, responsible unit, the date it
-- was found, the rectification deadline its level gives (working days, see
-- src/domains/hazards/rules.ts), where it is, and the campaign it belongs to.
-- Title, detail, state, deadline in force, evidence (loop_events.file_ids) and the
-- closing time live on the loop item. Row-level security: the runner's
-- gongjian_enforce_tenancy() (0019) gives this zone_id table its tenant policy.
CREATE TABLE hazards (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  loop_item_id  uuid NOT NULL UNIQUE REFERENCES loop_items(id),
  unit_id       uuid NOT NULL REFERENCES units(id),
  campaign_id   uuid REFERENCES campaigns(id),
  category      text NOT NULL CHECK (category IN ('safety','petition','environment')),
  level         text NOT NULL CHECK (level IN ('general','major')),
  found_on      date NOT NULL,
  -- found_on + the level's working days; the loop item's deadline may move on reassignment
  due_on        date NOT NULL CHECK (due_on >= found_on),
  location      text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hazards_zone_idx ON hazards (zone_id, found_on);
CREATE INDEX hazards_unit_idx ON hazards (zone_id, unit_id);
CREATE INDEX hazards_campaign_idx ON hazards (campaign_id) WHERE campaign_id IS NOT NULL;

SELECT gongjian_enforce_tenancy();
