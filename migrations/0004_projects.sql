-- Projects (项目): the project itself with its stage dates, its milestone plan laid
-- backwards (倒排工期) with the first approved plan kept as baseline, monthly
-- completed investment (submit → approve), visual-progress updates (形象进度),
-- the zone's project settings (stage rules, USD rates, map outline), and
-- investment attraction (招商引资) leads with their contact log.
-- Problems of a project are loop_items (kind 'problem', subject_type 'project').

CREATE TABLE project_settings (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id) UNIQUE,
  -- {"2022": "6.7261"}: 1 USD in CNY, per year
  usd_rates   jsonb NOT NULL DEFAULT '{}',
  -- [{"kind":"same_year","stages":[…]} | {"kind":"months","from":…,"to":…,"months":n}]
  stage_rules jsonb NOT NULL DEFAULT '[]',
  -- per category, the zone's own milestone flow replacing the default one
  templates   jsonb NOT NULL DEFAULT '{}',
  -- the zone outline, a GeoJSON FeatureCollection
  outline     jsonb,
  outline_demo boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE projects (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id             uuid NOT NULL REFERENCES zones(id),
  name                text NOT NULL,
  category            text NOT NULL CHECK (category IN ('industrial','urban','livelihood')),
  chain               text NOT NULL DEFAULT '',
  key_project         boolean NOT NULL DEFAULT false,
  year                integer NOT NULL,
  currency            text NOT NULL DEFAULT 'CNY' CHECK (currency IN ('CNY','USD')),
  -- in 亿 of the currency
  total_investment    numeric NOT NULL CHECK (total_investment >= 0),
  -- 亿元, for the year
  annual_plan         numeric NOT NULL DEFAULT 0 CHECK (annual_plan >= 0),
  responsible_unit_id uuid NOT NULL REFERENCES units(id),
  leader_user_id      uuid REFERENCES users(id),
  task_force_user_ids uuid[] NOT NULL DEFAULT '{}',
  lng                 numeric,
  lat                 numeric,
  stage               text NOT NULL DEFAULT 'negotiating'
                        CHECK (stage IN ('negotiating','signed','started','producing','at_capacity')),
  -- {"signed":{"planned":"2022-03-01","actual":"2022-03-05"}, …}
  stage_dates         jsonb NOT NULL DEFAULT '{}',
  target_date         date,
  plan_approved_at    timestamptz,
  lead_id             uuid,
  foreign_capital     boolean NOT NULL DEFAULT false,
  note                text NOT NULL DEFAULT '',
  demo                boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  UNIQUE (zone_id, name)
);
CREATE INDEX projects_zone_idx ON projects (zone_id, year, responsible_unit_id);

CREATE TABLE project_milestones (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id            uuid NOT NULL REFERENCES zones(id),
  project_id         uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  key                text NOT NULL,
  name               text NOT NULL,
  department         text NOT NULL DEFAULT '',
  owner_unit_id      uuid REFERENCES units(id),
  depends_on         text[] NOT NULL DEFAULT '{}',
  duration_workdays  integer NOT NULL CHECK (duration_workdays >= 1),
  marks_stage        text,
  sort_order         integer NOT NULL DEFAULT 0,
  planned_start      date NOT NULL,
  planned_end        date NOT NULL,
  baseline_start     date,
  baseline_end       date,
  actual_start       date,
  actual_end         date,
  note               text NOT NULL DEFAULT '',
  UNIQUE (project_id, key)
);
CREATE INDEX project_milestones_project_idx ON project_milestones (project_id, sort_order);

CREATE TABLE project_investments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  project_id    uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  unit_id       uuid NOT NULL REFERENCES units(id),
  -- YYYY-MM
  period        text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  -- 亿元 completed in that month
  amount        numeric NOT NULL CHECK (amount >= 0),
  status        text NOT NULL CHECK (status IN ('draft','submitted','approved','returned')),
  note          text NOT NULL DEFAULT '',
  return_reason text,
  submitted_by  uuid REFERENCES users(id),
  submitted_at  timestamptz,
  approved_by   uuid REFERENCES users(id),
  approved_at   timestamptz,
  demo          boolean NOT NULL DEFAULT false,
  UNIQUE (project_id, period)
);
CREATE INDEX project_investments_zone_idx ON project_investments (zone_id, period, status);

CREATE TABLE project_updates (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  on_date     date NOT NULL,
  text        text NOT NULL,
  file_ids    uuid[] NOT NULL DEFAULT '{}',
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_updates_project_idx ON project_updates (project_id, on_date DESC);

CREATE TABLE attraction_leads (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id             uuid NOT NULL REFERENCES zones(id),
  name                text NOT NULL,
  investor            text NOT NULL DEFAULT '',
  source              text NOT NULL DEFAULT '',
  team                text NOT NULL DEFAULT '',
  unit_id             uuid NOT NULL REFERENCES units(id),
  chain               text NOT NULL DEFAULT '',
  category            text NOT NULL DEFAULT 'industrial' CHECK (category IN ('industrial','urban','livelihood')),
  currency            text NOT NULL DEFAULT 'CNY' CHECK (currency IN ('CNY','USD')),
  expected_investment numeric NOT NULL CHECK (expected_investment >= 0),
  foreign_capital     boolean NOT NULL DEFAULT false,
  stage               text NOT NULL DEFAULT 'clue' CHECK (stage IN ('clue','negotiating','signed','landed')),
  signed_on           date,
  project_id          uuid REFERENCES projects(id),
  demo                boolean NOT NULL DEFAULT false,
  created_by          uuid REFERENCES users(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  UNIQUE (zone_id, name)
);
CREATE INDEX attraction_leads_zone_idx ON attraction_leads (zone_id, stage, signed_on);

CREATE TABLE attraction_contacts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  lead_id     uuid NOT NULL REFERENCES attraction_leads(id) ON DELETE CASCADE,
  on_date     date NOT NULL,
  kind        text NOT NULL DEFAULT 'visit',
  note        text NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attraction_contacts_lead_idx ON attraction_contacts (lead_id, on_date);
