// 招商 signings and their counts by month: a project signed in the year, or a signed
// lead not yet made a project. Read by the counts page and by the attraction feed.
import { and, eq, like, sql } from 'drizzle-orm';
import type { ReadDb, Tx } from '../../db/client';
import { attractionLeads, projects } from '../../db/schema';
import { sum } from '../../shared/decimal';
import { atLeastYi, toYuan } from '../projects/rules';
import { getSettings } from '../projects/views';

export interface MonthCount {
  month: number;
  /** Signed projects of 1亿元 and more. */
  signedLarge: number;
  /** Their planned investment, 亿元 (null when a USD amount has no rate for the year). */
  signedLargeInvestmentYuan: string | null;
  foreignProjects: number;
  /** Planned investment of the foreign-capital projects signed, 亿美元 and 亿元. */
  foreignInvestmentUsd: string;
  foreignInvestmentYuan: string | null;
}

/** One signing: a project signed in the year, or a signed lead not yet made a project. */
export interface Signing {
  unitId: string;
  total: string;
  currency: 'CNY' | 'USD';
  foreign: boolean;
  signed: string;
}

/** The year's signings; each counts once (a converted lead is counted as its project). */
export async function signingsOf(db: ReadDb | Tx, zoneId: string, year: number): Promise<Signing[]> {
  const ps = await db
    .select({ unitId: projects.responsibleUnitId, total: projects.totalInvestment, currency: projects.currency, foreign: projects.foreignCapital, signed: sql<string | null>`${projects.stageDates}->'signed'->>'actual'` })
    .from(projects)
    .where(and(eq(projects.zoneId, zoneId), sql`${projects.stageDates}->'signed'->>'actual' LIKE ${`${year}-%`}`));
  const ls = await db
    .select({ unitId: attractionLeads.unitId, total: attractionLeads.expectedInvestment, currency: attractionLeads.currency, foreign: attractionLeads.foreignCapital, signed: attractionLeads.signedOn })
    .from(attractionLeads)
    .where(and(eq(attractionLeads.zoneId, zoneId), like(sql`${attractionLeads.signedOn}::text`, `${year}-%`), sql`${attractionLeads.projectId} IS NULL`));
  return [...ps, ...ls].filter((s): s is typeof s & { signed: string } => !!s.signed);
}

/**
 * The counts by month and year to date, from the signings (pure). USD amounts
 * convert at the year's rate (亿元 is null without it).
 */
export function countSignings(signings: readonly Signing[], year: number, rate: string | undefined) {
  const months: MonthCount[] = [];
  const ytd: MonthCount[] = [];
  for (let m = 1; m <= 12; m++) {
    const key = `${year}-${String(m).padStart(2, '0')}`;
    const pick = (upTo: boolean) => signings.filter((s) => (upTo ? s.signed.slice(0, 7) <= key : s.signed.startsWith(key)));
    const count = (list: readonly Signing[]): MonthCount => {
      const foreign = list.filter((s) => s.foreign);
      const usd = sum(foreign.filter((s) => s.currency === 'USD').map((s) => s.total));
      const yuanParts = foreign.map((s) => toYuan(s.total, s.currency, rate));
      // Without a rate, 1亿美元 is still at least 1亿元: the USD amount is a safe lower bound for the threshold.
      const large = list.filter((s) => atLeastYi(toYuan(s.total, s.currency, rate) ?? (s.currency === 'USD' ? s.total : null)));
      const largeYuan = large.map((s) => toYuan(s.total, s.currency, rate));
      return {
        month: m,
        signedLarge: large.length,
        signedLargeInvestmentYuan: largeYuan.some((y) => y === null) ? null : sum(largeYuan as string[]).toString(),
        foreignProjects: foreign.length,
        foreignInvestmentUsd: usd.toString(),
        foreignInvestmentYuan: yuanParts.some((y) => y === null) ? null : sum(yuanParts as string[]).toString(),
      };
    };
    months.push(count(pick(false)));
    ytd.push(count(pick(true)));
  }
  return { months, ytd };
}

/**
 * The counts the zone reports, by month and year to date. Each signing counts
 * once: a project signed this year, or a signed lead not yet made a project.
 * USD amounts convert at the zone's rate for the year (亿元 is null without it).
 */
export async function attractionCounts(db: ReadDb, zoneId: string, year: number) {
  const settings = await getSettings(db, zoneId);
  const rate = settings.usdRates[String(year)];
  const { months, ytd } = countSignings(await signingsOf(db, zoneId, year), year, rate);
  return { year, usdRate: rate ?? null, months, ytd };
}
