// The register as an Excel sheet: the template, the export and the import
// (all-or-nothing; every bad row, a bad credit code above all, is reported).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, ReadDb, Tx } from '../../db/client';
import { enterpriseFigures, enterprises, enterpriseTagSpans, units, type EnterpriseTag } from '../../db/schema';
import { writeAudited } from '../../server/context';
import { AppError } from '../../shared/errors';
import type { Progress } from '../../shared/jobs';
import { JobFailure } from '../../shared/jobs';
import { cells, readSheet, writeSheet, type CellResult, type RowError, type SheetSpec } from '../../shared/xlsx';
import { isIsoDate, type IsoDate } from '../../shared/calendar';
import type { Actor } from '../../shared/policy';
import { EVERY_YEAR, feedEnterpriseCounts } from './feedIndicators';
import { TAG_LABELS, tagFromLabel } from './labels';
import { filterWhere, tagsHeld, type EnterpriseFilter } from './register';
import { validateUscc } from './uscc';

export interface SheetRow {
  name: string;
  creditCode: string;
  unit: string;
  chain: string | null;
  leaderName: string | null;
  year: number | null;
  outputValue: string | null;
  tax: string | null;
  employees: number | null;
  tags: { tag: EnterpriseTag; gainedOn: string }[] | null;
}

const creditCode = (raw: string): CellResult<string> => {
  const r = validateUscc(raw);
  return r.ok
    ? { ok: true, value: r.normalized }
    : { ok: false, message: { zh: `：${r.message.zh.replace(/^统一社会信用代码/, '')}`, en: `: ${r.message.en}` } };
};

