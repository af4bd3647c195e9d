// Response schemas of the projects domain (and of 招商引资, which returns projects too).
// A zod object strips keys it does not name when the reply is serialised, so every
// shape below lists every field its service returns; the checks at the end fail the
// typecheck when a service gains a field the schema forgets.
// Conventions: timestamps are Date (z.date(), ISO date-time on the wire), days are
// 'YYYY-MM-DD' strings (isoDate), amounts are numeric strings.
import { z } from 'zod';
import { currencies, investmentStatuses, projectCategories, projectStages, taskForceRoles } from '../../db/schema';
import { isoDate } from '../../shared/http';
import { loopItemBody } from '../../shared/loop/routes';
import { pageOf } from '../../shared/pagination';
import { loopCategoryValues } from './problems';
import type { battleMap, getProject, getSettings, listProjects, projectHistory } from './views';
import type { addProgressUpdate, Project, raiseProblem, saveInvestment, saveSettings, updateMilestone } from './service';
import type { checkServiceItem } from './taskForce';

const stage = z.enum(projectStages);
const category = z.enum(projectCategories);
const status = z.enum(['done', 'on_time', 'at_risk', 'behind']);
/** An amount in 亿 (or a rate), exact. */
const amountText = z.string().describe('decimal amount');

export const stageDatesBody = z.partialRecord(stage, z.object({ planned: isoDate.nullable().optional(), actual: isoDate.nullable().optional() }));

/** A project row as stored (writes return it). */
export const projectRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  category,
  chain: z.string(),
  keyProject: z.boolean(),
  year: z.number().int(),
  currency: z.enum(currencies),
  totalInvestment: amountText,
  annualPlan: amountText,
  responsibleUnitId: z.string(),
  leaderUserId: z.string().nullable(),
  taskForceUserIds: z.array(z.string()),
  /** Stored as numeric text; the read model gives numbers. */
  lng: z.string().nullable(),
  lat: z.string().nullable(),
  stage,
  stageDates: stageDatesBody,
  targetDate: isoDate.nullable(),
  planApprovedAt: z.date().nullable(),
  leadId: z.string().nullable(),
  foreignCapital: z.boolean(),
  note: z.string(),
  demo: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});

export const milestoneRow = z.object({
  id: z.string(),
  version: z.number().int(),
  zoneId: z.string(),
  projectId: z.string(),
  key: z.string(),
  name: z.string(),
  department: z.string(),
  ownerUnitId: z.string().nullable(),
  dependsOn: z.array(z.string()),
  durationWorkdays: z.number().int(),
  marksStage: stage.nullable(),
  sortOrder: z.number().int(),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  baselineStart: isoDate.nullable(),
  baselineEnd: isoDate.nullable(),
  actualStart: isoDate.nullable(),
  actualEnd: isoDate.nullable(),
  note: z.string(),
  needsConfirmation: z.boolean(),
});

const finding = z.object({
  stage,
  dueBy: isoDate,
  expected: isoDate.nullable(),
  status: z.enum(['met', 'on_track', 'behind']),
  message: z.object({ zh: z.string(), en: z.string() }),
});

/** One 专班 member as shown. */
export const taskForceMemberBody = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(taskForceRoles),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  phone: z.string(),
  userId: z.string().nullable(),
});

/** The read model of a project: the row with names, investment, forecast, status and milestones. */
export const projectView = projectRow.extend({
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  responsibleUnitName: z.string(),
  leaderName: z.string().nullable(),
  /** 专班 members (migrations/0023), in order. */
  taskForce: z.array(taskForceMemberBody),
  /** null: a USD amount without the year's rate. */
  totalInvestmentYuan: amountText.nullable(),
  completedInvestment: amountText,
  openProblems: z.number().int(),
  status,
  slipDays: z.number().int(),
  forecastCompletion: isoDate.nullable(),
  findings: z.array(finding),
  milestones: z.array(milestoneRow.extend({ forecastStart: isoDate, forecastEnd: isoDate, slipDays: z.number().int(), status })),
});

