-- Reporting checks and notifications that reach the right people once (issue #11, items 4–5).
--
-- A year-to-date figure that leaves last month's pace by more than this share
-- (percent) needs a note before it can be submitted.
ALTER TABLE target_settings ADD COLUMN move_warn_percent numeric NOT NULL DEFAULT 50 CHECK (move_warn_percent > 0);

-- The object a notification is about ('supervision.task:<id>'): the bell shows
-- repeats about one object once, with their count. Dedupe keys stay unique per
-- zone (0002); they name kind, object, recipient and day.
ALTER TABLE notifications ADD COLUMN subject text;
CREATE INDEX notifications_subject_idx ON notifications (zone_id, subject);

-- A unit's own group robot (DingTalk / WeCom), besides the zone's. A table of its
-- own: the address is a secret, and unit rows are read by everyone.
CREATE TABLE unit_webhooks (
  unit_id    uuid PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
  zone_id    uuid NOT NULL REFERENCES zones(id),
  url        text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_webhooks_zone_idx ON unit_webhooks (zone_id);
