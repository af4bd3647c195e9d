// Drizzle mirror of migrations/0003_targets.sql.
import { bigint, boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const indicatorKinds = ['flow', 'stock', 'count', 'ratio'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const aggregations = ['sum', 'zone_reported'] as const;
export type Aggregation = (typeof aggregations)[number];
export const fillMethods = ['manual', 'feed', 'system'] as const;
export type FillMethod = (typeof fillMethods)[number];
export const progressModes = ['days', 'months'] as const;
export type ProgressMode = (typeof progressModes)[number];
export const figureStates = ['draft', 'submitted', 'approved', 'returned'] as const;
export type FigureState = (typeof figureStates)[number];
/** migrations/0024: reported by month only, or by dekad (旬) as well. */
export const rhythms = ['month', 'dekad'] as const;
export type Rhythm = (typeof rhythms)[number];
export const campaignItemTypes = ['project', 'task'] as const;
export type CampaignItemType = (typeof campaignItemTypes)[number];

export const indicators = pgTable('indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  measure: text('measure').notNull(),
  kind: text('kind').$type<IndicatorKind>().notNull(),
  higherIsBetter: boolean('higher_is_better').notNull().default(true),
  aggregation: text('aggregation').$type<Aggregation>().notNull().default('sum'),
  decimals: integer('decimals').notNull().default(2),
  fillMethod: text('fill_method').$type<FillMethod>().notNull().default('manual'),
  progressMode: text('progress_mode').$type<ProgressMode>().notNull().default('days'),
  numeratorCode: text('numerator_code'),
  denominatorCode: text('denominator_code'),
  zoneUnitId: uuid('zone_unit_id'),
  parentCode: text('parent_code'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  /** migrations/0020: the feed key ('enterprises.net_high_tech', …) that fills a system-filled indicator. */
  feed: text('feed'),
  /** migrations/0024: 'dekad' — also reported by dekad (旬), year to date. */
  rhythm: text('rhythm').$type<Rhythm>().notNull().default('month'),
});

export const targets = pgTable('targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  indicatorId: uuid('indicator_id').notNull(),
  unitId: uuid('unit_id'),
  year: integer('year').notNull(),
  floor: numeric('floor').notNull(),
  stretch: numeric('stretch'),
  monthlyPlan: jsonb('monthly_plan').$type<string[] | null>(),
  demo: boolean('demo').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** migrations/0017: no target for the indicator, unit and year reads version 1; a stored one is at 2 or more. */
  version: integer('version').notNull().default(2),
});

export const figures = pgTable('figures', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  indicatorId: uuid('indicator_id').notNull(),
  unitId: uuid('unit_id'),
  period: text('period').notNull(),
  value: numeric('value').notNull(),
  prevYear: numeric('prev_year'),
  note: text('note').notNull().default(''),
  fileIds: uuid('file_ids').array().notNull().default([]),
  state: text('state').$type<FigureState>().notNull(),
  returnReason: text('return_reason'),
  source: text('source').$type<FillMethod>().notNull().default('manual'),
  sourceName: text('source_name'),
  enteredBy: uuid('entered_by'),
  submittedAt: ts('submitted_at'),
  approvedBy: uuid('approved_by'),
  approvedAt: ts('approved_at'),
  correctionReason: text('correction_reason'),
  correctedAt: ts('corrected_at'),
  demo: boolean('demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** migrations/0024: a dekad's year-to-date figure (unit null: a zone figure). */
export const dekadFigures = pgTable('dekad_figures', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  indicatorId: uuid('indicator_id').notNull(),
  unitId: uuid('unit_id'),
  period: text('period').notNull(),
  dekad: integer('dekad').$type<1 | 2 | 3>().notNull(),
  value: numeric('value').notNull(),
  note: text('note').notNull().default(''),
  enteredBy: uuid('entered_by'),
  demo: boolean('demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const periodLocks = pgTable('period_locks', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  period: text('period').notNull(),
  lockedBy: uuid('locked_by'),
  lockedAt: ts('locked_at').notNull().defaultNow(),
});

export const targetSettings = pgTable('target_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  deadlineDay: integer('deadline_day').notNull().default(5),
  remindDaysBefore: integer('remind_days_before').notNull().default(2),
  amberPoints: numeric('amber_points').notNull().default('10'),
  redPoints: numeric('red_points').notNull().default('30'),
  /** 0012: percent a figure may leave last month's pace before a note is needed. */
  moveWarnPercent: numeric('move_warn_percent').notNull().default('50'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** migrations/0016 */
  version: integer('version').notNull().default(1),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  unitIds: uuid('unit_ids').array().notNull().default([]),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** migrations/0017 */
  version: integer('version').notNull().default(1),
});

export const campaignIndicators = pgTable('campaign_indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  indicatorId: uuid('indicator_id').notNull(),
});

export const campaignItems = pgTable('campaign_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  itemType: text('item_type').$type<CampaignItemType>().notNull(),
  itemId: uuid('item_id').notNull(),
  title: text('title').notNull(),
});

/** migrations/0008: moves on every write the cockpit reads (triggers); keys the cockpit cache. */
export const zoneDataVersions = pgTable('zone_data_versions', {
  zoneId: uuid('zone_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
