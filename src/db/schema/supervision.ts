// Drizzle mirror of migrations/0005_supervision.sql.
import { boolean, date, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const supervisionDocumentKinds = ['speech', 'pledge', 'report'] as const;
export type SupervisionDocumentKind = (typeof supervisionDocumentKinds)[number];
export const taskOrigins = ['task', 'pledge'] as const;
export const taskPriorities = ['normal', 'high', 'top'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export const taskCadences = ['dekad', 'month'] as const;
export type TaskCadence = (typeof taskCadences)[number];
export const requestKinds = ['reword', 'explain', 'long_term'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestStatuses = ['pending', 'approved', 'rejected'] as const;

export const supervisionDocuments = pgTable('supervision_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  title: text('title').notNull(),
  kind: text('kind').$type<SupervisionDocumentKind>().notNull(),
  year: integer('year').notNull(),
  /** the day it was given or issued, when the user gave it (0027) */
  issuedOn: day('issued_on'),
  body: text('body').notNull(),
  fileId: uuid('file_id'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const supervisionTasks = pgTable('supervision_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  loopItemId: uuid('loop_item_id').notNull(),
  documentId: uuid('document_id'),
  sourceStart: integer('source_start'),
  sourceEnd: integer('source_end'),
  origin: text('origin').$type<(typeof taskOrigins)[number]>().notNull().default('task'),
  text: text('text').notNull(),
  quantityTarget: numeric('quantity_target'),
  quantityUnit: text('quantity_unit'),
  quantityLabel: text('quantity_label'),
  atLeast: boolean('at_least').notNull().default(false),
  priority: text('priority').$type<TaskPriority>().notNull().default('normal'),
  leaderName: text('leader_name'),
  campaign: text('campaign'),
  cadence: text('cadence').$type<TaskCadence>().notNull().default('month'),
  longTerm: boolean('long_term').notNull().default(false),
  explained: boolean('explained').notNull().default(false),
  slipCount: integer('slip_count').notNull().default(0),
  percent: numeric('percent'),
  reached: numeric('reached'),
  lastReportAt: ts('last_report_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const supervisionResults = pgTable('supervision_results', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  documentId: uuid('document_id').notNull(),
  sourceStart: integer('source_start').notNull(),
  sourceEnd: integer('source_end').notNull(),
  text: text('text').notNull(),
  indicator: text('indicator').notNull(),
  value: numeric('value'),
  unit: text('unit'),
  yoy: numeric('yoy'),
  period: text('period'),
  unitId: uuid('unit_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const supervisionProgress = pgTable('supervision_progress', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  taskId: uuid('task_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  authorId: uuid('author_id'),
  role: text('role').$type<'lead' | 'supporting'>().notNull(),
  period: text('period').notNull(),
  body: text('body').notNull(),
  percent: numeric('percent'),
  reached: numeric('reached'),
  fileIds: uuid('file_ids').array().notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const supervisionDelays = pgTable('supervision_delays', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  taskId: uuid('task_id').notNull(),
  missedDeadline: day('missed_deadline').notNull(),
  reason: text('reason'),
  reasonBy: uuid('reason_by'),
  reasonAt: ts('reason_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** migrations/0017: guards the reason (a deadline without a delay row reads version 1). */
  version: integer('version').notNull().default(1),
});

export const supervisionRequests = pgTable('supervision_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  taskId: uuid('task_id').notNull(),
  kind: text('kind').$type<RequestKind>().notNull(),
  body: text('body').notNull(),
  proposedText: text('proposed_text'),
  unitId: uuid('unit_id').notNull(),
  requestedBy: uuid('requested_by'),
  status: text('status').$type<(typeof requestStatuses)[number]>().notNull().default('pending'),
  decisionNote: text('decision_note'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** migrations/0017 */
  version: integer('version').notNull().default(1),
});

export const supervisionNotices = pgTable('supervision_notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  taskId: uuid('task_id').notNull(),
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  number: text('number').notNull(),
  unitId: uuid('unit_id').notNull(),
  requirements: text('requirements').notNull(),
  requiredBy: day('required_by').notNull(),
  issuer: text('issuer').notNull(),
  issuedOn: day('issued_on').notNull(),
  issuedBy: uuid('issued_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
