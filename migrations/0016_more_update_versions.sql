-- Versions for the remaining records users edit concurrently: a milestone's actual dates,
-- a month's investment under review, an account, and each settings row. The client
-- sends the version it read; a stale one is refused (409) rather than overwritten.
ALTER TABLE project_milestones ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE project_investments ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
-- A zone without a settings row reads version 1 (the defaults); its first save writes 2.
ALTER TABLE target_settings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE project_settings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE bulletin_settings ADD COLUMN version integer NOT NULL DEFAULT 1;