export const projectPage = pageOf(projectView);

const briefPlan = z.object({
  start: isoDate,
  targetDate: isoDate,
  steps: z.array(z.object({ key: z.string(), name: z.string(), durationWorkdays: z.number().int(), plannedStart: isoDate, plannedEnd: isoDate })),
});
/** 倒排工期 checked against today (POST /api/projects/plan-check). */
export const planCheckBody = z.object({
  today: isoDate,
  shortfallWorkdays: z.number().int(),
  plan: briefPlan,
  needsConfirmation: z.array(z.object({ key: z.string(), name: z.string() })),
  compressed: z
    .object({ fits: z.boolean(), factor: z.number(), steps: z.array(z.object({ key: z.string(), name: z.string(), fromWorkdays: z.number().int(), toWorkdays: z.number().int() })), plan: briefPlan })
    .nullable(),
});

export const investmentRow = z.object({
  id: z.string(),
  version: z.number().int(),
  zoneId: z.string(),
  projectId: z.string(),
  unitId: z.string(),
  period: z.string().describe('YYYY-MM'),
  amount: amountText,
  status: z.enum(investmentStatuses),
  note: z.string(),
  returnReason: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.date().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.date().nullable(),
  demo: z.boolean(),
});

export const investmentQueue = z.object({
  items: z.array(investmentRow.extend({ projectName: z.string(), unitName: z.string() })),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const updateRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  projectId: z.string(),
  onDate: isoDate,
  text: z.string(),
  fileIds: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

const fileInfo = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.date() });

/** A problem in the shared closed loop: the loop's own item shape, as stored. */
const loopItem = loopItemBody.extend({ zoneId: z.string() });
export const problemRow = loopItem.omit({ light: true });

/** One item of the zone's service standard with this project's check (doneOn null: not yet). */
export const serviceCheckItem = z.object({
  key: z.string(),
  name: z.string(),
  hint: z.string().nullable(),
  doneOn: isoDate.nullable(),
  checkedByName: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
});
/** What checking an item returns. */
export const serviceCheckRow = z.object({ itemKey: z.string(), checked: z.boolean(), version: z.number().int() });

export const projectDetail = z.object({
  project: projectView,
  investments: z.array(investmentRow),
  completedThisYear: amountText,
  /** Completed this year as a percentage of the annual plan (one decimal); null without a plan. */
  planShare: z.string().nullable(),
  updates: z.array(updateRow.extend({ files: z.array(fileInfo) })),
  /** Raised through POST /:id/problems, so the category is always one of the problem categories. */
  problems: z.array(loopItem.extend({ category: z.enum(loopCategoryValues).nullable(), assigneeName: z.string().nullable() })),
  /** The zone's service standard ("五个一") with this project's checks. */
  serviceChecklist: z.array(serviceCheckItem),
  can: z.object({ edit: z.boolean(), approvePlan: z.boolean(), progress: z.boolean(), report: z.boolean(), approveInvestment: z.boolean() }),
});

/** The zone outline: a GeoJSON FeatureCollection of polygons, free-form JSON (checked on upload). */
export const outlineBody = z.record(z.string(), z.unknown()).describe('GeoJSON FeatureCollection');

export const battleMapBody = z.object({
  today: isoDate,
  projects: z.array(projectView),
  counts: z.object({ done: z.number().int(), on_time: z.number().int(), at_risk: z.number().int(), behind: z.number().int() }),
  outline: outlineBody.nullable(),
  outlineDemo: z.boolean(),
});

