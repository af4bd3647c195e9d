// Drizzle mirror of migrations/0006_enterprises.sql.
import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const enterpriseTags = [
  'high_tech',
  'above_size',
  'four_above',
  'specialized',
  'little_giant',
  'single_champion',
  'listing_reserve',
  'listed',
  'cloud_star',
  'smart_workshop',
  'hundred_billion',
  'ten_billion',
] as const;
export type EnterpriseTag = (typeof enterpriseTags)[number];

export const appealCategories = ['land', 'labour', 'finance', 'approval', 'utilities', 'logistics', 'other'] as const;
export type AppealCategory = (typeof appealCategories)[number];

export const satisfactions = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];

/** Entry rules of a cultivation pool: every rule given must hold (amounts in 万元). */
export interface PoolRules {
  minOutput?: string;
  /** Exclusive: below this. */
  maxOutput?: string;
  minTax?: string;
  minEmployees?: number;
  allTags?: EnterpriseTag[];
  noneTags?: EnterpriseTag[];
}
/** The next tier: an output to reach and/or a tag to gain. */
export interface PoolGoal {
  output?: string;
  tag?: EnterpriseTag;
}

export const enterprises = pgTable('enterprises', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull(),
  unitId: uuid('unit_id').notNull(),
  chain: text('chain').notNull().default(''),
  leaderName: text('leader_name').notNull().default(''),
  contact: text('contact').notNull().default(''),
  note: text('note').notNull().default(''),
  demo: boolean('demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const enterpriseFigures = pgTable('enterprise_figures', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  year: integer('year').notNull(),
  outputValue: numeric('output_value', { precision: 18, scale: 2 }),
  tax: numeric('tax', { precision: 18, scale: 2 }),
  employees: integer('employees'),
  demo: boolean('demo').notNull().default(false),
  /** migrations/0018: a year not stored yet reads version 1; a stored one is at 2 or more. */
  version: integer('version').notNull().default(2),
});

export const enterpriseTagSpans = pgTable('enterprise_tags', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  tag: text('tag').$type<EnterpriseTag>().notNull(),
  gainedOn: day('gained_on').notNull(),
  lostOn: day('lost_on'),
  note: text('note').notNull().default(''),
  /** migrations/0017 */
  version: integer('version').notNull().default(1),
});

export const enterpriseAccounts = pgTable('enterprise_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  userId: uuid('user_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const cultivationPools = pgTable('cultivation_pools', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  rules: jsonb('rules').$type<PoolRules>().notNull().default({}),
  goal: jsonb('goal').$type<PoolGoal>().notNull().default({}),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const poolMembers = pgTable('pool_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  poolId: uuid('pool_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  addedOn: day('added_on').notNull(),
  addedBy: uuid('added_by'),
  note: text('note').notNull().default(''),
});

export const enterprisePlans = pgTable('enterprise_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  year: integer('year').notNull(),
  targetOutput: numeric('target_output', { precision: 18, scale: 2 }).notNull(),
  measures: text('measures').notNull().default(''),
  leaderName: text('leader_name').notNull().default(''),
  demo: boolean('demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const planActuals = pgTable('plan_actuals', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  planId: uuid('plan_id').notNull(),
  month: integer('month').notNull(),
  output: numeric('output', { precision: 18, scale: 2 }).notNull(),
  note: text('note').notNull().default(''),
  /** migrations/0017: a month not reported yet reads version 1; a stored one is at 2 or more. */
  version: integer('version').notNull().default(2),
});

export const enterpriseVisits = pgTable('enterprise_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  visitedOn: day('visited_on').notNull(),
  visitors: text('visitors').notNull(),
  unitId: uuid('unit_id'),
  findings: text('findings').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const enterpriseAppeals = pgTable('enterprise_appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  loopItemId: uuid('loop_item_id').notNull(),
  visitId: uuid('visit_id'),
  category: text('category').$type<AppealCategory>().notNull(),
  hard: boolean('hard').notNull().default(false),
  raisedAt: ts('raised_at').notNull(),
  raisedOn: day('raised_on').notNull(),
  respondBy: day('respond_by').notNull(),
  answerBy: day('answer_by').notNull(),
  solveBy: day('solve_by').notNull(),
  respondedAt: ts('responded_at'),
  answeredAt: ts('answered_at'),
  answer: text('answer'),
  closedAt: ts('closed_at'),
  satisfaction: text('satisfaction').$type<Satisfaction>(),
  ratingNote: text('rating_note'),
  ratedAt: ts('rated_at'),
});
