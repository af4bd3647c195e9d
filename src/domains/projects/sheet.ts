// Project lists in and out of Excel: one column description writes the template
// and the export and reads an import (all-or-nothing, row-by-row errors, written
// in short batches).
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { projects, units, type TaskForceRole, type TemplateStep } from '../../db/schema';
import { writeAudited } from '../../server/context';
import type { IsoDate } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { JobFailure, type Progress } from '../../shared/jobs';
import type { Actor } from '../../shared/policy';
import { cells, readSheet, sheetOf, writeSheet, writeSheets, type RowError, type SheetSpec } from '../../shared/xlsx';
import { projectInput } from './model';
import { STAGE_LABELS } from './rules';
import { newProjectValues, plannedStageDates, planRows, templateFor } from './service';
import type { Plan } from './schedule';
import { importPlanner } from './importCheck';
import { feedAttractionCounts } from '../attraction/feedIndicators';
import { feedChanged } from '../feeds/triggers';
import { recordAudits } from '../../shared/audit';

export interface SheetRow {
  name: string;
  category: 'industrial' | 'urban' | 'livelihood';
  chain: string | null;
  keyProject: boolean | null;
  year: number;
  currency: 'CNY' | 'USD' | null;
  totalInvestment: string;
  annualPlan: string | null;
  unit: string;
  stage: string | null;
  signedOn: string | null;
  targetDate: string | null;
  lng: string | null;
  lat: string | null;
  note: string | null;
  /** 压缩工期: 是 accepts the compressed plan when the target date leaves too few working days. */
  compress: boolean | null;
}

const CATEGORY = {
  industrial: { zh: '重大产业项目', en: 'Industrial' },
  urban: { zh: '城建重点工程', en: 'Urban works' },
  livelihood: { zh: '民生实事', en: 'Livelihood' },
};
const CURRENCY = { CNY: { zh: '亿元', en: 'CNY' }, USD: { zh: '亿美元', en: 'USD' } };

export const projectSheet: SheetSpec<SheetRow> = {
  name: '项目清单',
  notes: [
    '带*为必填；类别：重大产业项目/城建重点工程/民生实事；币种：亿元/亿美元；责任单位填单位全称；日期格式 2022-08-31；阶段由各阶段实际日期推算，导入时不读此列；' +
      '目标投产日期前工作日不足以走完节点流程时，该行报“工期不足”，“压缩工期”填“是”则按压缩方案导入',
  ],
  columns: [
    { key: 'name', header: '项目名称', headerEn: 'Name', required: true, width: 34, example: '弘元新材料光伏基地', parse: cells.text(100) },
    { key: 'category', header: '类别', headerEn: 'Category', required: true, width: 16, example: '重大产业项目', parse: cells.oneOf(CATEGORY), format: (v) => CATEGORY[v as SheetRow['category']].zh },
    { key: 'chain', header: '产业链', headerEn: 'Chain', width: 18, example: '新能源新材料', parse: cells.text(40) },
    { key: 'keyProject', header: '1号工程', headerEn: 'Key project', width: 10, example: '是', parse: cells.yesNo(), format: (v) => (v ? '是' : '否') },
    { key: 'year', header: '年度', headerEn: 'Year', required: true, width: 8, example: 2022, parse: cells.integer({ min: 2000, max: 2100 }) },
    { key: 'currency', header: '币种', headerEn: 'Currency', width: 10, example: '亿元', parse: cells.oneOf(CURRENCY), format: (v) => (v ? CURRENCY[v as 'CNY' | 'USD'].zh : '亿元') },
    { key: 'totalInvestment', header: '总投资（亿）', headerEn: 'Total investment', required: true, width: 14, example: '120', parse: cells.decimal({ min: 0, places: 4 }) },
    { key: 'annualPlan', header: '年度计划投资（亿元）', headerEn: 'Annual plan', width: 18, example: '30', parse: cells.decimal({ min: 0, places: 4 }) },
    { key: 'unit', header: '责任单位', headerEn: 'Responsible unit', required: true, width: 14, example: '金龙湖街道', parse: cells.text(60) },
    { key: 'stage', header: '阶段', headerEn: 'Stage', width: 8, example: '签约', parse: cells.text(10) },
    { key: 'signedOn', header: '签约日期', headerEn: 'Signed on', width: 12, example: '2022-03-18', parse: cells.date() },
    { key: 'targetDate', header: '目标投产日期', headerEn: 'Target date', width: 14, example: '2022-12-30', parse: cells.date() },
    { key: 'lng', header: '经度', headerEn: 'Longitude', width: 10, parse: cells.decimal({ places: 6 }) },
    { key: 'lat', header: '纬度', headerEn: 'Latitude', width: 10, parse: cells.decimal({ places: 6 }) },
    { key: 'note', header: '备注', headerEn: 'Note', width: 30, parse: cells.text(2000) },
    { key: 'compress', header: '压缩工期', headerEn: 'Compress', width: 10, example: '否', parse: cells.yesNo(), format: (v) => (v ? '是' : '') },
  ],
};

