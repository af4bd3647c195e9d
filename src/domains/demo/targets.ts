// Demo data of the targets domain, written through its services (audited).
// - huaian 2023: seed 001's half-year (1–6月) figures, exactly as the seed gives
//   them, entered as zone figures by the responsible departments and approved;
//   previous-year values are reconstructed from the stated growth (marked demo),
//   the tax figure from the stated 税占比 (marked demo); targets are demo.
// - xuzhou 2022: plausible monthly figures (Jan–Aug) for the six towns and
//   sub-districts of seeds 003/000, all marked demo, so the cockpit shows real
//   colours and ranks; Jan–Jul are locked (published).
import { eq } from 'drizzle-orm';
import type { DbHandle, Tx } from '../../db/client';
import { periodLocks, units } from '../../db/schema';
import { writeAudited, type Audit } from '../../server/context';
import { dec, round } from '../../shared/decimal';
import type { DemoZone } from './zones';
import { createIndicator, upsertTarget, type IndicatorInput } from '../targets/catalogue';
import { saveFigures, type Writer } from '../targets/reporting';
import { saveDekadFigures } from '../targets/dekadReporting';
import type { DekadNo } from '../targets/dekad';

type Def = Pick<IndicatorInput, 'code' | 'name' | 'measure' | 'kind'> & Partial<IndicatorInput> & { owner?: string };

/**
 * Indicators filled from Gongjian's own data (fill method 'system', see
 * domains/feeds) and the count each is bound to (indicators.feed): the
 * enterprise register's counts, the 招商 signings and the projects' 开工/投产.
 * Only in Xuzhou, whose demo has a register, leads and projects; Huai'an
 * reports the seed's stated figures by hand.
 */
export const SYSTEM_FILLED: Record<string, string> = {
  net_four_above: 'enterprises.net_four_above',
  new_hundred_billion: 'enterprises.new_hundred_billion',
  net_hightech: 'enterprises.net_high_tech',
  little_giants: 'enterprises.new_little_giant',
  new_single_champion: 'enterprises.new_single_champion',
  cloud_stars: 'enterprises.new_cloud_star',
  new_smart_workshop: 'enterprises.new_smart_workshop',
  signed_projects: 'attraction.signed_projects',
  signed_investment: 'attraction.signed_investment',
  foreign_projects: 'attraction.foreign_projects',
  foreign_investment: 'attraction.foreign_investment',
  started_projects: 'projects.started',
  producing_projects: 'projects.producing',
};

