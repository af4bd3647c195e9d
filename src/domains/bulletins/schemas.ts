// Response schemas of 通报. A zod object strips keys it does not name when the reply is
// serialised, and the web client's types are generated from these (web/src/api/schema.d.ts),
// so each lists every field the service returns and the web reads.
import { z } from 'zod';
import { LOOP_STATES } from '../../shared/loop/states';
import { leadClauseSpec } from './data';

const kinds = z.enum(['month', 'quarter', 'half', 'year', 'campaign']);
export const listItem = z.object({
  id: z.string(),
  periodKind: kinds,
  period: z.string(),
  title: z.string(),
  issueNo: z.string(),
  state: z.enum(['draft', 'published']),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const coverage = z.object({ reported: z.number(), expected: z.number(), missingUnitNames: z.array(z.string()) });
const status = z.enum(['ahead', 'on_track', 'slightly_behind', 'far_behind']);
const lag = z.object({ name: z.string(), ratio: z.boolean().optional(), completion: z.string().nullable(), gap: z.string(), status: status.nullable() });
// Fields added with 存在问题 and 版记 are optional: bulletins drafted before them are served as stored.
const problems = z.object({
  indicators: z.array(lag),
  units: z.array(z.object({ unitName: z.string(), lags: z.array(lag) })),
  projects: z.array(z.object({ project: z.string(), unitName: z.string(), milestone: z.string(), daysLate: z.number() })),
  tasks: z.array(z.object({ title: z.string(), unitName: z.string(), daysOverdue: z.number() })),
  incomplete: z.array(z.object({ name: z.string(), coverage })),
});
const indicatorTable = z.object({
  code: z.string(),
  name: z.string(),
  measure: z.string(),
  decimals: z.number(),
  zone: z.object({ value: z.string().nullable(), yoy: z.string().nullable(), completion: z.string().nullable(), expectedShare: z.string().nullable(), gap: z.string().nullable().optional() }),
  coverage: coverage.nullable().optional(),
  rows: z.array(
    z.object({
      unitName: z.string(),
      value: z.string().nullable(),
      yoy: z.string().nullable(),
      completion: z.string().nullable(),
      expectedShare: z.string().nullable(),
      gap: z.string().nullable(),
      rank: z.number().nullable(),
    }),
  ),
});
export const contentBody = z.object({
  zoneName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  cumulativeLabel: z.string(),
  year: z.number(),
  figureMonth: z.string(),
  asOf: z.string(),
  timeProgress: z.string().nullable(),
  lead: z.string(),
  summary: z.string().optional(),
  zoneFigures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      measure: z.string(),
      decimals: z.number(),
      value: z.string(),
      yoy: z.string().nullable(),
      target: z.string().nullable(),
      completion: z.string().nullable(),
      expectedShare: z.string().nullable(),
      gap: z.string().nullable(),
      status: status.nullable().optional(),
      coverage: coverage.nullable().optional(),
    }),
  ),
  indicators: z.array(indicatorTable),
  projects: z
    .object({
      year: z.number(),
      total: z.number(),
      byCategory: z.object({ industrial: z.number().optional(), urban: z.number().optional(), livelihood: z.number().optional() }),
      investmentCny: z.string(),
      investmentUsd: z.string(),
      started: z.number(),
      producing: z.number(),
    })
    .nullable()
    .optional(),
  tasks: z.object({ total: z.number(), closed: z.number(), overdue: z.number() }).nullable().optional(),
  /** 批示落实情况 (added with instructions): null or absent when no instruction was written in the period. */
  instructions: z
    .object({
      total: z.number(),
      closed: z.number(),
      open: z.number(),
      overdue: z.number(),
      items: z.array(
        z.object({
          text: z.string(),
          leaderName: z.string(),
          leadUnitName: z.string(),
          subjectLabel: z.string(),
          writtenOn: z.string(),
          deadline: z.string(),
          closedOn: z.string().nullable(),
          standing: z.enum(['closed', 'overdue', 'open']),
          daysOverdue: z.number(),
        }),
      ),
    })
    .nullable()
    .optional(),
  /** 隐患排查整治情况 (added with the hazard register): null or absent when no hazard was registered by the period's end. */
  hazards: z
    .object({
      from: z.string(),
      asOf: z.string(),
      total: z.object({ added: z.number(), rectified: z.number(), remaining: z.number(), majorRemaining: z.number(), overdue: z.number() }),
      openUnits: z.array(z.object({ unitName: z.string(), remaining: z.number(), overdue: z.number() })),
      campaigns: z.array(
        z.object({
          name: z.string(),
          clearance: z.object({ status: z.enum(['unregistered', 'cleared', 'open']), registered: z.number(), remaining: z.number() }),
        }),
      ),
    })
    .nullable()
    .optional(),
  projectsBehind: z.array(z.object({ project: z.string(), unitName: z.string(), milestone: z.string(), due: z.string(), daysLate: z.number() })),
  overdueTasks: z.array(z.object({ title: z.string(), unitName: z.string(), deadline: z.string(), daysOverdue: z.number(), state: z.enum(LOOP_STATES) })),
  ranking: z
    .object({
      schemeId: z.string(),
      schemeName: z.string(),
      rows: z.array(z.object({ rank: z.number().nullable(), unitName: z.string(), total: z.string(), rankChange: z.number().nullable(), redFlag: z.boolean() })),
    })
    .nullable(),
  problems: problems.optional(),
});
export const bulletinBody = listItem.extend({
  lead: z.string(),
  closing: z.string(),
  copyTo: z.array(z.string()),
  printOffice: z.string(),
  printDate: z.string().nullable(),
  content: contentBody,
  version: z.number(),
});
export const settingsBody = z.object({ issuer: z.string(), leadSpec: z.array(leadClauseSpec), copyTo: z.array(z.string()), version: z.number() });