type ListedProject = Omit<typeof projects.$inferSelect, 'lng' | 'lat'> & { lng: number | null; lat: number | null; responsibleUnitName: string };

/** 一项目一专班 as a sheet of the export: one row per member, in the project's order. */
export interface TaskForceSheetRow {
  project: string;
  role: TaskForceRole;
  name: string;
  unit: string | null;
  phone: string;
  account: boolean;
}
const ROLE: Record<TaskForceRole, { zh: string; en: string }> = {
  lead: { zh: '组长', en: 'Lead' },
  deputy: { zh: '副组长', en: 'Deputy' },
  member: { zh: '成员', en: 'Member' },
  liaison: { zh: '联络员', en: 'Liaison' },
};
export const taskForceSheet: SheetSpec<TaskForceSheetRow> = {
  name: '专班',
  columns: [
    { key: 'project', header: '项目名称', headerEn: 'Project', width: 34, parse: cells.text(100) },
    { key: 'role', header: '专班职务', headerEn: 'Role', width: 10, parse: cells.oneOf(ROLE), format: (v) => ROLE[v as TaskForceRole].zh },
    { key: 'name', header: '姓名', headerEn: 'Name', width: 14, parse: cells.text(40) },
    { key: 'unit', header: '单位', headerEn: 'Unit', width: 16, parse: cells.text(60) },
    { key: 'phone', header: '联系电话', headerEn: 'Phone', width: 16, parse: cells.text(30) },
    { key: 'account', header: '关联账号', headerEn: 'Account', width: 10, parse: cells.yesNo(), format: (v) => (v ? '是' : '否') },
  ],
};

/** The zone's service standard ("五个一"…) on each project: one row per project and item. */
export interface ServiceCheckSheetRow {
  project: string;
  item: string;
  doneOn: string | null;
  checkedBy: string | null;
  note: string;
}
export const serviceCheckSheet: SheetSpec<ServiceCheckSheetRow> = {
  name: '服务标准落实',
  columns: [
    { key: 'project', header: '项目名称', headerEn: 'Project', width: 34, parse: cells.text(100) },
    { key: 'item', header: '服务事项', headerEn: 'Item', width: 18, parse: cells.text(60) },
    { key: 'doneOn', header: '落实日期', headerEn: 'Done on', width: 12, parse: cells.date(), format: (v) => (v as string | null) ?? '未落实' },
    { key: 'checkedBy', header: '登记人', headerEn: 'Checked by', width: 12, parse: cells.text(60) },
    { key: 'note', header: '说明', headerEn: 'Note', width: 30, parse: cells.text(2000) },
  ],
};

type ExportedProject = ListedProject & { taskForce: { name: string; role: TaskForceRole; unitName: string | null; phone: string; userId: string | null }[] };
type Checklist = { name: string; doneOn: string | null; checkedByName: string | null; note: string }[];

/**
 * The filtered list as Excel: the list (the sheet an import reads, first), then each
 * project's 专班 and its service checks (a zone without a standard: that sheet is empty).
 */
export async function exportProjects(rows: ExportedProject[], checks: Map<string, Checklist>) {
  return writeSheets([
    sheetOf(
      projectSheet,
      rows.map((p) => ({
        name: p.name,
        category: p.category,
        chain: p.chain,
        keyProject: p.keyProject,
        year: p.year,
        currency: p.currency,
        totalInvestment: p.totalInvestment,
        annualPlan: p.annualPlan,
        unit: p.responsibleUnitName,
        stage: STAGE_LABELS[p.stage].zh,
        signedOn: p.stageDates.signed?.actual ?? null,
        targetDate: p.targetDate,
        lng: p.lng === null ? null : String(p.lng),
        lat: p.lat === null ? null : String(p.lat),
        note: p.note,
        compress: null,
      })),
    ),
    sheetOf(
      taskForceSheet,
      rows.flatMap((p) => p.taskForce.map((m) => ({ project: p.name, role: m.role, name: m.name, unit: m.unitName, phone: m.phone, account: m.userId !== null }))),
    ),
    sheetOf(
      serviceCheckSheet,
      rows.flatMap((p) => (checks.get(p.id) ?? []).map((c) => ({ project: p.name, item: c.name, doneOn: c.doneOn, checkedBy: c.checkedByName, note: c.note }))),
    ),
  ]);
}

