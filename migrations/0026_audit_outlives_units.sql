-- The audit log is history: it names the unit a change concerned by id, and must not stop
-- that unit from being deleted. With the foreign key, the audit row of a unit's own creation
-- referenced it, so no unit could ever be deleted (every delete answered "in use"). Units
-- still in use by accounts or by records of other domains keep their own foreign keys.
-- Reads join the log to units with a left join, so a deleted unit's entries stay listed.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_unit_id_fkey;
