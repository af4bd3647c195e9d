-- Targets: the indicator catalogue, annual targets in two tiers with optional
-- monthly plans, monthly figures (填报 → 审核 → 锁定), period locks, reporting
-- settings, API tokens for statistical/tax feeds, and campaigns (攻坚行动).

CREATE TABLE indicators (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id           uuid NOT NULL REFERENCES zones(id),
  code              text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name              text NOT NULL,
  -- unit of measure: 亿元, 亿美元, 个, 家, %, …
  measure           text NOT NULL,
  -- flow: cumulative year-to-date; stock: a level at period end; count: a YTD count;
  -- ratio: derived from two other indicators (numerator / denominator × 100)
  kind              text NOT NULL CHECK (kind IN ('flow','stock','count','ratio')),
  higher_is_better  boolean NOT NULL DEFAULT true,
  -- sum: the zone is the sum of its units; zone_reported: the zone reports its own figure
  aggregation       text NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum','zone_reported')),
  decimals          integer NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
  fill_method       text NOT NULL DEFAULT 'manual' CHECK (fill_method IN ('manual','feed','system')),
  progress_mode     text NOT NULL DEFAULT 'days' CHECK (progress_mode IN ('days','months')),
  numerator_code    text,
  denominator_code  text,
  -- the unit whose reporter enters the zone-level figure (e.g. 财政局 for revenue)
  zone_unit_id      uuid REFERENCES units(id),
  parent_code       text,
  sort_order        integer NOT NULL DEFAULT 0,
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, code),
  CHECK (kind <> 'ratio' OR (numerator_code IS NOT NULL AND denominator_code IS NOT NULL))
);
CREATE INDEX indicators_zone_idx ON indicators (zone_id, sort_order);

-- Annual targets of a unit (unit_id) or of the zone (unit_id NULL).
CREATE TABLE targets (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  indicator_id  uuid NOT NULL REFERENCES indicators(id),
  unit_id       uuid REFERENCES units(id),
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  floor         numeric NOT NULL,
  stretch       numeric,
  -- 12 cumulative year-to-date planned values (strings), or NULL
  monthly_plan  jsonb,
  demo          boolean NOT NULL DEFAULT false,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT targets_one_per_year UNIQUE NULLS NOT DISTINCT (zone_id, indicator_id, unit_id, year)
);
CREATE INDEX targets_zone_year_idx ON targets (zone_id, year);

-- A reported figure: a unit's (or, unit_id NULL, the zone's) year-to-date value
-- for one indicator and month, with the same period last year.
CREATE TABLE figures (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id            uuid NOT NULL REFERENCES zones(id),
  indicator_id       uuid NOT NULL REFERENCES indicators(id),
  unit_id            uuid REFERENCES units(id),
  period             text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  value              numeric NOT NULL,
  prev_year          numeric,
  note               text NOT NULL DEFAULT '',
  file_ids           uuid[] NOT NULL DEFAULT '{}',
  state              text NOT NULL CHECK (state IN ('draft','submitted','approved','returned')),
  return_reason      text,
  -- manual (a reporter), feed (an API token), system (another domain's count)
  source             text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','feed','system')),
  source_name        text,
  entered_by         uuid REFERENCES users(id),
  submitted_at       timestamptz,
  approved_by        uuid REFERENCES users(id),
  approved_at        timestamptz,
  correction_reason  text,
  corrected_at       timestamptz,
  demo               boolean NOT NULL DEFAULT false,
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT figures_one_per_period UNIQUE NULLS NOT DISTINCT (zone_id, indicator_id, unit_id, period)
);
CREATE INDEX figures_zone_period_idx ON figures (zone_id, period, state);
CREATE INDEX figures_unit_idx ON figures (zone_id, unit_id, period);

-- A published (locked) month: changes afterwards are corrections with a reason.
CREATE TABLE period_locks (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id    uuid NOT NULL REFERENCES zones(id),
  period     text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  locked_by  uuid REFERENCES users(id),
  locked_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, period)
);

-- One row per zone: reporting deadline, reminders and the colour thresholds.
CREATE TABLE target_settings (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id               uuid NOT NULL UNIQUE REFERENCES zones(id),
  deadline_day          integer NOT NULL DEFAULT 5 CHECK (deadline_day BETWEEN 1 AND 28),
  remind_days_before    integer NOT NULL DEFAULT 2 CHECK (remind_days_before BETWEEN 0 AND 20),
  amber_points          numeric NOT NULL DEFAULT 10,
  red_points            numeric NOT NULL DEFAULT 30,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (amber_points >= 0 AND red_points >= amber_points)
);

-- Tokens for figures arriving from other systems (统计, 税务). Stored as SHA-256.
CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  -- empty = any unit of the zone (and zone-level figures)
  unit_ids      uuid[] NOT NULL DEFAULT '{}',
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_zone_idx ON api_tokens (zone_id);

-- 攻坚行动: a time-boxed push with its own indicators and items (projects, tasks).
CREATE TABLE campaigns (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  start_date  date NOT NULL,
  end_date    date NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);
CREATE INDEX campaigns_zone_idx ON campaigns (zone_id, end_date);

CREATE TABLE campaign_indicators (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  campaign_id   uuid NOT NULL REFERENCES campaigns(id),
  indicator_id  uuid NOT NULL REFERENCES indicators(id),
  UNIQUE (campaign_id, indicator_id)
);

-- Projects and tasks belong to other domains: membership is generic (type + id),
-- with the title as it was when added.
CREATE TABLE campaign_items (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id      uuid NOT NULL REFERENCES zones(id),
  campaign_id  uuid NOT NULL REFERENCES campaigns(id),
  item_type    text NOT NULL CHECK (item_type IN ('project','task')),
  item_id      uuid NOT NULL,
  title        text NOT NULL,
  UNIQUE (campaign_id, item_type, item_id)
);
