-- An enterprise's figures of a year, set by an upsert: a year not stored yet reads version 1
-- and its first save writes 2, so a client that read "none yet" cannot overwrite a save
-- made meanwhile (as plan actuals and targets, migrations/0017).
ALTER TABLE enterprise_figures ADD COLUMN version integer NOT NULL DEFAULT 2;