export const templateStepBody = z.object({
  key: z.string(),
  name: z.string(),
  durationWorkdays: z.number().int(),
  dependsOn: z.array(z.string()),
  department: z.string(),
  marksStage: stage.optional(),
});
const stageRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same_year'), stages: z.array(stage) }),
  z.object({ kind: z.literal('months'), from: stage, to: stage, months: z.number().int() }),
]);
const usdRates = z.record(z.string(), z.string()).describe('USD→CNY rate by year');
const templates = z.partialRecord(category, z.array(templateStepBody));
const serviceItems = z.array(z.object({ key: z.string(), name: z.string(), hint: z.string().optional() }));

export const settingsBody = z.object({
  usdRates,
  stageRules: z.array(stageRule),
  templates,
  outline: outlineBody.nullable(),
  outlineDemo: z.boolean(),
  serviceItems,
  version: z.number().int(),
});

/** The stored settings row (PUT returns it). */
export const settingsRow = z.object({
  id: z.string(),
  zoneId: z.string(),
  usdRates,
  stageRules: z.array(stageRule),
  templates,
  outline: outlineBody.nullable(),
  outlineDemo: z.boolean(),
  serviceItems,
  updatedAt: z.date(),
  version: z.number().int(),
});

/** Every category's flow (each key always present). */
export const templatesBody = z.object({ industrial: z.array(templateStepBody), urban: z.array(templateStepBody), livelihood: z.array(templateStepBody) });

export const optionsBody = z.object({
  today: isoDate,
  chains: z.array(z.string()),
  people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), unitName: z.string().nullable() })),
});

export const historyPage = pageOf(
  z.object({
    id: z.string(),
    zoneId: z.string(),
    userId: z.string().nullable(),
    at: z.date(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    unitId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    actorName: z.string().nullable(),
  }),
);

// ---- Completeness: a service field missing from its schema would be stripped silently. ----
type Missing<Returned, Schema extends z.ZodType> = Exclude<keyof Returned, keyof z.output<Schema>>;
type Assert<T extends never> = T;
type Item<T> = T extends readonly (infer I)[] ? I : never;
type View = Awaited<ReturnType<typeof getProject>>;
export type SchemaChecks = [
  Assert<Missing<Project, typeof projectRow>>,
  Assert<Missing<View['project'], typeof projectView>>,
  Assert<Missing<Item<View['project']['milestones']>, typeof projectView.shape.milestones.element>>,
  Assert<Missing<View, typeof projectDetail>>,
  Assert<Missing<Item<View['investments']>, typeof investmentRow>>,
  Assert<Missing<Item<View['updates']>, typeof projectDetail.shape.updates.element>>,
  Assert<Missing<Item<Item<View['updates']>['files']>, typeof fileInfo>>,
  Assert<Missing<Item<View['problems']>, typeof projectDetail.shape.problems.element>>,
  Assert<Missing<Awaited<ReturnType<typeof listProjects>>, typeof projectPage>>,
  Assert<Missing<Awaited<ReturnType<typeof battleMap>>, typeof battleMapBody>>,
  Assert<Missing<Awaited<ReturnType<typeof getSettings>>, typeof settingsBody>>,
  Assert<Missing<Awaited<ReturnType<typeof saveSettings>>, typeof settingsRow>>,
  Assert<Missing<Item<Awaited<ReturnType<typeof projectHistory>>['items']>, typeof historyPage.shape.items.element>>,
  Assert<Missing<Awaited<ReturnType<typeof saveInvestment>>, typeof investmentRow>>,
  Assert<Missing<Awaited<ReturnType<typeof updateMilestone>>, typeof milestoneRow>>,
  Assert<Missing<Awaited<ReturnType<typeof addProgressUpdate>>, typeof updateRow>>,
  Assert<Missing<Awaited<ReturnType<typeof raiseProblem>>, typeof problemRow>>,
  Assert<Missing<Item<View['serviceChecklist']>, typeof serviceCheckItem>>,
  Assert<Missing<Item<View['project']['taskForce']>, typeof taskForceMemberBody>>,
  Assert<Missing<Awaited<ReturnType<typeof checkServiceItem>>, typeof serviceCheckRow>>,
];
