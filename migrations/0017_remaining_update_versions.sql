-- Versions for the last records users change in place: the client sends the version it
-- read, and a stale one is refused (409) rather than overwriting another's change.
-- A zone's version guards its pinned date (its settings carry their own, in zones.settings).
ALTER TABLE zones ADD COLUMN version integer NOT NULL DEFAULT 1;
-- Records set by an upsert (a unit's robot, a month's plan actual, a target): one not
-- stored yet reads version 1 and its first save writes 2, so every stored row starts at 2
-- and a client that read "none yet" cannot overwrite a row saved meanwhile.
ALTER TABLE unit_webhooks ADD COLUMN version integer NOT NULL DEFAULT 2;
ALTER TABLE campaigns ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE supervision_requests ADD COLUMN version integer NOT NULL DEFAULT 1;
-- A delay's reason; a missed deadline not recorded yet reads version 1.
ALTER TABLE supervision_delays ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE enterprise_tags ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE plan_actuals ADD COLUMN version integer NOT NULL DEFAULT 2;
ALTER TABLE targets ADD COLUMN version integer NOT NULL DEFAULT 2;
