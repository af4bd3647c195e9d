-- 领导批示 (issue 16, part 1): a leader's instruction on a bulletin, an indicator of a
-- period, a project problem or an enterprise appeal, tracked on the shared closed loop
-- as its own kind 'instruction'. The loop item holds the text (title/detail), the lead
-- unit (assignee), the supporting units, the deadline and the state; this table holds
-- what the loop does not: which object it is written on (an indicator with its period),
-- the leader, and the zone's dates of writing and closing (the zone may be pinned to a
-- past date, so created_at/closed_at — server time — cannot place it in a bulletin's
-- period). Row-level security: zone_id, so the runner's gongjian_enforce_tenancy()
-- (0019) gives the table its tenant_zone policy like every other tenant table.
ALTER TABLE loop_items DROP CONSTRAINT IF EXISTS loop_items_kind_check;
ALTER TABLE loop_items ADD CONSTRAINT loop_items_kind_check CHECK (kind IN ('problem','task','hazard','appeal','instruction'));

CREATE TABLE instructions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  loop_item_id  uuid NOT NULL UNIQUE REFERENCES loop_items(id),
  subject_type  text NOT NULL CHECK (subject_type IN ('bulletin','indicator','problem','appeal')),
  subject_id    uuid NOT NULL,
  -- The indicator's month ('YYYY-MM'); only for subject_type 'indicator'.
  period        text CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  leader_id     uuid NOT NULL REFERENCES users(id),
  written_on    date NOT NULL,
  closed_on     date,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT instructions_period_indicator CHECK ((subject_type = 'indicator') = (period IS NOT NULL))
);
CREATE INDEX instructions_subject_idx ON instructions (zone_id, subject_type, subject_id);
CREATE INDEX instructions_leader_idx ON instructions (zone_id, leader_id, written_on);
CREATE INDEX instructions_written_idx ON instructions (zone_id, written_on);
