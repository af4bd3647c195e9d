// Drizzle mirror of migrations/0001_foundation.sql. The SQL files are the source
// of truth; test/schema.test.ts checks that every column here exists there.
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const zones = pgTable('zones', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** migrations/0010: the date a zone that replays history is pinned to; null = today. */
  pinnedDate: date('pinned_date', { mode: 'string' }),
  /** migrations/0017: guards the pinned date (the settings carry their own version). */
  version: integer('version').notNull().default(1),
});

export const unitKinds = ['town', 'subdistrict', 'department', 'enterprise_group', 'area'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<UnitKind>().notNull(),
  rankingGroup: text('ranking_group').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const roles = ['admin', 'leader', 'supervisor', 'reporter', 'viewer', 'enterprise'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').$type<'zh' | 'en'>().notNull().default('zh'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** migrations/0016 */
  version: integer('version').notNull().default(1),
});

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role').$type<Role>().notNull(),
  unitId: uuid('unit_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  zoneId: uuid('zone_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  userId: uuid('user_id'),
  at: ts('at').notNull().defaultNow(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  unitId: uuid('unit_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
});
