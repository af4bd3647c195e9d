// Excel templates, exports and all-or-nothing imports of targets and of a unit's
// monthly figures, through src/shared/xlsx and the services of this domain.
import { and, eq } from 'drizzle-orm';
import type { Database, ReadDb } from '../../db/client';
import { units } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { AppError } from '../../shared/errors';
import { JobFailure, type Progress } from '../../shared/jobs';
import { cells, decimalsFmt, readSheet, writeSheet, type RowError, type SheetSpec } from '../../shared/xlsx';
import { allIndicators, checkTarget, targetsOfYear, upsertTargets, type TargetInput } from './catalogue';
import { reportForm, saveFigures, type FigureRowInput, type FormRow, type Writer } from './reporting';
import { checkFigure } from './checks';
import { withCheckContext } from './formChecks';

// ---------------------------------------------------------------- figures

interface FigureSheetRow {
  code: string;
  name: string | null;
  measure: string | null;
  /** Blank: not reported this month, as in the form. */
  value: string | null;
  prevYear: string | null;
  note: string | null;
  /** Not a column: the indicator's decimals, for the number format. */
  decimals?: number;
}

/** Numbers leave as numbers, shown with the row's decimals (the indicator's). */
const asNumber = { format: (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v)), numFmt: (row: { decimals?: number }) => decimalsFmt(row.decimals ?? 2) };

const figureSpec = (period: string, unitName: string): SheetSpec<FigureSheetRow> => ({
  name: `${period}填报`,
  notes: [
    `${unitName} ${period.replace('-', '年')}月 指标填报表：“本年累计”填1月至本月累计数，“上年同期”填去年同期累计数；“本年累计”留空即本月不报该指标。`,
    '请勿修改“指标代码”列；金额按“计量单位”列填写。',
  ],
  columns: [
    { key: 'code', header: '指标代码', headerEn: 'Indicator code', required: true, width: 22, parse: cells.text(40) },
    { key: 'name', header: '指标名称', headerEn: 'Indicator', width: 30, parse: cells.text(60) },
    { key: 'measure', header: '计量单位', headerEn: 'Measure', width: 10, parse: cells.text(12) },
    { key: 'value', header: '本年累计', headerEn: 'Year to date', width: 14, parse: cells.decimal({ places: 6 }), ...asNumber },
    { key: 'prevYear', header: '上年同期', headerEn: 'Same period last year', width: 14, parse: cells.decimal({ places: 6 }), ...asNumber },
    { key: 'note', header: '备注', headerEn: 'Note', width: 30, parse: cells.text(500) },
  ],
});

async function unitName(db: ReadDb, zoneId: string, unitId: string) {
  const [u] = await db.select({ name: units.name }).from(units).where(and(eq(units.zoneId, zoneId), eq(units.id, unitId)));
  if (!u) throw new AppError('not_found', { entity: 'unit' });
  return u.name;
}

/** The unit's reporting template for a month, filled with what it has entered so far. */
export async function figureTemplate(db: ReadDb, zoneId: string, unitId: string, period: string): Promise<Buffer> {
  const [form, name] = await Promise.all([reportForm(db, zoneId, unitId, period), unitName(db, zoneId, unitId)]);
  const rows = form.rows
    .filter((r) => r.fillMethod !== 'system')
    .map((r) => ({ code: r.code, name: r.name, measure: r.measure, value: r.figure?.value ?? null, prevYear: r.figure?.prevYear ?? null, note: r.figure?.note ?? null, decimals: r.decimals }));
  return writeSheet(figureSpec(period, name), rows);
}

