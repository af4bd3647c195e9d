// Response schemas of the enterprise domain (register, counts, pools, plans,
// visits, appeals and the enterprise user's own routes). A zod object strips
// keys it does not name when the reply is serialised, so each shape lists every
// field its service returns; the checks at the end fail the typecheck when a
// service gains a field a schema forgets (schemaChecks.ts, kept apart so this file imports no service). Input schemas carry transforms
// (trim, defaults) and are not reused here.
// Timestamps are Date (z.date()), days 'YYYY-MM-DD' (isoDate), amounts numeric strings (万元).
import { z } from 'zod';
import { appealCategories, enterpriseTags, satisfactions } from '../../db/schema';
import { isoDate } from '../../shared/http';
import { LOOP_ACTIONS, LOOP_EVENT_ACTIONS, LOOP_STATES } from '../../shared/loop/machine';
import { loopItemBody } from '../../shared/loop/routes';
import { pageOf } from '../../shared/pagination';

const tag = z.enum(enterpriseTags);
/** An amount in 万元 (or a percentage), exact. */
const amount = z.string().describe('decimal amount');

// ---------------------------------------------------------------- register
export const enterpriseRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  unitId: z.string(),
  chain: z.string(),
  leaderName: z.string(),
  contact: z.string(),
  note: z.string(),
  demo: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});

export const enterprisePageBody = pageOf(
  enterpriseRow.extend({
    unitName: z.string(),
    year: z.number().int(),
    outputValue: amount.nullable(),
    tax: amount.nullable(),
    employees: z.number().int().nullable(),
    tags: z.array(tag).describe('tags held today'),
  }),
);

export const figureRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  year: z.number().int(),
  outputValue: amount.nullable(),
  tax: amount.nullable(),
  employees: z.number().int().nullable(),
  demo: z.boolean(),
  version: z.number().int(),
});

export const tagSpanRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  tag,
  gainedOn: isoDate,
  lostOn: isoDate.nullable(),
  note: z.string(),
  version: z.number(),
});

export const planRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  year: z.number().int(),
  targetOutput: amount,
  measures: z.string(),
  leaderName: z.string(),
  demo: z.boolean(),
  createdAt: z.date(),
  version: z.number().int(),
});

export const poolOf = z.object({ id: z.string(), name: z.string(), addedOn: isoDate });
export const appealCounts = z.object({ enterpriseId: z.string().optional(), open: z.number().int(), total: z.number().int() });
export const accountBody = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
export const accountRow = accountBody.extend({ disabled: z.boolean() });

/** One enterprise as staff see it. */
export const enterpriseDetailBody = enterpriseRow.extend({
  unitName: z.string(),
  figures: z.array(figureRow),
  tags: z.array(tagSpanRow),
  pools: z.array(poolOf),
  plans: z.array(planRow),
  appeals: appealCounts,
  accounts: z.array(accountRow),
});

/** The enterprise user's own enterprise: no internal note, plans or accounts. */
export const myEnterpriseBody = enterpriseDetailBody.omit({ note: true, plans: true, accounts: true });

export const countsBody = z.object({
  year: z.number().int(),
  from: isoDate,
  to: isoDate,
  counts: z.array(
    z.object({
      indicatorCode: z.string(),
      tag,
      measure: z.enum(['net', 'gained']),
      zh: z.string(),
      en: z.string(),
      before: z.number().int(),
      after: z.number().int(),
      gained: z.number().int(),
      lost: z.number().int(),
      net: z.number().int(),
      value: z.number().int(),
    }),
  ),
});

// ---------------------------------------------------------------- pools
export const poolRules = z.object({
  minOutput: amount.optional(),
  maxOutput: amount.optional(),
  minTax: amount.optional(),
  minEmployees: z.number().int().optional(),
  allTags: z.array(tag).optional(),
  noneTags: z.array(tag).optional(),
});
export const poolGoal = z.object({ output: amount.optional(), tag: tag.optional() });

export const poolRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  rules: poolRules,
  goal: poolGoal,
  sortOrder: z.number().int(),
  createdAt: z.date(),
  version: z.number().int(),
});

export const poolList = z.array(poolRow.extend({ members: z.number().int(), candidates: z.number().int(), reached: z.number().int() }));

export const progress = z.object({ percent: amount.nullable(), gap: amount.nullable(), tagHeld: z.boolean().nullable(), reached: z.boolean() });
export const snapshot = z.object({
  id: z.string(),
  name: z.string(),
  chain: z.string(),
  unitName: z.string(),
  outputValue: amount.nullable(),
  tax: amount.nullable(),
  employees: z.number().int().nullable(),
  tags: z.array(tag).readonly(),
  progress,
});

