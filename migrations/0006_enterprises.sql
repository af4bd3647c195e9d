-- Enterprises (企业): the register with yearly figures and dated tags, the
-- accounts of enterprise users, cultivation pools (梯度培育库), one-enterprise
-- plans (一企一策) with monthly actuals, visits (走访) and appeals (诉求, items
-- of the shared closed loop with the service-standard times kept here).

CREATE TABLE enterprises (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  name          text NOT NULL,
  credit_code   text NOT NULL CHECK (length(credit_code) = 18),
  unit_id       uuid NOT NULL REFERENCES units(id),
  chain         text NOT NULL DEFAULT '',
  leader_name   text NOT NULL DEFAULT '',
  contact       text NOT NULL DEFAULT '',
  note          text NOT NULL DEFAULT '',
  demo          boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (zone_id, credit_code)
);
CREATE INDEX enterprises_zone_unit_idx ON enterprises (zone_id, unit_id);
CREATE INDEX enterprises_zone_name_idx ON enterprises (zone_id, name);

-- Scale by year; amounts in 万元.
CREATE TABLE enterprise_figures (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  year          integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  output_value  numeric(18,2),
  tax           numeric(18,2),
  employees     integer CHECK (employees >= 0),
  demo          boolean NOT NULL DEFAULT false,
  UNIQUE (enterprise_id, year)
);

-- One row per span a tag was held: gained on a date, lost on a later one (or still held).
CREATE TABLE enterprise_tags (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  tag           text NOT NULL CHECK (tag IN ('high_tech','above_size','four_above','specialized','little_giant',
                  'single_champion','listing_reserve','listed','cloud_star','smart_workshop','hundred_billion','ten_billion')),
  gained_on     date NOT NULL,
  lost_on       date CHECK (lost_on IS NULL OR lost_on >= gained_on),
  note          text NOT NULL DEFAULT ''
);
CREATE INDEX enterprise_tags_zone_tag_idx ON enterprise_tags (zone_id, tag, gained_on);
CREATE INDEX enterprise_tags_enterprise_idx ON enterprise_tags (enterprise_id);

-- An enterprise user's account belongs to exactly one enterprise of the zone.
CREATE TABLE enterprise_accounts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  user_id       uuid NOT NULL REFERENCES users(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, user_id)
);

CREATE TABLE cultivation_pools (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  code        text NOT NULL,
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- entry rules on figures and tags, and the next tier members grow towards
  rules       jsonb NOT NULL DEFAULT '{}',
  goal        jsonb NOT NULL DEFAULT '{}',
  sort_order  integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, code)
);

CREATE TABLE pool_members (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  pool_id       uuid NOT NULL REFERENCES cultivation_pools(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  added_on      date NOT NULL,
  added_by      uuid REFERENCES users(id),
  note          text NOT NULL DEFAULT '',
  UNIQUE (pool_id, enterprise_id)
);

-- 一企一策: the year's output target (万元), measures and assigned leader.
CREATE TABLE enterprise_plans (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  year          integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  target_output numeric(18,2) NOT NULL CHECK (target_output > 0),
  measures      text NOT NULL DEFAULT '',
  leader_name   text NOT NULL DEFAULT '',
  demo          boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enterprise_id, year)
);

-- Cumulative year-to-date output (1-m月累计), 万元.
CREATE TABLE plan_actuals (
  id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id  uuid NOT NULL REFERENCES zones(id),
  plan_id  uuid NOT NULL REFERENCES enterprise_plans(id),
  month    integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  output   numeric(18,2) NOT NULL CHECK (output >= 0),
  note     text NOT NULL DEFAULT '',
  UNIQUE (plan_id, month)
);

CREATE TABLE enterprise_visits (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  visited_on    date NOT NULL,
  visitors      text NOT NULL,
  unit_id       uuid REFERENCES units(id),
  findings      text NOT NULL DEFAULT '',
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_visits_idx ON enterprise_visits (zone_id, enterprise_id, visited_on);

-- The appeal's own facts beside its loop item: category, the service-standard
-- due dates, when it was responded to, answered and closed, and the rating.
CREATE TABLE enterprise_appeals (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  loop_item_id  uuid NOT NULL UNIQUE REFERENCES loop_items(id),
  visit_id      uuid REFERENCES enterprise_visits(id),
  category      text NOT NULL CHECK (category IN ('land','labour','finance','approval','utilities','logistics','other')),
  hard          boolean NOT NULL DEFAULT false,
  raised_at     timestamptz NOT NULL,
  raised_on     date NOT NULL,
  respond_by    date NOT NULL,
  answer_by     date NOT NULL,
  solve_by      date NOT NULL,
  responded_at  timestamptz,
  answered_at   timestamptz,
  answer        text,
  closed_at     timestamptz,
  satisfaction  text CHECK (satisfaction IN ('satisfied','basically_satisfied','dissatisfied')),
  rating_note   text,
  rated_at      timestamptz
);
CREATE INDEX enterprise_appeals_zone_idx ON enterprise_appeals (zone_id, raised_on);
CREATE INDEX enterprise_appeals_enterprise_idx ON enterprise_appeals (enterprise_id);