/** Reads the sheet, checks every row against the unit's form, then saves all rows or none. */
export async function importFigures(
  db: Database,
  who: Writer,
  args: { unitId: string; period: string; data: Buffer; submit: boolean; todayIso: string },
  progress: Progress,
) {
  who.authorizeUnit(args.unitId);
  const name = await unitName(db, who.zoneId, args.unitId);
  await progress(10, '读取表格');
  const { rows, errors } = await readSheet(figureSpec(args.period, name), args.data);
  const form = await reportForm(db, who.zoneId, args.unitId, args.period);
  const byCode = new Map(form.rows.map((r) => [r.code, r]));
  await progress(40, '校验数据');
  const seen = new Map<string, number>();
  const good: FigureRowInput[] = [];
  const rowOf = new Map<string, number>();
  const unreadable = new Set(errors.map((e) => e.row));
  for (const { row, value } of rows) {
    const f = byCode.get(value.code);
    const err = (zh: string, en: string): RowError => ({ row, column: '指标代码', value: value.code, message: { zh, en } });
    if (!f) {
      errors.push(err(`指标代码“${value.code}”不是本单位本月应填报的指标`, `"${value.code}" is not an indicator this unit reports`));
      continue;
    }
    if (f.fillMethod === 'system') {
      errors.push(err(`“${f.name}”由系统自动统计，不需填报`, `"${f.name}" is counted by the system`));
      continue;
    }
    if (seen.has(value.code)) {
      errors.push(err(`“${f.name}”与第${seen.get(value.code)}行重复`, `"${f.name}" repeats row ${seen.get(value.code)}`));
      continue;
    }
    seen.set(value.code, row);
    // A blank year to date is an indicator not reported this month, as in the form;
    // a cell already refused has nothing more to check.
    if (value.value === null || unreadable.has(row)) continue;
    good.push({ indicatorId: f.indicatorId, value: value.value, prevYear: value.prevYear, note: value.note ?? '', fileIds: [] });
    rowOf.set(f.indicatorId, row);
  }
  if (args.submit && who.source === 'manual' && !who.mayCorrect) errors.push(...(await checkErrors(db, who.zoneId, args.unitId, args.period, form.rows, good, rowOf)));
  if (good.length === 0 && errors.length === 0) throw new AppError('import.empty');
  if (errors.length) throw new JobFailure(new AppError('import.failed', { count: errors.length }), errors.sort((a, b) => a.row - b.row));
  await progress(70, '保存');
  const saved = await writeAudited(db, { zoneId: who.zoneId, userId: who.userId }, null, (tx, audit) =>
    saveFigures(tx, audit, who, { unitId: args.unitId, period: args.period, rows: good, submit: args.submit }, { todayIso: args.todayIso }),
  );
  return { imported: saved.length };
}

/** The form's checks on every row to submit, as row errors on the sheet (a drop or big move needs a note). */
async function checkErrors(db: Database, zoneId: string, unitId: string, period: string, formRows: FormRow[], good: FigureRowInput[], rowOf: Map<string, number>) {
  const { rows, moveShare } = await withCheckContext(db, zoneId, { unitId, period, rows: formRows });
  const byId = new Map(rows.map((r) => [r.indicatorId, r]));
  const out: RowError[] = [];
  for (const g of good) {
    const r = byId.get(g.indicatorId)!;
    const res = checkFigure({ indicator: r, period, value: g.value, prevYear: g.prevYear, note: g.note, prevMonth: r.prevMonth, target: r.floor, expectedShare: r.expectedShare, lastDekad: r.lastDekad, moveShare });
    if (res.needsNote) out.push({ row: rowOf.get(g.indicatorId)!, column: '备注', value: g.value, message: res.warnings[0]!.text });
  }
  return out;
}

// ---------------------------------------------------------------- targets

interface TargetSheetRow {
  code: string;
  name: string | null;
  unit: string;
  floor: string;
  stretch: string | null;
  [month: `m${number}`]: string | null;
  /** Not a column: the indicator's decimals, for the number format. */
  decimals?: number;
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);
const targetSpec = (year: number): SheetSpec<TargetSheetRow> => ({
  name: `${year}年目标`,
  notes: [
    `${year}年度目标任务分解表：“单位”填单位名称，全区目标填“全区”；“确保目标”必填，“力争目标”选填。`,
    '“1月累计”至“12月累计”为选填的月度计划（1月至该月累计数）；不填则按时间进度考核。',
  ],
  columns: [
    { key: 'code', header: '指标代码', headerEn: 'Indicator code', required: true, width: 22, parse: cells.text(40) },
    { key: 'name', header: '指标名称', headerEn: 'Indicator', width: 28, parse: cells.text(60) },
    { key: 'unit', header: '单位', headerEn: 'Unit', required: true, width: 16, parse: cells.text(60) },
    { key: 'floor', header: '确保目标', headerEn: 'Floor', required: true, width: 12, parse: cells.decimal({ places: 6 }), ...asNumber },
    { key: 'stretch', header: '力争目标', headerEn: 'Stretch', width: 12, parse: cells.decimal({ places: 6 }), ...asNumber },
    ...months.map((m) => ({
      key: `m${m}` as const,
      header: `${m}月累计`,
      headerEn: `Plan to month ${m}`,
      width: 10,
      parse: cells.decimal({ places: 6 }),
      ...asNumber,
    })),
  ] as SheetSpec<TargetSheetRow>['columns'],
});

