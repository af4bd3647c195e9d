-- 倒排工期 against the zone's date: a step planned to end before the day its plan was
-- laid is marked for confirmation (perhaps done before the project was registered)
-- instead of being counted late from day one.
ALTER TABLE project_milestones ADD COLUMN needs_confirmation boolean NOT NULL DEFAULT false;
