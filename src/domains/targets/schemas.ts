// Response schemas of 指标目标 and 攻坚行动. A zod object strips keys it does not name
// when the reply is serialised, and the web client's types are generated from these
// (web/src/api/schema.d.ts), so each lists every field its service returns and the web
// reads. Days are 'YYYY-MM-DD', amounts numeric strings.
import { z } from 'zod';
import { aggregations, figureStates, fillMethods, indicatorKinds, progressModes } from '../../db/schema';
import { isoDate } from '../../shared/http';
import { pageOf } from '../../shared/pagination';
import { indicatorRow } from '../cockpit/schemas';

const s = z.string().nullable();

export const indicatorBody = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  measure: z.string(),
  kind: z.enum(indicatorKinds),
  higherIsBetter: z.boolean(),
  aggregation: z.enum(aggregations),
  decimals: z.number().int(),
  fillMethod: z.enum(fillMethods),
  progressMode: z.enum(progressModes),
  numeratorCode: s,
  denominatorCode: s,
  zoneUnitId: s,
  parentCode: s,
  sortOrder: z.number().int(),
  active: z.boolean(),
  feed: s.describe('the count that fills a system-filled indicator: a key of GET /api/feeds/keys'),
  version: z.number().int(),
});

export const targetBody = z.object({
  id: z.string(),
  indicatorId: z.string(),
  unitId: s,
  year: z.number().int(),
  floor: z.string(),
  stretch: s,
  monthlyPlan: z.array(z.string()).nullable(),
  demo: z.boolean(),
  version: z.number().int().describe('sent back on save: a stale one is refused (409); no target yet reads 1'),
});
export const targetPage = pageOf(targetBody.extend({ indicatorCode: z.string(), indicatorName: z.string(), measure: z.string(), unitName: s }));

const figureOfForm = z.object({
  id: z.string(),
  value: z.string(),
  prevYear: s,
  note: z.string(),
  fileIds: z.array(z.string()),
  state: z.enum(figureStates),
  returnReason: s,
  source: z.enum(fillMethods),
  sourceName: s,
  correctionReason: s,
});
export const reportFormBody = z.object({
  unitId: z.string(),
  period: z.string(),
  locked: z.boolean(),
  deadline: isoDate,
  moveShare: z.string().describe('percent a figure may leave last month’s pace before it needs a note'),
  rows: z.array(
    z.object({
      indicatorId: z.string(),
      code: z.string(),
      name: z.string(),
      measure: z.string(),
      kind: z.enum(indicatorKinds),
      decimals: z.number().int(),
      fillMethod: z.enum(fillMethods),
      level: z.enum(['unit', 'zone']),
      floor: s,
      stretch: s,
      higherIsBetter: z.boolean(),
      prevMonth: s.describe('last month’s year to date, for the live checks'),
      expectedShare: s,
      figure: figureOfForm.nullable(),
    }),
  ),
});

export const figurePage = pageOf(
  z.object({
    id: z.string(),
    period: z.string(),
    indicatorId: z.string(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    measure: z.string(),
    decimals: z.number().int(),
    unitId: s,
    reportingUnitId: s,
    unitName: s,
    value: z.string(),
    prevYear: s,
    note: z.string(),
    state: z.enum(figureStates),
    returnReason: s,
    source: z.enum(fillMethods),
    sourceName: s,
    correctionReason: s,
    updatedAt: z.date(),
    version: z.number().int().describe('review sends it back, so a value changed after the supervisor read it is not approved unseen'),
  }),
).extend({ locked: z.boolean() });

export const missingBody = z.object({
  period: z.string(),
  deadline: isoDate,
  overdue: z.boolean(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), unitCode: z.string(), owed: z.number().int(), missing: z.number().int() })),
});

export const lockedBody = z.object({ period: z.string() });

/** A campaign as stored (the answer to a create or a change). */
export const campaignRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  version: z.number().int(),
});
const campaignFields = {
  ...campaignRow.shape,
  phase: z.enum(['upcoming', 'running', 'ended']),
  daysLeft: z.number().int(),
  daysToStart: z.number().int(),
  totalDays: z.number().int(),
  elapsedShare: z.string(),
};
export const campaignBody = z.object(campaignFields);
export const campaignDetail = z.object({
  ...campaignFields,
  indicatorIds: z.array(z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      itemType: z.enum(['project', 'task']),
      itemId: z.string(),
      title: z.string(),
      exists: z.boolean().describe('false when the project or task no longer exists'),
      status: s,
      deadline: s,
    }),
  ),
  period: s.describe('the month its indicators are shown for'),
  indicators: z.array(indicatorRow),
});