const ZONE_LABELS = ['全区', '全区合计', 'zone'];

/** The year's targets as a workbook; with no targets yet, a template listing each indicator once. */
export async function exportTargets(db: ReadDb, zoneId: string, year: number): Promise<Buffer> {
  const [inds, tgs, us] = await Promise.all([
    allIndicators(db, zoneId),
    targetsOfYear(db, zoneId, year),
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.zoneId, zoneId)),
  ]);
  const unitName = new Map(us.map((u) => [u.id, u.name]));
  const indById = new Map(inds.map((i) => [i.id, i]));
  const rows: TargetSheetRow[] = tgs
    .map((t) => {
      const ind = indById.get(t.indicatorId)!;
      const row: TargetSheetRow = { code: ind.code, name: ind.name, unit: t.unitId ? (unitName.get(t.unitId) ?? '') : '全区', floor: t.floor, stretch: t.stretch, decimals: ind.decimals };
      months.forEach((m) => (row[`m${m}`] = t.monthlyPlan?.[m - 1] ?? null));
      return { row, order: ind.sortOrder, unit: row.unit };
    })
    .sort((a, b) => a.order - b.order || a.unit.localeCompare(b.unit))
    .map((r) => r.row);
  if (rows.length === 0) {
    for (const ind of inds.filter((i) => i.kind !== 'ratio')) rows.push({ code: ind.code, name: ind.name, unit: '全区', floor: '', stretch: null });
  }
  return writeSheet(targetSpec(year), rows);
}

export async function importTargets(db: Database, actor: { zoneId: string; userId: string }, year: number, data: Buffer, progress: Progress) {
  await progress(10, '读取表格');
  const { rows, errors } = await readSheet(targetSpec(year), data);
  const [inds, us] = await Promise.all([
    allIndicators(db, actor.zoneId),
    db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.zoneId, actor.zoneId)),
  ]);
  const indByCode = new Map(inds.map((i) => [i.code, i]));
  const unitByName = new Map(us.flatMap((u) => [[u.name, u.id] as const, [u.code, u.id] as const]));
  await progress(40, '校验数据');
  const good: TargetInput[] = [];
  const seen = new Map<string, number>();
  for (const { row, value } of rows) {
    const ind = indByCode.get(value.code);
    if (!ind) {
      errors.push({ row, column: '指标代码', value: value.code, message: { zh: `没有指标代码“${value.code}”`, en: `No indicator "${value.code}"` } });
      continue;
    }
    const unitId = ZONE_LABELS.includes(value.unit) ? null : unitByName.get(value.unit);
    if (unitId === undefined) {
      errors.push({ row, column: '单位', value: value.unit, message: { zh: `没有单位“${value.unit}”（全区目标请填“全区”）`, en: `No unit "${value.unit}" (write 全区 for the zone)` } });
      continue;
    }
    const key = `${ind.id}|${unitId}`;
    if (seen.has(key)) {
      errors.push({ row, column: '单位', value: value.unit, message: { zh: `与第${seen.get(key)}行重复`, en: `repeats row ${seen.get(key)}` } });
      continue;
    }
    seen.set(key, row);
    const plan = months.map((m) => value[`m${m}`] ?? null);
    const filled = plan.filter((p) => p !== null).length;
    if (filled > 0 && filled < 12) {
      errors.push({ row, column: '1月累计', message: { zh: '月度计划须12个月都填，或都不填', en: 'fill all 12 months of the plan, or none' } });
      continue;
    }
    const input = { indicatorId: ind.id, unitId, year, floor: value.floor, stretch: value.stretch, monthlyPlan: filled ? (plan as string[]) : null };
    try {
      checkTarget(input, ind.higherIsBetter);
    } catch (e) {
      if (e instanceof AppError) errors.push({ row, column: '力争目标', message: { zh: e.localized('zh'), en: e.localized('en') } });
      else throw e;
      continue;
    }
    good.push(input);
  }
  if (errors.length) throw new JobFailure(new AppError('import.failed', { count: errors.length }), errors.sort((a, b) => a.row - b.row));
  await progress(60, '保存');
  await writeAudited(db, { zoneId: actor.zoneId, userId: actor.userId }, null, async (tx, audit) => {
    // No progress writes in here: on PGlite the transaction holds the only connection.
    await upsertTargets(tx, audit, { zoneId: actor.zoneId, userId: actor.userId }, year, good);
  });
  return { imported: good.length };
}
