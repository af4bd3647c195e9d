// Drizzle mirror of migrations/0009_auth_throttle.sql: sign-in throttling.
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull().default(0),
  windowStart: ts('window_start').notNull(),
  blockedUntil: ts('blocked_until'),
});

export const authKnownIps = pgTable(
  'auth_known_ips',
  {
    userId: uuid('user_id').notNull(),
    ip: text('ip').notNull(),
    lastAt: ts('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ip] })],
);
