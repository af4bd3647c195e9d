// Input schemas of the projects domain: one per write, shared by routes, services and the importer.
import { z } from 'zod';
import { currencies, investmentStatuses, projectCategories, projectStages, taskForceRoles } from '../../db/schema';
import { isoDate } from '../../shared/http';
import { decimalInput, patchOf, version } from '../../shared/input';
import { loopCategoryValues } from './problems';

/** An amount in 亿, kept exact: up to 4 decimals. */
export const amount = decimalInput({ places: 4, digits: 10, message: 'a non-negative amount with at most 4 decimals' });

const stageDate = z.object({ planned: isoDate.nullable().optional(), actual: isoDate.nullable().optional() });
export const stageDates = z.partialRecord(z.enum(projectStages), stageDate);

export const projectInput = z.object({
  name: z.string().trim().min(1).max(100),
  category: z.enum(projectCategories),
  chain: z.string().trim().max(40).default(''),
  keyProject: z.boolean().default(false),
  year: z.number().int().min(2000).max(2100),
  currency: z.enum(currencies).default('CNY'),
  totalInvestment: amount,
  annualPlan: amount.default('0'),
  responsibleUnitId: z.uuid(),
  leaderUserId: z.uuid().nullable().optional(),
  taskForceUserIds: z.array(z.uuid()).max(30).default([]),
  lng: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  stageDates: stageDates.default({}),
  /** Target date of the last milestone (投产 for industrial projects); lays the plan backwards. */
  targetDate: isoDate.nullable().optional(),
  /** 工期不足: lay the compressed proposal (see /api/projects/plan-check) instead of the straight plan. */
  compressPlan: z.boolean().optional(),
  foreignCapital: z.boolean().optional(),
  note: z.string().trim().max(2000).default(''),
});
export type ProjectInput = z.infer<typeof projectInput>;

/** The patch never carries the task force: members are written by PUT /:id/task-force. */
export const projectPatch = patchOf(projectInput.omit({ taskForceUserIds: true }));
export type ProjectPatch = z.infer<typeof projectPatch>;

export const templateStep = z.object({
  key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits, _'),
  name: z.string().trim().min(1).max(60),
  durationWorkdays: z.number().int().min(1).max(1000),
  dependsOn: z.array(z.string()).max(40).default([]),
  department: z.string().trim().max(40).default(''),
  marksStage: z.enum(projectStages).optional(),
  /** A duration never compressed (statutory periods). */
  fixed: z.boolean().optional(),
});
export const planInput = z.object({
  targetDate: isoDate,
  /** The project's own flow; the zone's (or default) template for its category when absent. */
  steps: z.array(templateStep).min(1).max(60).optional(),
  /** 工期不足: lay the compressed proposal instead of the straight plan. */
  compress: z.boolean().default(false),
});

/** 倒排工期 checked before it is laid: a new project's flow (its category's) or an existing one's. */
export const planCheckInput = z.object({
  targetDate: isoDate,
  category: z.enum(projectCategories).optional(),
  projectId: z.uuid().optional(),
  steps: z.array(templateStep).min(1).max(60).optional(),
});

export const milestoneUpdate = z.object({
  actualStart: isoDate.nullable().optional(),
  actualEnd: isoDate.nullable().optional(),
  ownerUnitId: z.uuid().nullable().optional(),
  note: z.string().trim().max(1000).optional(),
  /** A step past when planned is confirmed as still to do: from now on it can be late. */
  confirmed: z.literal(true).optional(),
  /** The milestone's version. */
  version,
});
/** Laying the plan again, approving it, setting a stage's date: the project's version. */
export const planUpdate = planInput.extend({ version });
export const stageInput = z.object({ stage: z.enum(projectStages), planned: isoDate.nullable().optional(), actual: isoDate.nullable().optional(), version });

export const progressUpdateInput = z.object({
  onDate: isoDate,
  text: z.string().trim().min(1).max(2000),
  fileIds: z.array(z.uuid()).max(12).default([]),
});

export const investmentInput = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  amount,
  note: z.string().trim().max(500).default(''),
  submit: z.boolean().default(false),
});
export const investmentReview = z.object({
  action: z.enum(['approve', 'return']),
  reason: z.string().trim().max(500).optional(),
  /** The month's version: approving a figure changed after it was read is refused. */
  version,
});

export const problemInput = z.object({
  title: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(4000).default(''),
  category: z.enum(loopCategoryValues),
  assigneeUnitId: z.uuid().nullable().optional(),
  deadline: isoDate.nullable().optional(),
});

export const listFilter = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: z.uuid().optional(),
  chain: z.string().max(40).optional(),
  leaderUserId: z.uuid().optional(),
  /** 我的包挂项目: the signed-in user's projects as 包挂领导 (overrides leaderUserId). */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  category: z.enum(projectCategories).optional(),
  stage: z.enum(projectStages).optional(),
  keyProject: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().max(100).optional(),
});
export type ListFilter = z.infer<typeof listFilter>;

/** A Chinese mobile (1[3-9] + 9 digits) or landline (area code 0xx/0xxx, 7–8 digits, optional extension). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** One 专班 member: a person with a role; unit and account optional. The phone is checked by the service (clear zh/en error). */
export const taskForceMember = z.object({
  name: z.string().trim().min(1).max(40),
  role: z.enum(taskForceRoles),
  unitId: z.uuid().nullable().optional(),
  phone: z.string().trim().max(20).default(''),
  userId: z.uuid().nullable().optional(),
});
export type TaskForceMemberInput = z.infer<typeof taskForceMember>;
/** The whole 专班 replaced at once, with the project's version. */
export const taskForceUpdate = z.object({ members: z.array(taskForceMember).max(30), version });

/** An item of the zone's service standard. */
export const serviceItem = z.object({
  key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits, _'),
  name: z.string().trim().min(1).max(60),
  hint: z.string().trim().max(200).optional(),
});
/** Check (doneOn) or uncheck (null) one item on a project; version: the check's, 0 when never checked. */
export const serviceCheckInput = z.object({
  doneOn: isoDate.nullable(),
  note: z.string().trim().max(500).default(''),
  version: z.number().int().min(0),
});

/** The outline (its own upload, GeoJSON as the body) is saved without a version. */
export const settingsInput = z.object({
  usdRates: z.record(z.string().regex(/^\d{4}$/), z.string().regex(/^\d{1,3}(\.\d{1,6})?$/)).optional(),
  stageRules: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('same_year'), stages: z.array(z.enum(projectStages)).min(2).max(5) }),
        z.object({ kind: z.literal('months'), from: z.enum(projectStages), to: z.enum(projectStages), months: z.number().int().min(1).max(120) }),
      ]),
    )
    .max(10)
    .optional(),
  templates: z.partialRecord(z.enum(projectCategories), z.array(templateStep).min(1).max(60)).optional(),
  /** The zone's service standard (e.g. "五个一"服务制度), checked per project. */
  serviceItems: z.array(serviceItem).max(20).optional(),
});
export const settingsUpdate = settingsInput.extend({ version });

export { investmentStatuses };
