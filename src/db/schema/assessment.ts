// Drizzle mirror of migrations/0007_assessment.sql: assessment schemes,
// adjustments, frozen results, and bulletins with their settings and exports.
import { boolean, customType, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const periodKinds = ['month', 'quarter', 'half', 'year', 'campaign'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const assessmentSchemes = pgTable('assessment_schemes', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  periodKind: text('period_kind').$type<PeriodKind>().notNull(),
  period: text('period').notNull(),
  campaignId: uuid('campaign_id'),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  rankingGroup: text('ranking_group').notNull(),
  items: jsonb('items').$type<unknown[]>().notNull(),
  redFlagPolicy: text('red_flag_policy').$type<'all_tied' | 'unique_only'>().notNull().default('all_tied'),
  state: text('state').$type<'draft' | 'published'>().notNull().default('draft'),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  demo: boolean('demo').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const assessmentAdjustments = pgTable('assessment_adjustments', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  schemeId: uuid('scheme_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  points: numeric('points', { precision: 8, scale: 2 }).notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const assessmentResults = pgTable('assessment_results', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  schemeId: uuid('scheme_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  base: numeric('base', { precision: 8, scale: 2 }).notNull(),
  adjustment: numeric('adjustment', { precision: 8, scale: 2 }).notNull(),
  total: numeric('total', { precision: 8, scale: 2 }).notNull(),
  rank: integer('rank'),
  redFlag: boolean('red_flag').notNull().default(false),
  prevRank: integer('prev_rank'),
  rankChange: integer('rank_change'),
  items: jsonb('items').$type<unknown[]>().notNull(),
  adjustments: jsonb('adjustments').$type<unknown[]>().notNull().default([]),
  computedAt: ts('computed_at').notNull().defaultNow(),
});

export const bulletinSettings = pgTable('bulletin_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  issuer: text('issuer').notNull().default(''),
  leadSpec: jsonb('lead_spec').$type<unknown[]>().notNull().default([]),
  copyTo: jsonb('copy_to').$type<string[]>().notNull().default([]),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** migrations/0016 */
  version: integer('version').notNull().default(1),
});

export const bulletins = pgTable('bulletins', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  periodKind: text('period_kind').$type<PeriodKind>().notNull(),
  period: text('period').notNull(),
  title: text('title').notNull(),
  issueNo: text('issue_no').notNull().default(''),
  lead: text('lead').notNull(),
  closing: text('closing').notNull().default(''),
  copyTo: jsonb('copy_to').$type<string[]>().notNull().default([]),
  printOffice: text('print_office').notNull().default(''),
  printDate: date('print_date', { mode: 'string' }),
  schemeId: uuid('scheme_id'),
  content: jsonb('content').$type<unknown>().notNull(),
  state: text('state').$type<'draft' | 'published'>().notNull().default('draft'),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  demo: boolean('demo').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const bulletinExports = pgTable('bulletin_exports', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  bulletinId: uuid('bulletin_id').notNull(),
  format: text('format').$type<'docx' | 'xlsx'>().notNull(),
  name: text('name').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
