-- Every record a PATCH changes carries a version: the client sends the version it
-- read, and a stale one is refused (409) rather than overwriting another's edit.
-- Projects, leads, enterprises, schemes, bulletins and figures had one already.
ALTER TABLE units ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE indicators ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE cultivation_pools ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE enterprise_plans ADD COLUMN version integer NOT NULL DEFAULT 1;