/** "高企(2021-11-30)、规上(2020-12-31)": each tag with the day it was gained. */
const tagList = (raw: string): CellResult<{ tag: EnterpriseTag; gainedOn: string }[]> => {
  const out: { tag: EnterpriseTag; gainedOn: string }[] = [];
  for (const part of raw.split(/[,，、;；\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = part.match(/^(.+?)[(（]\s*(\d{4}-\d{2}-\d{2})\s*[)）]$/);
    const tag = m ? tagFromLabel(m[1]!) : null;
    if (!m || !tag || !isIsoDate(m[2])) {
      return { ok: false, message: { zh: `“${part}”应写成 标签(获得日期)，如 高企(2021-11-30)`, en: `"${part}" should read tag(date gained), e.g. 高企(2021-11-30)` } };
    }
    out.push({ tag, gainedOn: m[2]! });
  }
  return { ok: true, value: out };
};

export const registerSheet: SheetSpec<SheetRow> = {
  name: '企业库',
  notes: [
    '企业库导入模板：带*的列必填；统一社会信用代码18位并校验；所在镇街填单位名称；产值、税收单位为万元。',
    '标签写成 标签(获得日期)，多个用顿号分隔，如：高企(2021-11-30)、规上(2020-12-31)。已在库中的企业按信用代码更新。',
  ],
  columns: [
    { key: 'name', header: '企业名称', headerEn: 'Name', required: true, width: 30, example: '徐州示例机械有限公司', parse: cells.text(100) },
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', required: true, width: 24, example: '91320301MA1XXXXXXX', parse: creditCode },
    { key: 'unit', header: '所在镇街', headerEn: 'Unit', required: true, width: 14, example: '大庙街道', parse: cells.text(60) },
    { key: 'chain', header: '产业链', headerEn: 'Industry chain', width: 20, example: '工程机械与智能制造', parse: cells.text(60) },
    { key: 'leaderName', header: '包挂领导', headerEn: 'Assigned leader', width: 12, parse: cells.text(60) },
    { key: 'year', header: '年份', headerEn: 'Year', width: 8, example: 2022, parse: cells.integer({ min: 1990, max: 2100 }) },
    { key: 'outputValue', header: '产值(万元)', headerEn: 'Output (10k yuan)', width: 14, example: '12500.00', parse: cells.decimal({ min: 0, places: 2, digits: 16 }) },
    { key: 'tax', header: '税收(万元)', headerEn: 'Tax (10k yuan)', width: 14, example: '860.50', parse: cells.decimal({ min: 0, places: 2, digits: 16 }) },
    { key: 'employees', header: '从业人数', headerEn: 'Employees', width: 10, example: 320, parse: cells.integer({ min: 0 }) },
    {
      key: 'tags',
      header: '标签',
      headerEn: 'Tags',
      width: 40,
      example: '高企(2021-11-30)、规上(2020-12-31)',
      parse: tagList,
      format: (v) => ((v ?? []) as { tag: EnterpriseTag; gainedOn: string }[]).map((t) => `${TAG_LABELS[t.tag].zh}(${t.gainedOn})`).join('、'),
    },
  ],
};

export const templateBuffer = () => writeSheet(registerSheet, [], { example: true });

/** Every enterprise matching the filter, with the year's figures and the tags held on `on`. */
export async function exportRegister(db: ReadDb, zoneId: string, f: Omit<EnterpriseFilter, 'page' | 'pageSize'>, on: string): Promise<Buffer> {
  const rows = await db
    .select({ e: enterprises, unitName: units.name, fig: enterpriseFigures })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .leftJoin(enterpriseFigures, and(eq(enterpriseFigures.enterpriseId, enterprises.id), eq(enterpriseFigures.year, f.year)))
    .where(filterWhere(zoneId, f, on))
    .orderBy(enterprises.name);
  const ids = rows.map((r) => r.e.id);
  const spans = ids.length
    ? await db.select().from(enterpriseTagSpans).where(inArray(enterpriseTagSpans.enterpriseId, ids))
    : [];
  const held = await tagsHeld(db, ids, on);
  return writeSheet(
    registerSheet,
    rows.map((r) => ({
      name: r.e.name,
      creditCode: r.e.creditCode,
      unit: r.unitName,
      chain: r.e.chain,
      leaderName: r.e.leaderName,
      year: f.year,
      outputValue: r.fig?.outputValue ?? null,
      tax: r.fig?.tax ?? null,
      employees: r.fig?.employees ?? null,
      tags: spans
        .filter((s) => s.enterpriseId === r.e.id && (held.get(r.e.id) ?? []).includes(s.tag) && s.lostOn === null)
        .map((s) => ({ tag: s.tag, gainedOn: s.gainedOn })),
    })),
  );
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  ms: number;
}



/**
 * Reads the sheet, checks every row (credit codes, units, duplicates in the
 * file), and only when all are good writes everything in one transaction:
 * new enterprises are created, known ones (same credit code) updated; the
 * row's year figures are set and its tags added unless already recorded.
 */
export async function importRegister(db: Database, actor: Actor, data: Buffer, progress: Progress, today: IsoDate): Promise<ImportResult> {
  const started = Date.now();
  await progress(5, 'reading');
  const { rows, errors } = await readSheet(registerSheet, data);
  await progress(25, 'checking');
  const unitRows = await db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.zoneId, actor.zoneId));
  const unitByName = new Map<string, string>();
  for (const u of unitRows) {
    unitByName.set(u.name, u.id);
    unitByName.set(u.code, u.id);
  }
  const seen = new Map<string, number>();
  const rowErrors: RowError[] = [...errors];
  for (const { row, value } of rows) {
    if (value.unit && !unitByName.has(value.unit)) {
      rowErrors.push({ row, column: '所在镇街', value: value.unit, message: { zh: `“所在镇街”没有名为“${value.unit}”的单位`, en: `"Unit": no unit named "${value.unit}"` } });
    }
    if (value.creditCode) {
      const first = seen.get(value.creditCode);
      if (first) {
        rowErrors.push({ row, column: '统一社会信用代码', value: value.creditCode, message: { zh: `统一社会信用代码与第${first}行重复`, en: `Credit code repeats row ${first}` } });
      } else seen.set(value.creditCode, row);
    }
    if ((value.outputValue !== null || value.tax !== null || value.employees !== null) && value.year === null) {
      rowErrors.push({ row, column: '年份', message: { zh: '填写了产值、税收或人数时须填写年份', en: 'A year is needed with output, tax or employees' } });
    }
  }
  if (rowErrors.length) {
    rowErrors.sort((a, b) => a.row - b.row);
    throw new JobFailure(new AppError('import.failed', { count: rowErrors.length }), rowErrors);
  }
  // One transaction for everything; progress is reported around it (an embedded
  // database has one connection, which the transaction holds).
  await progress(40, 'writing');
  const result = await writeAudited(db, actor, null, async (tx, audit) => {
    const codes = rows.map((r) => r.value.creditCode);
    const existing = new Map<string, string>();
    for (let i = 0; i < codes.length; i += 1000) {
      const hits = await tx
        .select({ id: enterprises.id, code: enterprises.creditCode })
        .from(enterprises)
        .where(and(eq(enterprises.zoneId, actor.zoneId), inArray(enterprises.creditCode, codes.slice(i, i + 1000))));
      for (const h of hits) existing.set(h.code, h.id);
    }
    // Reporters import only enterprises of their own unit.
    if (actor.role === 'reporter') {
      const foreign = rows.find((r) => unitByName.get(r.value.unit) !== actor.unitId);
      if (foreign) throw new AppError('policy.forbidden');
    }
    const fresh = rows.filter((r) => !existing.has(r.value.creditCode));
    const known = rows.filter((r) => existing.has(r.value.creditCode));
    // One statement per table with the rows as one JSON parameter: far faster
    // than thousands of bound parameters, on PGlite above all.
    const inserted = fresh.length
      ? await rowsOf<{ id: string; credit_code: string }>(
          tx.execute(sql`
            INSERT INTO enterprises (zone_id, name, credit_code, unit_id, chain, leader_name)
            SELECT zone_id, name, credit_code, unit_id, chain, leader_name
            FROM json_populate_recordset(NULL::enterprises, ${JSON.stringify(
              fresh.map(({ value: v }) => ({
                zone_id: actor.zoneId,
                name: v.name,
                credit_code: v.creditCode,
                unit_id: unitByName.get(v.unit)!,
                chain: v.chain ?? '',
                leader_name: v.leaderName ?? '',
              })),
            )}::json)
            RETURNING id, credit_code`),
        )
      : [];
    for (const r of inserted) existing.set(r.credit_code, r.id);
    for (const { value: v } of known) {
      await tx
        .update(enterprises)
        .set({ name: v.name, unitId: unitByName.get(v.unit)!, ...(v.chain !== null ? { chain: v.chain } : {}), ...(v.leaderName !== null ? { leaderName: v.leaderName } : {}), updatedAt: new Date() })
        .where(eq(enterprises.id, existing.get(v.creditCode)!));
    }
    const tagDates = await writeFiguresAndTags(tx, actor.zoneId, rows.map((r) => r.value), existing);
    const summary = { rows: rows.length, created: fresh.length, updated: known.length };
    await audit({ action: 'import', entity: 'enterprise', after: summary });
    // New tags change the counts from their dates on; a known enterprise may have
    // moved to another unit, which changes its unit's counts in every year.
    await feedEnterpriseCounts(tx, audit, actor.zoneId, known.length ? [EVERY_YEAR] : tagDates, today);
    return summary;
  });
  return { ...result, ms: Date.now() - started };
}

