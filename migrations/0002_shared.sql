-- Shared mechanisms: the closed loop (problems, tasks, hazards, appeals), stored
-- files, notifications, background jobs with progress, and scheduled-job claims.

-- One row per item in a closed loop, whatever domain raised it; the domain keeps
-- its own row beside it (subject_type/subject_id) for what only it knows.
CREATE TABLE loop_items (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id             uuid NOT NULL REFERENCES zones(id),
  kind                text NOT NULL CHECK (kind IN ('problem','task','hazard','appeal')),
  subject_type        text,
  subject_id          uuid,
  category            text,
  title               text NOT NULL,
  detail              text NOT NULL DEFAULT '',
  state               text NOT NULL CHECK (state IN ('found','assigned','rectifying','verifying','closed','returned')),
  raised_by           uuid REFERENCES users(id),
  raised_unit_id      uuid REFERENCES units(id),
  assignee_unit_id    uuid REFERENCES units(id),
  supporting_unit_ids uuid[] NOT NULL DEFAULT '{}',
  deadline            date,
  amber_days          integer NOT NULL DEFAULT 3 CHECK (amber_days BETWEEN 0 AND 60),
  escalation          integer NOT NULL DEFAULT 0,
  closed_at           timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX loop_items_zone_state_idx ON loop_items (zone_id, kind, state, deadline);
CREATE INDEX loop_items_assignee_idx ON loop_items (zone_id, assignee_unit_id);
CREATE INDEX loop_items_subject_idx ON loop_items (zone_id, subject_type, subject_id);

CREATE TABLE loop_events (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id          uuid NOT NULL REFERENCES zones(id),
  item_id          uuid NOT NULL REFERENCES loop_items(id),
  action           text NOT NULL,
  from_state       text,
  to_state         text,
  actor_id         uuid REFERENCES users(id),
  actor_unit_id    uuid REFERENCES units(id),
  reason           text,
  note             text,
  assignee_unit_id uuid REFERENCES units(id),
  deadline         date,
  file_ids         uuid[] NOT NULL DEFAULT '{}',
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loop_events_item_idx ON loop_events (item_id, at);

-- Uploaded files live in the database, so any API process can serve them and a
-- zone backup carries them.
CREATE TABLE files (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  name        text NOT NULL,
  mime        text NOT NULL,
  size        integer NOT NULL,
  sha256      text NOT NULL,
  data        bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  unit_id     uuid REFERENCES units(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_zone_idx ON files (zone_id, created_at);

CREATE TABLE notifications (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id    uuid NOT NULL REFERENCES zones(id),
  -- to one user, or to every account of a unit, or (both null) to the supervisors
  user_id    uuid REFERENCES users(id),
  unit_id    uuid REFERENCES units(id),
  kind       text NOT NULL,
  level      text NOT NULL DEFAULT 'info' CHECK (level IN ('info','warning','danger')),
  title      text NOT NULL,
  body       text NOT NULL DEFAULT '',
  link       text,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz,
  UNIQUE (zone_id, dedupe_key)
);
CREATE INDEX notifications_zone_idx ON notifications (zone_id, created_at DESC);

-- Long work (imports, bulletin builds) reports progress here, so whichever API
-- process the client polls can answer.
CREATE TABLE jobs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  kind        text NOT NULL,
  status      text NOT NULL CHECK (status IN ('running','succeeded','failed')),
  progress    integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  message     text NOT NULL DEFAULT '',
  result      jsonb,
  errors      jsonb,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_zone_idx ON jobs (zone_id, created_at DESC);

-- A scheduled run is claimed by inserting its key; the unique key makes sure one
-- process does it however many run.
CREATE TABLE job_runs (
  name       text NOT NULL,
  run_key    text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, run_key)
);
