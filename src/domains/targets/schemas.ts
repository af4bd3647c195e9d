// Response schemas of 指标目标 and 攻坚行动. A zod object strips keys it does not name
// when the reply is serialised, and the web client's types are generated from these
// (web/src/api/schema.d.ts), so each lists every field its service returns and the web
// reads. Days are 'YYYY-MM-DD', amounts numeric strings.
import { z } from 'zod';
import { aggregations, figureStates, fillMethods, indicatorKinds, progressModes, rhythms } from '../../db/schema';
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
  rhythm: z.enum(rhythms).describe('month: reported by month; dekad: by dekad (旬) as well'),
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
/** What a reporting form (month or dekad) says of each of its indicators. */
const formIndicator = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.string(),
  measure: z.string(),
  kind: z.enum(indicatorKinds),
  decimals: z.number().int(),
});

export const reportFormBody = z.object({
  unitId: z.string(),
  period: z.string(),
  locked: z.boolean(),
  deadline: isoDate,
  moveShare: z.string().describe('percent a figure may leave last month’s pace before it needs a note'),
  rows: z.array(
    formIndicator.extend({
      fillMethod: z.enum(fillMethods),
      level: z.enum(['unit', 'zone']),
      floor: s,
      stretch: s,
      higherIsBetter: z.boolean(),
      prevMonth: s.describe('last month’s year to date, for the live checks'),
      expectedShare: s,
      rhythm: z.enum(rhythms),
      lastDekad: s.describe('a dekad indicator’s 下旬 figure of the month, which the month figure should equal'),
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

const dekadNoBody = z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('1 上旬 (1st–10th), 2 中旬 (11th–20th), 3 下旬 (21st–month end)');

/** A unit's dekad form for a month (GET /api/targets/dekads). */
export const dekadFormBody = z.object({
  unitId: z.string(),
  period: z.string(),
  locked: z.boolean(),
  open: z.array(dekadNoBody).describe('the dekads of the month closed by the zone’s date: only these are offered'),
  latest: z.object({ period: z.string(), dekad: dekadNoBody }).describe('the zone’s latest closed dekad'),
  rows: z.array(
    formIndicator.extend({
      level: z.enum(['unit', 'zone']),
      floor: s,
      before: z.object({ period: z.string(), dekad: dekadNoBody, value: z.string() }).nullable().describe('the year’s last dekad figure before this month'),
      dekads: z.array(
        z.object({
          dekad: dekadNoBody,
          end: isoDate,
          open: z.boolean(),
          expectedShare: s.describe('序时进度 at the dekad’s end, percent'),
          completion: s,
          gap: s,
          figure: z.object({ id: z.string(), value: z.string(), note: z.string(), version: z.number().int(), updatedAt: z.date() }).nullable(),
        }),
      ),
    }),
  ),
});

/** 旬进度 of the zone at its latest closed dekad (GET /api/cockpit/dekads). */
export const dekadProgressBody = z.object({
  period: z.string(),
  dekad: dekadNoBody,
  end: isoDate,
  thresholds: z.object({ amber: z.string(), red: z.string() }).nullable(),
  items: z.array(
    z.object({
      indicatorId: z.string(),
      code: z.string(),
      name: z.string(),
      measure: z.string(),
      decimals: z.number().int(),
      value: s.describe('the zone’s year to date; null while units are missing (never a partial sum)'),
      floor: s,
      completion: s,
      expectedShare: s,
      gap: s,
      status: z.enum(['ahead', 'on_track', 'slightly_behind', 'far_behind']).nullable(),
      coverage: z.object({ reported: z.number().int(), expected: z.number().int(), missingUnitNames: z.array(z.string()) }).nullable(),
    }),
  ),
});
