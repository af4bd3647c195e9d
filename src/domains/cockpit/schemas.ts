// Response schemas of the cockpit: one zone's month, every indicator with its units.
import { z } from 'zod';
import { aggregations, figureStates, fillMethods, indicatorKinds } from '../../db/schema';

const status = z.enum(['ahead', 'on_track', 'slightly_behind', 'far_behind']).nullable();
const s = z.string().nullable();
const unitRow = z.object({
  unitId: z.string(), unitCode: z.string(), unitName: z.string(), group: z.string(), reported: z.boolean(), corrected: z.boolean(),
  value: s, prevYear: s, yoy: s, floor: s, stretch: s, completion: s, completionStretch: s, expectedShare: s, gap: s, status,
  rank: z.number().nullable(), rankChange: z.number().nullable(),
});
export const indicatorRow = z.object({
  id: z.string(), code: z.string(), name: z.string(), unit: z.string(), kind: z.enum(indicatorKinds), decimals: z.number(), higherIsBetter: z.boolean(),
  aggregation: z.enum(aggregations), fillMethod: z.enum(fillMethods), parentCode: s,
  value: s, prevYear: s, yoy: s, floor: s, stretch: s, completion: s, completionStretch: s, expectedShare: s, gap: s, status,
  doubleHalf: z.boolean(), reportedUnits: z.number(), expectedUnits: z.number(),
  coverage: z.object({ reported: z.number(), expected: z.number(), missingUnitNames: z.array(z.string()) }).nullable(), complete: z.boolean(),
  units: z.array(unitRow),
});
export const cockpitBody = z.object({
  zone: z.object({ name: z.string(), code: z.string() }),
  period: z.string(), year: z.number(), asOf: z.string(), timeProgress: z.string(),
  thresholds: z.object({ amber: z.string(), red: z.string() }),
  month: z.object({ complete: z.boolean(), missingUnitNames: z.array(z.string()), latest: s, latestComplete: s }),
  indicators: z.array(indicatorRow),
  behind: z.array(z.object({ indicatorId: z.string(), indicatorCode: z.string(), indicatorName: z.string(), unitId: z.string(), unitName: z.string(), completion: s, expectedShare: s, gap: s, status })),
  ranking: z.array(z.object({ unitId: z.string(), unitName: z.string(), group: z.string(), indicators: z.number(), ahead: z.number(), onTrack: z.number(), amber: z.number(), red: z.number(), meanGap: s, rank: z.number().nullable(), rankChange: z.number().nullable() })),
  campaigns: z.array(z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), phase: z.enum(['upcoming', 'running', 'ended']), daysLeft: z.number(), daysToStart: z.number(), totalDays: z.number(), elapsedShare: z.string() })),
});

/**
 * Which data an answer was computed from: `current` false while a write's answer is being
 * computed and an older complete one is shown meanwhile (src/domains/cockpit/routes.ts).
 */
export const freshness = z.object({ dataVersion: z.string(), current: z.boolean(), computedAt: z.string() });
/** The cockpit as sent: the month's answer, with its freshness first. */
export const cockpitAnswer = z.object({ freshness }).extend(cockpitBody.shape);

/** One month of a unit's (or the zone's) figure, for the drill-down. */
export const drillRow = z.object({
  id: z.string(), period: z.string(), value: z.string(), prevYear: s, note: z.string(), fileIds: z.array(z.string()),
  state: z.enum(figureStates), source: z.enum(fillMethods), sourceName: s, correctionReason: s,
  correctedAt: z.date().nullable(), approvedAt: z.date().nullable(), demo: z.boolean(), enteredByName: s,
});