export const poolDetailBody = z.object({
  pool: poolRow,
  year: z.number().int(),
  members: z.array(snapshot.extend({ addedOn: isoDate, note: z.string(), meetsRules: z.boolean() })),
  candidates: z.array(snapshot),
  today: isoDate,
});

export const memberRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  poolId: z.string(),
  enterpriseId: z.string(),
  addedOn: isoDate,
  addedBy: z.string().nullable(),
  note: z.string(),
});

// ---------------------------------------------------------------- plans
export const assessment = z.object({
  actual: amount.nullable(),
  target: amount.nullable(),
  completion: amount.nullable(),
  expectedShare: amount.nullable(),
  gap: amount.nullable(),
  status: z.enum(['ahead', 'on_track', 'slightly_behind', 'far_behind']).nullable(),
  yoy: amount.nullable(),
  doubleHalf: z.boolean(),
});

export const planList = z.array(
  planRow.extend({
    enterpriseName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    month: z.number().int().nullable(),
    actual: amount.nullable(),
    assessment: assessment.nullable(),
  }),
);

export const planDetailBody = planRow.extend({
  enterpriseName: z.string(),
  unitId: z.string(),
  months: z.array(z.object({ month: z.number().int(), output: amount, note: z.string(), version: z.number(), assessment })),
});

export const actualRow = z.object({ id: z.string(), zoneId: z.string(), planId: z.string(), month: z.number().int(), output: amount, note: z.string(), version: z.number() });

// ---------------------------------------------------------------- visits
export const visitRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  visitedOn: isoDate,
  visitors: z.string(),
  unitId: z.string().nullable(),
  findings: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

export const visitPage = pageOf(visitRow.extend({ enterpriseName: z.string(), unitName: z.string().nullable() }));

// ---------------------------------------------------------------- appeals
/** The stored appeal (writes return it). */
export const appealRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  loopItemId: z.string(),
  visitId: z.string().nullable(),
  category: z.enum(appealCategories),
  hard: z.boolean(),
  raisedAt: z.date(),
  raisedOn: isoDate,
  respondBy: isoDate,
  answerBy: isoDate,
  solveBy: isoDate,
  respondedAt: z.date().nullable(),
  answeredAt: z.date().nullable(),
  answer: z.string().nullable(),
  closedAt: z.date().nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  ratingNote: z.string().nullable(),
  ratedAt: z.date().nullable(),
});

/** An appeal after a change of its own (answer, rating, withdrawal), with the version to send next. */
export const appealVersioned = appealRow.extend({ version: z.number().int() });

/** The appeal with its loop item's title, state, deadline and light. */
export const appealView = appealRow.extend({
  title: z.string(),
  detail: z.string(),
  state: loopItemBody.shape.state,
  deadline: isoDate.nullable(),
  escalation: z.number().int(),
  version: z.number().int(),
  assigneeUnitId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  enterpriseName: z.string(),
  light: loopItemBody.shape.light,
});

export const appealPage = pageOf(appealView);

export const eventRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  itemId: z.string(),
  action: z.enum(LOOP_EVENT_ACTIONS),
  fromState: z.enum(LOOP_STATES).nullable(),
  toState: z.enum(LOOP_STATES).nullable(),
  actorId: z.string().nullable(),
  actorUnitId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  assigneeUnitId: z.string().nullable(),
  deadline: isoDate.nullable(),
  fileIds: z.array(z.string()),
  at: z.date(),
});

export const appealDetailBody = z.object({
  appeal: appealView,
  events: z.array(eventRow),
  allowedActions: z.array(z.object({ action: z.enum(LOOP_ACTIONS), requires: z.array(z.string()) })),
  canAnswer: z.boolean(),
});

/** The enterprise's view of its appeal: the history without internal ids. */
export const myAppealDetailBody = z.object({
  appeal: appealView,
  events: z.array(z.object({ action: z.enum(LOOP_EVENT_ACTIONS), at: z.date(), unitName: z.string().nullable(), note: z.string().nullable(), reason: z.string().nullable() })),
  canRate: z.boolean(),
  canWithdraw: z.boolean(),
});

export const unitStats = z.object({
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  total: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  respondedOnTime: z.number().int(),
  overdue: z.number().int(),
  avgResponseHours: amount.nullable(),
  avgClosureDays: amount.nullable(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  satisfactionRate: amount.nullable().describe('percent, one decimal'),
});

export const appealStatsBody = z.object({
  from: isoDate,
  to: isoDate,
  byUnit: z.array(unitStats),
  total: unitStats,
  byCategory: z.array(z.object({ category: z.enum(appealCategories), count: z.number().int() })),
});
