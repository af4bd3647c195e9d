// Drizzle mirror of migrations/0002_shared.sql.
import { customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { LoopEventAction, LoopState } from '../../shared/loop/states';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const loopKinds = ['problem', 'task', 'hazard', 'appeal', 'instruction'] as const;
export type LoopKind = (typeof loopKinds)[number];

export const loopItems = pgTable('loop_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  kind: text('kind').$type<LoopKind>().notNull(),
  subjectType: text('subject_type'),
  subjectId: uuid('subject_id'),
  category: text('category'),
  title: text('title').notNull(),
  detail: text('detail').notNull().default(''),
  state: text('state').$type<LoopState>().notNull(),
  raisedBy: uuid('raised_by'),
  raisedUnitId: uuid('raised_unit_id'),
  assigneeUnitId: uuid('assignee_unit_id'),
  supportingUnitIds: uuid('supporting_unit_ids').array().notNull().default([]),
  deadline: day('deadline'),
  amberDays: integer('amber_days').notNull().default(3),
  escalation: integer('escalation').notNull().default(0),
  closedAt: ts('closed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const loopEvents = pgTable('loop_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  itemId: uuid('item_id').notNull(),
  action: text('action').$type<LoopEventAction>().notNull(),
  fromState: text('from_state').$type<LoopState>(),
  toState: text('to_state').$type<LoopState>(),
  actorId: uuid('actor_id'),
  actorUnitId: uuid('actor_unit_id'),
  reason: text('reason'),
  note: text('note'),
  assigneeUnitId: uuid('assignee_unit_id'),
  deadline: day('deadline'),
  fileIds: uuid('file_ids').array().notNull().default([]),
  at: ts('at').notNull().defaultNow(),
});

export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: uuid('uploaded_by'),
  unitId: uuid('unit_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  userId: uuid('user_id'),
  unitId: uuid('unit_id'),
  kind: text('kind').notNull(),
  level: text('level').$type<'info' | 'warning' | 'danger'>().notNull().default('info'),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  link: text('link'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
  /** 0012: the object repeats are about; the bell groups on it. */
  subject: text('subject'),
});

/** 0012: a unit's own group robot. */
export const unitWebhooks = pgTable('unit_webhooks', {
  unitId: uuid('unit_id').primaryKey(),
  zoneId: uuid('zone_id').notNull(),
  url: text('url').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** migrations/0017: a unit without a robot reads version 1; a stored one is at 2 or more. */
  version: integer('version').notNull().default(2),
});

export const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  kind: text('kind').notNull(),
  status: text('status').$type<'running' | 'succeeded' | 'failed'>().notNull(),
  progress: integer('progress').notNull().default(0),
  message: text('message').notNull().default(''),
  result: jsonb('result'),
  errors: jsonb('errors'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
  /** migrations/0013: the running process keeps moving it forward; past it, the job is dead. */
  leaseUntil: ts('lease_until').notNull().default(sql`now() + interval '2 minutes'`),
});

export const jobRuns = pgTable(
  'job_runs',
  {
    name: text('name').notNull(),
    runKey: text('run_key').notNull(),
    claimedAt: ts('claimed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.name, t.runKey] })],
);
