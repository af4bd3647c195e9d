-- Foundation: zones (tenants), units, users and their zone memberships,
-- database-held sessions, login throttling and the audit log.
-- Every tenant table carries zone_id; ids are UUIDs so a zone's rows can be
-- dumped and restored anywhere without sequence fix-ups.

CREATE TABLE zones (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_-]{1,31}$'),
  name        text NOT NULL,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  code          text NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('town','subdistrict','department','enterprise_group','area')),
  ranking_group text NOT NULL,
  sort_order    integer NOT NULL DEFAULT 0,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, code),
  UNIQUE (zone_id, name)
);
CREATE INDEX units_zone_idx ON units (zone_id, sort_order);

-- Users are global (one person may work for several zones); what they may do
-- in a zone comes from their membership there.
CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  locale        text NOT NULL DEFAULT 'zh' CHECK (locale IN ('zh','en')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id    uuid NOT NULL REFERENCES zones(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  role       text NOT NULL CHECK (role IN ('admin','leader','supervisor','reporter','viewer','enterprise')),
  unit_id    uuid REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, user_id),
  -- unit-bound roles need their unit
  CHECK (role NOT IN ('reporter','viewer') OR unit_id IS NOT NULL)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Session ids are stored as SHA-256 hashes: a database leak gives no live cookie.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id),
  zone_id      uuid NOT NULL REFERENCES zones(id),
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

-- Failed logins, counted per username and per client address in a window.
CREATE TABLE login_failures (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username   text NOT NULL,
  ip         text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_user_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

CREATE TABLE audit_log (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id    uuid NOT NULL REFERENCES zones(id),
  user_id    uuid REFERENCES users(id),
  at         timestamptz NOT NULL DEFAULT now(),
  action     text NOT NULL,
  entity     text NOT NULL,
  entity_id  text,
  unit_id    uuid REFERENCES units(id),
  before     jsonb,
  after      jsonb,
  ip         text
);
CREATE INDEX audit_zone_at_idx ON audit_log (zone_id, at DESC);
CREATE INDEX audit_zone_entity_idx ON audit_log (zone_id, entity, entity_id);