/** Writes the rows' figures and new tags; returns the dates of the tags added. */
async function writeFiguresAndTags(tx: Tx, zoneId: string, rows: SheetRow[], idOf: Map<string, string>): Promise<string[]> {
  const figs = rows.filter((r) => r.year !== null && (r.outputValue !== null || r.tax !== null || r.employees !== null));
  if (figs.length) {
    await tx.execute(sql`
      INSERT INTO enterprise_figures (zone_id, enterprise_id, year, output_value, tax, employees)
      SELECT zone_id, enterprise_id, year, output_value, tax, employees
      FROM json_populate_recordset(NULL::enterprise_figures, ${JSON.stringify(
        figs.map((r) => ({ zone_id: zoneId, enterprise_id: idOf.get(r.creditCode)!, year: r.year, output_value: r.outputValue, tax: r.tax, employees: r.employees })),
      )}::json)
      ON CONFLICT (enterprise_id, year) DO UPDATE
        SET output_value = excluded.output_value, tax = excluded.tax, employees = excluded.employees, demo = false,
            version = enterprise_figures.version + 1`); // an open edit form of the year is stale now
  }
  const ids = [...new Set(rows.map((r) => idOf.get(r.creditCode)!))];
  const spans = await loadSpans(tx, ids);
  const newTags = rows.flatMap((r) =>
    (r.tags ?? [])
      .filter((t) => !spans.has(`${idOf.get(r.creditCode)}|${t.tag}`))
      .map((t) => ({ zone_id: zoneId, enterprise_id: idOf.get(r.creditCode)!, tag: t.tag, gained_on: t.gainedOn })),
  );
  if (newTags.length) {
    await tx.execute(sql`
      INSERT INTO enterprise_tags (zone_id, enterprise_id, tag, gained_on)
      SELECT zone_id, enterprise_id, tag, gained_on
      FROM json_populate_recordset(NULL::enterprise_tags, ${JSON.stringify(newTags)}::json)`);
  }
  return newTags.map((t) => t.gained_on);
}

/** Enterprises that hold (or held) a tag already: the sheet does not add it twice. */
async function loadSpans(tx: Tx, ids: string[]) {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await tx
      .select({ id: enterpriseTagSpans.enterpriseId, tag: enterpriseTagSpans.tag })
      .from(enterpriseTagSpans)
      .where(inArray(enterpriseTagSpans.enterpriseId, ids.slice(i, i + 1000)));
    for (const r of rows) out.add(`${r.id}|${r.tag}`);
  }
  return out;
}

/** Rows of a raw statement, whichever driver ran it. */
async function rowsOf<R>(result: Promise<unknown>): Promise<R[]> {
  const r = (await result) as { rows?: R[] } | R[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}
