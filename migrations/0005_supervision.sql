-- Supervision (督查督办): source documents (speeches, reports, unit pledges), the
-- tasks confirmed from them (each one an item of the shared closed loop, kind
-- 'task'), progress reports, missed deadlines with their reasons, requests to the
-- supervisor with the decision, and supervision notices (督办单).

CREATE TABLE supervision_documents (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  title       text NOT NULL,
  -- speech: a leader's speech or meeting report; pledge: units' pledges (seed 000)
  kind        text NOT NULL CHECK (kind IN ('speech','pledge','report')),
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  body        text NOT NULL,
  file_id     uuid REFERENCES files(id),
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_documents_zone_idx ON supervision_documents (zone_id, created_at DESC);

CREATE TABLE supervision_tasks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id         uuid NOT NULL REFERENCES zones(id),
  loop_item_id    uuid NOT NULL UNIQUE REFERENCES loop_items(id),
  document_id     uuid REFERENCES supervision_documents(id),
  -- the sentence in the source: body.slice(source_start, source_end)
  source_start    integer,
  source_end      integer,
  origin          text NOT NULL DEFAULT 'task' CHECK (origin IN ('task','pledge')),
  text            text NOT NULL,
  quantity_target numeric,
  quantity_unit   text,
  quantity_label  text,
  at_least        boolean NOT NULL DEFAULT false,
  priority        text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal','high','top')),
  leader_name     text,
  campaign        text,
  cadence         text NOT NULL DEFAULT 'month' CHECK (cadence IN ('dekad','month')),
  long_term       boolean NOT NULL DEFAULT false,
  explained       boolean NOT NULL DEFAULT false,
  slip_count      integer NOT NULL DEFAULT 0,
  percent         numeric,
  reached         numeric,
  last_report_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (source_end IS NULL OR source_end >= source_start)
);
CREATE INDEX supervision_tasks_zone_idx ON supervision_tasks (zone_id, origin);
CREATE INDEX supervision_tasks_doc_idx ON supervision_tasks (document_id);

-- Reported figures of a report sentence ("完成一般公共预算收入18.56亿元、同比增长36.7%").
CREATE TABLE supervision_results (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  document_id   uuid NOT NULL REFERENCES supervision_documents(id),
  source_start  integer NOT NULL,
  source_end    integer NOT NULL,
  text          text NOT NULL,
  indicator     text NOT NULL,
  value         numeric,
  unit          text,
  yoy           numeric,
  period        text,
  unit_id       uuid REFERENCES units(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_results_doc_idx ON supervision_results (document_id);

CREATE TABLE supervision_progress (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id     uuid NOT NULL REFERENCES zones(id),
  task_id     uuid NOT NULL REFERENCES supervision_tasks(id),
  unit_id     uuid NOT NULL REFERENCES units(id),
  author_id   uuid REFERENCES users(id),
  -- 'lead' or 'supporting': which part the reporting unit plays
  role        text NOT NULL CHECK (role IN ('lead','supporting')),
  -- the reporting period, e.g. 2022-08 (每月) or 2022-08-2 (每旬, the second dekad)
  period      text NOT NULL,
  body        text NOT NULL,
  percent     numeric CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
  reached     numeric CHECK (reached IS NULL OR reached >= 0),
  file_ids    uuid[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_progress_task_idx ON supervision_progress (task_id, created_at);

-- One row per missed deadline: the slip count is their number.
CREATE TABLE supervision_delays (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id         uuid NOT NULL REFERENCES zones(id),
  task_id         uuid NOT NULL REFERENCES supervision_tasks(id),
  missed_deadline date NOT NULL,
  reason          text,
  reason_by       uuid REFERENCES users(id),
  reason_at       timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, missed_deadline)
);

CREATE TABLE supervision_requests (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id       uuid NOT NULL REFERENCES zones(id),
  task_id       uuid NOT NULL REFERENCES supervision_tasks(id),
  -- reword: change the task's text; explain: accept an explanation instead of the
  -- result; long_term: follow up over the long term rather than by the deadline
  kind          text NOT NULL CHECK (kind IN ('reword','explain','long_term')),
  body          text NOT NULL,
  proposed_text text,
  unit_id       uuid NOT NULL REFERENCES units(id),
  requested_by  uuid REFERENCES users(id),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
  decision_note text,
  decided_by    uuid REFERENCES users(id),
  decided_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_requests_task_idx ON supervision_requests (task_id, created_at);

CREATE TABLE supervision_notices (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id      uuid NOT NULL REFERENCES zones(id),
  task_id      uuid NOT NULL REFERENCES supervision_tasks(id),
  year         integer NOT NULL,
  seq          integer NOT NULL CHECK (seq > 0),
  -- e.g. 经开督〔2022〕3号
  number       text NOT NULL,
  unit_id      uuid NOT NULL REFERENCES units(id),
  requirements text NOT NULL,
  required_by  date NOT NULL,
  issuer       text NOT NULL,
  issued_on    date NOT NULL,
  issued_by    uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, year, seq)
);
CREATE INDEX supervision_notices_task_idx ON supervision_notices (task_id);
