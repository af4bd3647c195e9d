// Drizzle mirror of migrations/0022_instructions.sql.
import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** What a leader writes an instruction (批示) on. */
export const instructionSubjects = ['bulletin', 'indicator', 'problem', 'appeal'] as const;
export type InstructionSubject = (typeof instructionSubjects)[number];

/** 领导批示: the loop item (kind 'instruction') holds text, units, deadline and state. */
export const instructions = pgTable('instructions', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  loopItemId: uuid('loop_item_id').notNull(),
  subjectType: text('subject_type').$type<InstructionSubject>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  /** The indicator's month, 'YYYY-MM'; null for other subjects. */
  period: text('period'),
  leaderId: uuid('leader_id').notNull(),
  /** The zone's date when written and when closed (办结). */
  writtenOn: day('written_on').notNull(),
  closedOn: day('closed_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
