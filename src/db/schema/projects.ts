// Drizzle mirror of migrations/0004_projects.sql.
import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const projectCategories = ['industrial', 'urban', 'livelihood'] as const;
export type ProjectCategoryName = (typeof projectCategories)[number];
export const projectStages = ['negotiating', 'signed', 'started', 'producing', 'at_capacity'] as const;
export type ProjectStageName = (typeof projectStages)[number];
export const currencies = ['CNY', 'USD'] as const;
export type Currency = (typeof currencies)[number];
export const investmentStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type InvestmentStatus = (typeof investmentStatuses)[number];
export const leadStages = ['clue', 'negotiating', 'signed', 'landed'] as const;
/** How a contact with an investor happened (the only kinds the API writes). */
export const contactKinds = ['visit', 'call', 'meeting', 'inspection', 'other'] as const;
export type LeadStage = (typeof leadStages)[number];

export type StageDates = Partial<Record<ProjectStageName, { planned?: string | null; actual?: string | null }>>;
export type StageRule =
  | { kind: 'same_year'; stages: ProjectStageName[] }
  | { kind: 'months'; from: ProjectStageName; to: ProjectStageName; months: number };

export interface TemplateStep {
  key: string;
  name: string;
  durationWorkdays: number;
  dependsOn: string[];
  department: string;
  marksStage?: ProjectStageName;
}

/** One item of the zone's service standard (e.g. "五个一"服务制度), migrations/0023. */
export interface ServiceItem {
  key: string;
  name: string;
  hint?: string;
}
export const taskForceRoles = ['lead', 'deputy', 'member', 'liaison'] as const;
export type TaskForceRole = (typeof taskForceRoles)[number];

export const projectSettings = pgTable('project_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  usdRates: jsonb('usd_rates').$type<Record<string, string>>().notNull().default({}),
  stageRules: jsonb('stage_rules').$type<StageRule[]>().notNull().default([]),
  templates: jsonb('templates').$type<Partial<Record<ProjectCategoryName, TemplateStep[]>>>().notNull().default({}),
  outline: jsonb('outline').$type<Record<string, unknown> | null>(),
  outlineDemo: boolean('outline_demo').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** migrations/0016 */
  version: integer('version').notNull().default(1),
  /** migrations/0023 */
  serviceItems: jsonb('service_items').$type<ServiceItem[]>().notNull().default([]),
});

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  category: text('category').$type<ProjectCategoryName>().notNull(),
  chain: text('chain').notNull().default(''),
  keyProject: boolean('key_project').notNull().default(false),
  year: integer('year').notNull(),
  currency: text('currency').$type<Currency>().notNull().default('CNY'),
  totalInvestment: numeric('total_investment').notNull(),
  annualPlan: numeric('annual_plan').notNull().default('0'),
  responsibleUnitId: uuid('responsible_unit_id').notNull(),
  leaderUserId: uuid('leader_user_id'),
  taskForceUserIds: uuid('task_force_user_ids').array().notNull().default([]),
  lng: numeric('lng'),
  lat: numeric('lat'),
  stage: text('stage').$type<ProjectStageName>().notNull().default('negotiating'),
  stageDates: jsonb('stage_dates').$type<StageDates>().notNull().default({}),
  targetDate: day('target_date'),
  planApprovedAt: ts('plan_approved_at'),
  leadId: uuid('lead_id'),
  foreignCapital: boolean('foreign_capital').notNull().default(false),
  note: text('note').notNull().default(''),
  demo: boolean('demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const projectMilestones = pgTable('project_milestones', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  projectId: uuid('project_id').notNull(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  department: text('department').notNull().default(''),
  ownerUnitId: uuid('owner_unit_id'),
  dependsOn: text('depends_on').array().notNull().default([]),
  durationWorkdays: integer('duration_workdays').notNull(),
  marksStage: text('marks_stage').$type<ProjectStageName | null>(),
  sortOrder: integer('sort_order').notNull().default(0),
  plannedStart: day('planned_start').notNull(),
  plannedEnd: day('planned_end').notNull(),
  baselineStart: day('baseline_start'),
  baselineEnd: day('baseline_end'),
  actualStart: day('actual_start'),
  actualEnd: day('actual_end'),
  note: text('note').notNull().default(''),
  /** migrations/0011: planned in the past when laid; confirmed by hand, not late. */
  needsConfirmation: boolean('needs_confirmation').notNull().default(false),
  /** migrations/0016 */
  version: integer('version').notNull().default(1),
});

export const projectInvestments = pgTable('project_investments', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  projectId: uuid('project_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  period: text('period').notNull(),
  amount: numeric('amount').notNull(),
  status: text('status').$type<InvestmentStatus>().notNull(),
  note: text('note').notNull().default(''),
  returnReason: text('return_reason'),
  submittedBy: uuid('submitted_by'),
  submittedAt: ts('submitted_at'),
  approvedBy: uuid('approved_by'),
  approvedAt: ts('approved_at'),
  demo: boolean('demo').notNull().default(false),
  /** migrations/0016 */
  version: integer('version').notNull().default(1),
});

export const projectUpdates = pgTable('project_updates', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  projectId: uuid('project_id').notNull(),
  onDate: day('on_date').notNull(),
  text: text('text').notNull(),
  fileIds: uuid('file_ids').array().notNull().default([]),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const attractionLeads = pgTable('attraction_leads', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  name: text('name').notNull(),
  investor: text('investor').notNull().default(''),
  source: text('source').notNull().default(''),
  team: text('team').notNull().default(''),
  unitId: uuid('unit_id').notNull(),
  chain: text('chain').notNull().default(''),
  category: text('category').$type<ProjectCategoryName>().notNull().default('industrial'),
  currency: text('currency').$type<Currency>().notNull().default('CNY'),
  expectedInvestment: numeric('expected_investment').notNull(),
  foreignCapital: boolean('foreign_capital').notNull().default(false),
  stage: text('stage').$type<LeadStage>().notNull().default('clue'),
  signedOn: day('signed_on'),
  projectId: uuid('project_id'),
  demo: boolean('demo').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const attractionContacts = pgTable('attraction_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  onDate: day('on_date').notNull(),
  kind: text('kind').$type<(typeof contactKinds)[number]>().notNull().default('visit'),
  note: text('note').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 专班 members (migrations/0023); projects.taskForceUserIds mirrors their linked accounts. */
export const projectTaskForce = pgTable('project_task_force', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  projectId: uuid('project_id').notNull(),
  name: text('name').notNull(),
  role: text('role').$type<TaskForceRole>().notNull(),
  unitId: uuid('unit_id'),
  phone: text('phone').notNull().default(''),
  userId: uuid('user_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The service standard's items checked on a project (migrations/0023). */
export const projectServiceChecks = pgTable('project_service_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  zoneId: uuid('zone_id').notNull(),
  projectId: uuid('project_id').notNull(),
  itemKey: text('item_key').notNull(),
  doneOn: day('done_on').notNull(),
  checkedBy: uuid('checked_by'),
  note: text('note').notNull().default(''),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