/** The indicators the seeds name; `owner` is the unit reporting the zone figure where the zone reports one. */
export function catalogue(zone: 'xuzhou' | 'huaian'): Def[] {
  const hz = zone === 'huaian';
  const zoneLevel = (owner: string) => ({ aggregation: 'zone_reported' as const, owner });
  const unitsOr = (owner: string) => (hz ? zoneLevel(owner) : {});
  // 以日保旬: Xuzhou's campaign presses 规上工业增加值 and 固定资产投资 dekad by dekad (seed 000).
  const dekad = hz ? {} : { rhythm: 'dekad' as const };
  const fill = (d: Def): Def => (!hz && Object.hasOwn(SYSTEM_FILLED, d.code) ? { ...d, fillMethod: 'system', feed: SYSTEM_FILLED[d.code]! } : d);
  return ([
    { code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow', ...unitsOr('caizheng') },
    { code: 'tax', name: '税收收入', measure: '亿元', kind: 'flow', parentCode: 'gbr', ...unitsOr('caizheng') },
    { code: 'tax_share', name: '税占比', measure: '%', kind: 'ratio', numeratorCode: 'tax', denominatorCode: 'gbr', ...(hz ? { aggregation: 'zone_reported' as const } : {}) },
    { code: 'industrial_va', name: '规模以上工业增加值', measure: '亿元', kind: 'flow', ...zoneLevel('jingfa'), ...dekad },
    { code: 'fai', name: '固定资产投资', measure: '亿元', kind: 'flow', ...unitsOr('jingfa'), ...dekad },
    { code: 'industrial_inv', name: '工业投资', measure: '亿元', kind: 'flow', parentCode: 'fai', ...unitsOr('jingfa') },
    { code: 'trade', name: '进出口总额', measure: '亿元', kind: 'flow', ...zoneLevel('jingfa') },
    { code: 'export', name: '出口', measure: '亿元', kind: 'flow', parentCode: 'trade', ...zoneLevel('jingfa') },
    { code: 'fdi', name: '实际使用外资', measure: '亿美元', kind: 'flow', ...zoneLevel(hz ? 'zhaoshang' : 'zhaoshang') },
    { code: 'signed_projects', name: '新签约亿元以上项目', measure: '个', kind: 'count', decimals: 0, ...unitsOr('zhaoshang') },
    { code: 'signed_investment', name: '新签约亿元以上项目计划总投资', measure: '亿元', kind: 'flow', parentCode: 'signed_projects', ...zoneLevel('zhaoshang') },
    { code: 'foreign_projects', name: '新签约外资项目', measure: '个', kind: 'count', decimals: 0, ...zoneLevel('zhaoshang') },
    { code: 'foreign_investment', name: '新签约外资项目计划总投资', measure: '亿元', kind: 'flow', parentCode: 'foreign_projects', ...zoneLevel('zhaoshang') },
    { code: 'sei_output', name: '战略性新兴产业产值', measure: '亿元', kind: 'flow', ...zoneLevel('jingfa') },
    { code: 'net_four_above', name: '净增“四上”企业', measure: '家', kind: 'count', decimals: 0, ...unitsOr('jingfa') },
    { code: 'net_hightech', name: '净增高新技术企业', measure: '家', kind: 'count', decimals: 0, ...zoneLevel('jingfa') },
    { code: 'little_giants', name: '新增专精特新“小巨人”企业', measure: '家', kind: 'count', decimals: 0, ...zoneLevel('jingfa') },
    // Seed 003: 获批智能车间5家以上、星级上云企业40家以上 (gained in the year).
    { code: 'cloud_stars', name: '新增星级上云企业', measure: '家', kind: 'count', decimals: 0, ...zoneLevel('jingfa') },
    { code: 'new_smart_workshop', name: '新增智能车间', measure: '家', kind: 'count', decimals: 0, ...zoneLevel('jingfa') },
    // Seed 003: 新增百亿元企业2家, 新增国家制造业单项冠军1家.
    { code: 'new_hundred_billion', name: '新增百亿元企业', measure: '家', kind: 'count', decimals: 0, ...zoneLevel('jingfa') },
    { code: 'new_single_champion', name: '新增制造业单项冠军企业', measure: '家', kind: 'count', decimals: 0, ...zoneLevel('jingfa') },
    // Seed 001 reports 新开工 and 竣工投产 projects against targets; the projects module counts them
    // (Xuzhou only, from its demo projects; the seeds give Xuzhou no target numbers, so none is set).
    ...(hz
      ? []
      : [
          { code: 'started_projects', name: '新开工项目数', measure: '个', kind: 'count' as const, decimals: 0 },
          { code: 'producing_projects', name: '竣工投产项目数', measure: '个', kind: 'count' as const, decimals: 0 },
        ]),
  ] satisfies Def[]).map(fill);
}

/** Seed 001, first paragraph: Huai'an zone, 2023, 1–6月. */
export const HUAIAN_H1 = {
  period: '2023-06',
  gbr: '18.56', // 一般公共预算收入18.56亿元
  gbrYoy: '36.7', // 同比增长36.7%
  taxShare: '93.25', // 税占比93.25%
  foreignProjects: '10', // 新签约外资项目10个
  foreignInvestment: '57.7', // 计划总投资57.7亿元
  trade: '83.04', // 进出口总额83.04亿元
  export: '57.6', // 出口57.6亿元
  exportYoy: '5.2', // 同比增长5.2%
  signedProjects: '49', // 新签约亿元以上项目49个
  signedInvestment: '280.63', // 计划总投资280.63亿元
} as const;

/**
 * A previous-year value that reproduces a stated growth when rounded to one
 * decimal: value / (1 + g), rounded to two decimals (18.56 / 1.367 → 13.58, and
 * (18.56 − 13.58) / 13.58 = 36.67% → 36.7%).
 */
export function prevYearFor(value: string, yoyPercent: string): string {
  return round(dec(value).div(dec(yoyPercent).div(100).plus(1)), 2);
}

/** Small deterministic generator, so the demo is the same every time. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedTargets(handle: DbHandle, zone: DemoZone, zoneId: string): Promise<void> {
  if (zone.code !== 'xuzhou' && zone.code !== 'huaian') return;
  await writeAudited(handle.db, { zoneId, userId: null }, null, async (tx, audit) => {
    const us = await tx.select().from(units).where(eq(units.zoneId, zoneId));
    const unitId = (code: string) => us.find((u) => u.code === code)!.id;
    const ids = new Map<string, string>();
    for (const [i, d] of catalogue(zone.code as 'xuzhou' | 'huaian').entries()) {
      const { owner, ...def } = d;
      const row = await createIndicator(tx, audit, zoneId, {
        higherIsBetter: true,
        aggregation: 'sum',
        decimals: 2,
        fillMethod: 'manual',
        progressMode: 'days',
        numeratorCode: null,
        denominatorCode: null,
        parentCode: null,
        active: true,
        feed: null,
        rhythm: 'month',
        ...def,
        zoneUnitId: owner ? unitId(owner) : null,
        sortOrder: (i + 1) * 10,
      });
      ids.set(d.code, row.id);
    }
    if (zone.code === 'huaian') await seedHuaian(tx, audit, zoneId, zone.year, ids, unitId);
    else await seedXuzhou(tx, audit, zoneId, zone.year, ids, unitId, us.filter((u) => u.kind === 'town' || u.kind === 'subdistrict').map((u) => u.id));
  });
}

const seederWriter = (zoneId: string): Writer => ({ zoneId, userId: null, authorizeUnit: () => {}, mayCorrect: true, source: 'manual', sourceName: 'demo' });

async function seedHuaian(tx: Tx, audit: Audit, zoneId: string, year: number, ids: Map<string, string>, unitId: (c: string) => string) {
  const t = (code: string, floor: string, stretch: string | null) =>
    upsertTarget(tx, audit, zoneId, { indicatorId: ids.get(code)!, unitId: null, year, floor, stretch, monthlyPlan: null }, { demo: true });
  await t('gbr', '34', '36');
  await t('tax_share', '90', null);
  await t('trade', '160', '170');
  await t('export', '110', '115');
  await t('signed_projects', '90', '100');
  await t('signed_investment', '500', '550');
  await t('foreign_projects', '18', '20');
  await t('foreign_investment', '100', '110');
  const h = HUAIAN_H1;
  // The tax figure is not printed; 93.25% of 18.56 is 17.307 (17.307 / 18.56 = 93.249% → 93.25%).
  const tax = round(dec(h.gbr).times(h.taxShare).div(100), 3);
  const rows = (list: [string, string, string | null, string][]) =>
    list.map(([code, value, prevYear, note]) => ({ indicatorId: ids.get(code)!, value, prevYear, note, fileIds: [] }));
  const opts = { todayIso: '2023-07-15', state: 'approved' as const };
  const w = seederWriter(zoneId);
  await saveFigures(tx, audit, w, {
    unitId: unitId('caizheng'), period: h.period, submit: true,
    rows: rows([
      ['gbr', h.gbr, prevYearFor(h.gbr, h.gbrYoy), '种子001；上年同期由同比增长36.7%反推（演示）'],
      ['tax', tax, null, '由税占比93.25%反推（演示）'],
    ]),
  }, opts);
  await saveFigures(tx, audit, w, {
    unitId: unitId('jingfa'), period: h.period, submit: true,
    rows: rows([
      ['trade', h.trade, null, '种子001（预计完成）'],
      ['export', h.export, prevYearFor(h.export, h.exportYoy), '种子001；上年同期由同比增长5.2%反推（演示）'],
    ]),
  }, opts);
  await saveFigures(tx, audit, w, {
    unitId: unitId('zhaoshang'), period: h.period, submit: true,
    rows: rows([
      ['signed_projects', h.signedProjects, null, '种子001'],
      ['signed_investment', h.signedInvestment, null, '种子001'],
      ['foreign_projects', h.foreignProjects, null, '种子001'],
      ['foreign_investment', h.foreignInvestment, null, '种子001'],
    ]),
  }, opts);
}

async function seedXuzhou(
  tx: Tx,
  audit: Audit,
  zoneId: string,
  year: number,
  ids: Map<string, string>,
  unitId: (c: string) => string,
  territorial: string[],
) {
  const rand = rng(2022_08_14);
  // Annual target per territorial unit (floor; stretch +8%), and each unit's pace.
  const unitIndicators: [string, number, number][] = [
    ['gbr', 6, 2], ['tax', 5, 2], ['fai', 40, 2], ['industrial_inv', 22, 2], ['signed_projects', 12, 0], ['net_four_above', 17, 0],
  ];
  const paces = [1.12, 1.0, 0.93, 0.8, 1.05, 0.55];
  const growth = [0.12, 0.06, 0.03, -0.04, 0.09, -0.12];
  const w = seederWriter(zoneId);
  const scale = territorial.map(() => 0.6 + rand() * 0.9);
  for (const [code, base, places] of unitIndicators) {
    for (const [k, u] of territorial.entries()) {
      const floor = round(base * scale[k]!, places);
      await upsertTarget(tx, audit, zoneId, { indicatorId: ids.get(code)!, unitId: u, year, floor, stretch: round(dec(floor).times(1.08), places), monthlyPlan: null }, { demo: true });
    }
  }
  // Zone figures of the economic office.
  const zoneFlows: [string, number, string][] = [
    ['industrial_va', 210, '0.07'], ['trade', 320, '0.11'], ['export', 205, '0.09'], ['fdi', 3.2, '0.05'], ['sei_output', 1150, '0.15'],
  ];
  for (const [code, annual] of zoneFlows) {
    await upsertTarget(tx, audit, zoneId, { indicatorId: ids.get(code)!, unitId: null, year, floor: String(annual), stretch: round(annual * 1.06, 2), monthlyPlan: null }, { demo: true });
  }
  // Seed 003's goals for counts the register feeds (力争新增百亿元企业2家、单项冠军1家、"小巨人"5家、
  // 净增高企50家以上; 获批智能车间5家以上、星级上云企业40家以上).
  const registerGoals = [['new_hundred_billion', '2'], ['new_single_champion', '1'], ['little_giants', '5'], ['net_hightech', '50'], ['new_smart_workshop', '5'], ['cloud_stars', '40']] as const;
  for (const [code, floor] of registerGoals) {
    await upsertTarget(tx, audit, zoneId, { indicatorId: ids.get(code)!, unitId: null, year, floor, stretch: null, monthlyPlan: null }, { demo: true });
  }
  const systemIds = new Set(Object.keys(SYSTEM_FILLED).map((c) => ids.get(c)));
  const lastMonth = 8;
  // 以日保旬: the dekad indicators' 上旬 and 中旬 lie between last month's and this month's
  // year to date (about a third and two thirds of the month's amount); the 下旬 is the month's.
  const dekadCodes = new Set(['fai', 'industrial_va']);
  const lastYtd = new Map<string, string>();
  const seedDekads = async (unit: string, period: string, todayIso: string, rows: { indicatorId: string; value: string }[]) => {
    const picked = rows.filter((r) => [...dekadCodes].some((c) => ids.get(c) === r.indicatorId));
    if (picked.length === 0) return;
    for (const [i, share] of [0.3, 0.64, 1].entries()) {
      const dekadRows = picked.map((r) => {
        const before = dec(lastYtd.get(`${r.indicatorId}|${unit}`) ?? '0');
        return { indicatorId: r.indicatorId, value: share === 1 ? r.value : round(before.plus(dec(r.value).minus(before).times(share)), 2), note: '演示数据' };
      });
      await saveDekadFigures(tx, audit, w, { unitId: unit, period, dekad: (i + 1) as DekadNo, rows: dekadRows }, { todayIso, demo: true });
    }
    for (const r of picked) lastYtd.set(`${r.indicatorId}|${unit}`, r.value);
  };
  for (let m = 1; m <= lastMonth; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    const todayIso = `${year}-${String(m + 1).padStart(2, '0')}-05`;
    for (const [k, u] of territorial.entries()) {
      const rows = unitIndicators.map(([code, base, places], j) => {
        const floor = base * scale[k]!;
        const pace = paces[k]! + ((j * 7 + k * 3) % 5) * 0.03 - 0.06 + (rand() - 0.5) * 0.06;
        const value = floor * (m / 12) * Math.max(0.2, pace);
        const prev = value / (1 + growth[k]! + (rand() - 0.5) * 0.04);
        return { indicatorId: ids.get(code)!, value: round(value, places), prevYear: round(prev, places), note: '演示数据', fileIds: [] };
      });
      // System-filled indicators (四上, 亿元以上项目) take the register's and 招商's counts instead (domains/feeds).
      const manual = rows.filter((r) => !systemIds.has(r.indicatorId));
      await saveFigures(tx, audit, w, { unitId: u, period, rows: manual, submit: true }, { todayIso, state: 'approved', demo: true });
      await seedDekads(u, period, todayIso, manual);
    }
    const zoneRows = zoneFlows.map(([code, annual, g]) => {
      const value = annual * (m / 12) * (0.97 + rand() * 0.08);
      return { indicatorId: ids.get(code)!, value: round(value, 2), prevYear: round(value / (1 + Number(g)), 2), note: '演示数据', fileIds: [] };
    });
    await saveFigures(tx, audit, w, { unitId: unitId('jingfa'), period, rows: zoneRows.filter((r) => r.indicatorId !== ids.get('fdi')), submit: true }, { todayIso, state: 'approved', demo: true });
    await seedDekads(unitId('jingfa'), period, todayIso, zoneRows);
    await saveFigures(tx, audit, w, { unitId: unitId('zhaoshang'), period, rows: zoneRows.filter((r) => r.indicatorId === ids.get('fdi')), submit: true }, { todayIso, state: 'approved', demo: true });
    if (m < lastMonth) {
      await tx.insert(periodLocks).values({ zoneId, period, lockedBy: null });
      await audit({ action: 'lock', entity: 'period', entityId: period, after: { period, demo: true } });
    }
  }
}