export const projectTemplate = () => writeSheet(projectSheet, [], { example: true });

/** Projects per write transaction: short enough that other requests pass between them. */
const IMPORT_BATCH = 100;

/**
 * Checks every row (cells, unit names, duplicate names) in memory, lays the plans
 * in memory, then writes in batches of set-based inserts: each batch is one short
 * transaction, so the server keeps answering during a long import. All or nothing
 * still holds: if a batch fails (only a concurrent change can make it), the
 * batches already written are removed again.
 */
export async function importProjects(db: Database, actor: Actor, data: Buffer, today: IsoDate, progress: Progress) {
  const { rows, errors } = await readSheet(projectSheet, data);
  await progress(10, 'checking');
  const [unitRows, existing] = await Promise.all([
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.zoneId, actor.zoneId)),
    db.select({ name: projects.name }).from(projects).where(eq(projects.zoneId, actor.zoneId)),
  ]);
  const unitByName = new Map(unitRows.map((u) => [u.name, u.id]));
  // One template per category named in the sheet: every row's plan is checked against the zone's date (工期不足).
  const templates = new Map<string, TemplateStep[]>();
  for (const c of new Set(rows.map((r) => r.value.category))) templates.set(c, await templateFor(db, actor.zoneId, c));
  const planFor = importPlanner(templates, today);
  const taken = new Set(existing.map((p) => p.name));
  const seen = new Map<string, number>();
  const inputs: { row: number; input: ReturnType<typeof projectInput.parse>; plan: Plan | null }[] = [];
  const err = (row: number, column: string, value: string, zh: string, en: string): RowError => ({ row, column, value, message: { zh, en } });
  // Long loops hand the event loop back now and then, so other requests are served meanwhile.
  const breathe = (i: number) => (i % 200 === 199 ? new Promise<void>((r) => setImmediate(r)) : undefined);
  const refusedCells = new Set(errors.map((e) => e.row));
  const columnOf = new Map(projectSheet.columns.map((c) => [c.key as string, c]));
  for (const [i, { row, value: v }] of rows.entries()) {
    await breathe(i);
    const errorsBefore = errors.length;
    const unitId = unitByName.get(v.unit);
    if (!unitId) errors.push(err(row, '责任单位', v.unit, `“责任单位”不存在：${v.unit}`, `Unknown unit: ${v.unit}`));
    if (seen.has(v.name)) errors.push(err(row, '项目名称', v.name, `与第${seen.get(v.name)}行重名`, `Same name as row ${seen.get(v.name)}`));
    seen.set(v.name, row);
    if (taken.has(v.name)) errors.push(err(row, '项目名称', v.name, '项目已存在', 'A project of this name exists'));
    if (v.signedOn && v.signedOn > today) errors.push(err(row, '签约日期', v.signedOn, '签约日期晚于业务日期', 'Signing date is after the business date'));
    const parsed = projectInput.safeParse({
      name: v.name,
      category: v.category,
      chain: v.chain ?? '',
      keyProject: v.keyProject ?? false,
      year: v.year,
      currency: v.currency ?? 'CNY',
      totalInvestment: v.totalInvestment,
      annualPlan: v.annualPlan ?? '0',
      responsibleUnitId: unitId ?? '00000000-0000-4000-8000-000000000000',
      lng: v.lng === null ? null : Number(v.lng),
      lat: v.lat === null ? null : Number(v.lat),
      stageDates: v.signedOn ? { signed: { actual: v.signedOn } } : {},
      targetDate: v.targetDate,
      note: v.note ?? '',
    });
    if (!parsed.success) {
      // A cell the sheet refused (a number that is not one) fails the row's whole parse too:
      // its own error says so. Anything else is named by its column.
      if (!refusedCells.has(row) && errors.length === errorsBefore) {
        for (const issue of parsed.error.issues) {
          const column = columnOf.get(String(issue.path[0] ?? ''));
          errors.push(err(row, column?.header ?? '', '', `“${column?.header ?? '该行'}”不符合要求`, `${column?.headerEn ?? 'Row'}: ${issue.message}`));
        }
      }
      continue;
    }
    const planned = parsed.data.targetDate ? planFor(parsed.data.category, parsed.data.targetDate, v.compress === true) : null;
    if (planned && 'error' in planned) errors.push(err(row, '目标投产日期', parsed.data.targetDate!, planned.error.zh, planned.error.en));
    else inputs.push({ row, input: parsed.data, plan: planned?.plan ?? null });
  }
  if (errors.length) throw new JobFailure(new AppError('import.failed', { count: errors.length }), errors.sort((a, b) => a.row - b.row));

  // Rows sharing a category and plan share its milestone rows.
  const milestonesOf = new Map<Plan, ReturnType<typeof planRows>>();
  const prepare = ({ input, plan }: (typeof inputs)[number]) => {
    const values = newProjectValues(actor.zoneId, input);
    if (!plan) return { values, milestones: [] as ReturnType<typeof planRows> };
    if (!milestonesOf.has(plan)) milestonesOf.set(plan, planRows(templates.get(input.category)!, plan));
    const milestones = milestonesOf.get(plan)!;
    return { values: { ...values, targetDate: plan.targetDate, stageDates: plannedStageDates(values.stageDates, milestones) }, milestones };
  };
  const prepared: ReturnType<typeof prepare>[] = [];
  for (const [i, item] of inputs.entries()) {
    await breathe(i);
    prepared.push(prepare(item));
  }
  const signedDates = [...new Set(prepared.map((p) => p.values.stageDates.signed?.actual ?? null))];
  const stageDays = [...new Set(prepared.flatMap((p) => [p.values.stageDates.started?.actual ?? null, p.values.stageDates.producing?.actual ?? null]))];

  await progress(30, 'writing');
  const who = { zoneId: actor.zoneId, userId: actor.userId };
  const created: string[] = [];
  try {
    for (let i = 0; i < prepared.length; i += IMPORT_BATCH) {
      const batch = prepared.slice(i, i + IMPORT_BATCH);
      const last = i + IMPORT_BATCH >= prepared.length;
      const ids = await writeAudited(db, actor, null, async (tx, audit) => {
        const inserted = await tx.insert(projects).values(batch.map((b) => b.values)).returning();
        const byName = new Map(inserted.map((r) => [r.name, r]));
        const milestones = batch.flatMap((b) =>
          b.milestones.map((m) => ({
            zone_id: actor.zoneId,
            project_id: byName.get(b.values.name)!.id,
            key: m.key,
            name: m.name,
            department: m.department,
            depends_on: m.dependsOn,
            duration_workdays: m.durationWorkdays,
            marks_stage: m.marksStage,
            sort_order: m.sortOrder,
            planned_start: m.plannedStart,
            planned_end: m.plannedEnd,
          })),
        );
        // One JSON parameter rather than a dozen bound parameters per row: far faster, on PGlite above all.
        if (milestones.length)
          await tx.execute(sql`
            INSERT INTO project_milestones (zone_id, project_id, key, name, department, depends_on, duration_workdays, marks_stage, sort_order, planned_start, planned_end)
            SELECT zone_id, project_id, key, name, department, depends_on, duration_workdays, marks_stage, sort_order, planned_start, planned_end
            FROM json_populate_recordset(NULL::project_milestones, ${JSON.stringify(milestones)}::json)`);
        await recordAudits(tx, who, [
          ...inserted.map((r) => ({ action: 'create', entity: 'project', entityId: r.id, unitId: r.responsibleUnitId, after: r })),
          ...batch
            .filter((b) => b.milestones.length)
            .map((b) => {
              const r = byName.get(b.values.name)!;
              const steps = b.milestones.map((m) => ({ key: m.key, plannedStart: m.plannedStart, plannedEnd: m.plannedEnd }));
              return { action: 'plan', entity: 'project', entityId: r.id, unitId: r.responsibleUnitId, before: { targetDate: null, steps: [] }, after: { targetDate: r.targetDate, steps } };
            }),
        ]);
        await audit({ action: 'import', entity: 'project', after: { from: i + 1, to: i + batch.length, of: prepared.length } });
        // The 招商 and 开工/投产 counts once, with the last batch, for every date imported.
        if (last) {
          await feedAttractionCounts(tx, audit, actor.zoneId, signedDates, today);
          await feedChanged('projects', tx, audit, actor.zoneId, stageDays, today);
        }
        return inserted.map((r) => r.id);
      });
      created.push(...ids);
      await progress(30 + (65 * (i + batch.length)) / prepared.length, 'writing');
    }
  } catch (e) {
    if (created.length) {
      await writeAudited(db, actor, null, async (tx, audit) => {
        await tx.delete(projects).where(inArray(projects.id, created));
        await audit({ action: 'import_undone', entity: 'project', after: { removed: created.length } });
      }).catch((undo: unknown) => console.error('project import: could not remove the batches written', undo));
    }
    throw e;
  }
  return { created: created.length };
}
