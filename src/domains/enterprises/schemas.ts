// Response schemas of the enterprise domain (register, counts, pools, plans,
// visits, appeals and the enterprise user's own routes). A zod object strips
// keys it does not name when the reply is serialised, so each shape lists every
// field its service returns; the checks at the end fail the typecheck when a
// service gains a field a schema forgets. Input schemas carry transforms
// (trim, defaults) and are not reused here.
// Timestamps are Date (z.date()), days 'YYYY-MM-DD' (isoDate), amounts numeric strings (万元).
import { z } from 'zod';
import { appealCategories, enterpriseTags, satisfactions } from '../../db/schema';
import { isoDate } from '../../shared/http';
import { LOOP_ACTIONS } from '../../shared/loop/machine';
import { loopItemBody } from '../../shared/loop/routes';
import { pageOf } from '../../shared/pagination';
import type { createEnterpriseAccount, listEnterpriseAccounts } from './accounts';
import type { answerAppeal, appealDetail, appealStatistics, listAppeals, myAppealDetail, raiseAppeal } from './appeals';
import type { zoneCounts } from './counts';
import type { createPlan, listPlans, planDetail, setActual } from './plans';
import type { addMember, createPool, listPools, poolDetail, poolsOf } from './pools';
import type { addTag, enterpriseDetail, listEnterprises, setFigures, updateEnterprise } from './register';
import type { myEnterprise } from './appealRoutes';
import type { enterprisePage } from './routes';
import type { createVisit, listVisits } from './visits';

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
});

export const tagSpanRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  tag,
  gainedOn: isoDate,
  lostOn: isoDate.nullable(),
  note: z.string(),
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

const poolOf = z.object({ id: z.string(), name: z.string(), addedOn: isoDate });
const appealCounts = z.object({ enterpriseId: z.string().optional(), open: z.number().int(), total: z.number().int() });
export const accountBody = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
const accountRow = accountBody.extend({ disabled: z.boolean() });

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
const poolRules = z.object({
  minOutput: amount.optional(),
  maxOutput: amount.optional(),
  minTax: amount.optional(),
  minEmployees: z.number().int().optional(),
  allTags: z.array(tag).optional(),
  noneTags: z.array(tag).optional(),
});
const poolGoal = z.object({ output: amount.optional(), tag: tag.optional() });

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

const progress = z.object({ percent: amount.nullable(), gap: amount.nullable(), tagHeld: z.boolean().nullable(), reached: z.boolean() });
const snapshot = z.object({
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
const assessment = z.object({
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
  months: z.array(z.object({ month: z.number().int(), output: amount, note: z.string(), assessment })),
});

export const actualRow = z.object({ id: z.string(), zoneId: z.string(), planId: z.string(), month: z.number().int(), output: amount, note: z.string() });

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

const eventRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  itemId: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
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
  events: z.array(z.object({ action: z.string(), at: z.date(), unitName: z.string().nullable(), note: z.string().nullable(), reason: z.string().nullable() })),
  canRate: z.boolean(),
  canWithdraw: z.boolean(),
});

