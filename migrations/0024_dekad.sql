-- 以日保旬、以旬保月 (issue 16, part 4): selected indicators are also reported by
-- dekad (旬: 1–10, 11–20, 21–month end), year to date at the dekad's last day.
--
-- indicators.rhythm: 'month' (the default, every indicator until now) or 'dekad'
-- (reported by dekad as well as by month). Set in the catalogue like any other
-- attribute (audited, versioned).
ALTER TABLE indicators ADD COLUMN rhythm text NOT NULL DEFAULT 'month' CHECK (rhythm IN ('month', 'dekad'));

-- Dekad figures live apart from `figures`: many monthly queries read figures.period
-- as a month, and a dekad figure is a quick count, not the month's official figure.
-- unit_id is the reporting unit, or null for a zone figure (a zone_reported indicator,
-- entered by its responsible unit), as in figures.
CREATE TABLE dekad_figures (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  indicator_id  uuid NOT NULL REFERENCES indicators(id),
  unit_id       uuid REFERENCES units(id),
  period        text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  -- 1 上旬, 2 中旬, 3 下旬
  dekad         smallint NOT NULL CHECK (dekad BETWEEN 1 AND 3),
  value         numeric NOT NULL,
  note          text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  entered_by    uuid REFERENCES users(id),
  demo          boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dekad_figures_one_per_dekad UNIQUE NULLS NOT DISTINCT (zone_id, indicator_id, unit_id, period, dekad)
);
CREATE INDEX dekad_figures_zone_period_idx ON dekad_figures (zone_id, period, dekad);

-- Read by the cached cockpit: a change bumps the zone's data version (0008).
CREATE CONSTRAINT TRIGGER dekad_figures_data_version AFTER INSERT OR UPDATE OR DELETE ON dekad_figures
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_zone_data_version('zone_id');
CREATE TRIGGER dekad_figures_truncated AFTER TRUNCATE ON dekad_figures FOR EACH STATEMENT EXECUTE FUNCTION bump_all_zone_data_versions();

SELECT gongjian_enforce_tenancy();
