-- Assessment (考核) and bulletins (通报): schemes of weighted items for a period
-- and a ranking group, bonuses and deductions with their reasons, the frozen
-- results of a published scheme, and bulletins (edited text, published state,
-- built Word/Excel files).

CREATE TABLE assessment_schemes (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id         uuid NOT NULL REFERENCES zones(id),
  name            text NOT NULL,
  -- month 2022-07, quarter 2022-Q2, half 2022-H1, year 2022, campaign (its own dates)
  period_kind     text NOT NULL CHECK (period_kind IN ('month','quarter','half','year','campaign')),
  period          text NOT NULL,
  campaign_id     uuid,
  start_date      date NOT NULL,
  end_date        date NOT NULL,
  -- units.ranking_group: 'territorial' (towns/sub-districts) or 'functional'
  ranking_group   text NOT NULL,
  -- [{key,name,kind,weight,…kind options}], see src/domains/assessment/schemes.ts
  items           jsonb NOT NULL,
  red_flag_policy text NOT NULL DEFAULT 'all_tied' CHECK (red_flag_policy IN ('all_tied','unique_only')),
  state           text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','published')),
  published_at    timestamptz,
  published_by    uuid REFERENCES users(id),
  demo            boolean NOT NULL DEFAULT false,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  CHECK (end_date >= start_date),
  UNIQUE (zone_id, name)
);
CREATE INDEX assessment_schemes_zone_idx ON assessment_schemes (zone_id, ranking_group, end_date);

-- Bonus (+) or deduction (−) of a unit in a scheme, always with its reason.
CREATE TABLE assessment_adjustments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  scheme_id   uuid NOT NULL REFERENCES assessment_schemes(id) ON DELETE CASCADE,
  unit_id     uuid NOT NULL REFERENCES units(id),
  points      numeric(8,2) NOT NULL CHECK (points <> 0 AND points BETWEEN -100 AND 100),
  reason      text NOT NULL CHECK (length(reason) > 0),
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_adjustments_scheme_idx ON assessment_adjustments (scheme_id, unit_id);

-- The published, frozen result of a unit: never overwritten by a recomputation.
CREATE TABLE assessment_results (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id      uuid NOT NULL REFERENCES zones(id),
  scheme_id    uuid NOT NULL REFERENCES assessment_schemes(id) ON DELETE CASCADE,
  unit_id      uuid NOT NULL REFERENCES units(id),
  base         numeric(8,2) NOT NULL,
  adjustment   numeric(8,2) NOT NULL,
  total        numeric(8,2) NOT NULL,
  rank         integer,
  red_flag     boolean NOT NULL DEFAULT false,
  prev_rank    integer,
  rank_change  integer,
  -- the item scores with their explanations and the measured inputs
  items        jsonb NOT NULL,
  adjustments  jsonb NOT NULL DEFAULT '[]',
  computed_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scheme_id, unit_id)
);

-- The zone's bulletin settings: issuing office and the lead paragraph's figures.
CREATE TABLE bulletin_settings (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id    uuid NOT NULL UNIQUE REFERENCES zones(id),
  issuer     text NOT NULL DEFAULT '',
  -- [{code, verb, name, decimals, yoy, completion, related:[…], share:{…}, parts:[…]}]
  lead_spec  jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bulletins (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  period_kind   text NOT NULL CHECK (period_kind IN ('month','quarter','half','year','campaign')),
  period        text NOT NULL,
  title         text NOT NULL,
  issue_no      text NOT NULL DEFAULT '',
  lead          text NOT NULL,
  -- the supervisor's own paragraphs after the tables (remarks, requirements)
  closing       text NOT NULL DEFAULT '',
  scheme_id     uuid REFERENCES assessment_schemes(id),
  -- the generated figures and tables as of the draft (refreshed on regenerate)
  content       jsonb NOT NULL,
  state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','published')),
  published_at  timestamptz,
  published_by  uuid REFERENCES users(id),
  demo          boolean NOT NULL DEFAULT false,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX bulletins_zone_idx ON bulletins (zone_id, period);

-- Built downloads (Word, Excel) of a bulletin, served after a visibility check.
CREATE TABLE bulletin_exports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id      uuid NOT NULL REFERENCES zones(id),
  bulletin_id  uuid NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  format       text NOT NULL CHECK (format IN ('docx','xlsx')),
  name         text NOT NULL,
  size         integer NOT NULL,
  data         bytea NOT NULL,
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bulletin_exports_idx ON bulletin_exports (bulletin_id, created_at DESC);