const unitStats = z.object({
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

// ---- Completeness: a service field missing from its schema would be stripped silently. ----
type Missing<Returned, Schema extends z.ZodType> = Exclude<keyof Returned, keyof z.output<Schema>>;
type Assert<T extends never> = T;
type Item<T> = T extends readonly (infer I)[] ? I : never;
type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Detail = Out<typeof enterprisePage>;
type Mine = Out<typeof myEnterprise>;
type PoolDetail = Out<typeof poolDetail>;
type Stats = Out<typeof appealStatistics>;
export type SchemaChecks = [
  Assert<Missing<Item<Out<typeof listEnterprises>['items']>, typeof enterprisePageBody.shape.items.element>>,
  Assert<Missing<Out<typeof updateEnterprise>, typeof enterpriseRow>>,
  Assert<Missing<Out<typeof enterpriseDetail>, typeof enterpriseDetailBody>>,
  Assert<Missing<Detail, typeof enterpriseDetailBody>>,
  Assert<Missing<Item<Detail['figures']>, typeof figureRow>>,
  Assert<Missing<Item<Detail['tags']>, typeof tagSpanRow>>,
  Assert<Missing<Item<Detail['pools']>, typeof poolOf>>,
  Assert<Missing<Item<Out<typeof poolsOf>>, typeof poolOf>>,
  Assert<Missing<Item<Detail['plans']>, typeof planRow>>,
  Assert<Missing<Detail['appeals'], typeof appealCounts>>,
  Assert<Missing<Item<Out<typeof listEnterpriseAccounts>>, typeof accountRow>>,
  Assert<Missing<Mine, typeof myEnterpriseBody>>,
  Assert<Missing<Out<typeof setFigures>, typeof figureRow>>,
  Assert<Missing<Out<typeof addTag>, typeof tagSpanRow>>,
  Assert<Missing<Out<typeof createEnterpriseAccount>, typeof accountBody>>,
  Assert<Missing<Out<typeof zoneCounts>, typeof countsBody>>,
  Assert<Missing<Item<Out<typeof zoneCounts>['counts']>, typeof countsBody.shape.counts.element>>,
  Assert<Missing<Item<Out<typeof listPools>>, typeof poolList.element>>,
  Assert<Missing<Out<typeof createPool>, typeof poolRow>>,
  Assert<Missing<Out<typeof createPool>['rules'], typeof poolRules>>,
  Assert<Missing<Out<typeof createPool>['goal'], typeof poolGoal>>,
  Assert<Missing<PoolDetail, typeof poolDetailBody>>,
  Assert<Missing<Item<PoolDetail['members']>, typeof poolDetailBody.shape.members.element>>,
  Assert<Missing<Item<PoolDetail['members']>['progress'], typeof progress>>,
  Assert<Missing<Item<PoolDetail['candidates']>, typeof snapshot>>,
  Assert<Missing<Out<typeof addMember>, typeof memberRow>>,
  Assert<Missing<Out<typeof createPlan>, typeof planRow>>,
  Assert<Missing<Item<Out<typeof listPlans>>, typeof planList.element>>,
  Assert<Missing<NonNullable<Item<Out<typeof listPlans>>['assessment']>, typeof assessment>>,
  Assert<Missing<Out<typeof planDetail>, typeof planDetailBody>>,
  Assert<Missing<Item<Out<typeof planDetail>['months']>, typeof planDetailBody.shape.months.element>>,
  Assert<Missing<Out<typeof setActual>, typeof actualRow>>,
  Assert<Missing<Out<typeof createVisit>, typeof visitRow>>,
  Assert<Missing<Item<Out<typeof listVisits>['items']>, typeof visitPage.shape.items.element>>,
  Assert<Missing<Out<typeof raiseAppeal>, typeof appealRow>>,
  Assert<Missing<Out<typeof answerAppeal>, typeof appealVersioned>>,
  Assert<Missing<Item<Out<typeof listAppeals>['items']>, typeof appealView>>,
  Assert<Missing<Out<typeof appealDetail>, typeof appealDetailBody>>,
  Assert<Missing<Item<Out<typeof appealDetail>['events']>, typeof eventRow>>,
  Assert<Missing<Item<Out<typeof appealDetail>['allowedActions']>, typeof appealDetailBody.shape.allowedActions.element>>,
  Assert<Missing<Out<typeof myAppealDetail>, typeof myAppealDetailBody>>,
  Assert<Missing<Item<Out<typeof myAppealDetail>['events']>, typeof myAppealDetailBody.shape.events.element>>,
  Assert<Missing<Stats, typeof appealStatsBody>>,
  Assert<Missing<Stats['total'], typeof unitStats>>,
  Assert<Missing<Item<Stats['byCategory']>, typeof appealStatsBody.shape.byCategory.element>>,
];
