// Drizzle mirror of migrations/0021_hazards.sql.
import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 安全生产 / 信访稳定 / 生态环保 */
export const hazardCategories = ['safety', 'petition', 'environment'] as const;
export type HazardCategory = (typeof hazardCategories)[number];
/** 一般 / 重大 */
export const hazardLevels = ['general', 'major'] as const;
export type HazardLevel = (typeof hazardLevels)[number];

export const hazards = pgTable('hazards', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  loopItemId: uuid('loop_item_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  campaignId: uuid('campaign_id'),
  category: text('category').$type<HazardCategory>().notNull(),
  level: text('level').$type<HazardLevel>().notNull(),
  foundOn: day('found_on').notNull(),
  dueOn: day('due_on').notNull(),
  location: text('location').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
});
