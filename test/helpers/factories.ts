// Test factories: a test builds the rows it asserts on through the domains' own
// services (validated and audited, as a user's writes are), on a database that holds
// only the migrated schema, instead of leaning on the demo zones' rows.
//
//   const t = await testApp({ demo: false, clock });
//   const z = await makeZone(t.handle, 'rc', { units: [unit('donghuan', '东环街道')] });
//   const gbr = await z.indicator({ code: 'gbr', name: '一般公共预算收入', measure: '亿元', kind: 'flow' });
//   await z.target(gbr, 'donghuan', 2022, '6');
//   await z.figures('donghuan', '2022-08', { [gbr.id]: '4.00' });
//   await z.dekad('donghuan', '2022-08', 3, { [fai.id]: '4.00' });  // an indicator with rhythm 'dekad'
//   const reporter = await t.signIn(z.reporter('donghuan'), z.code);
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbHandle, Tx } from '../../src/db/client';
import { memberships, users, zones, type HazardCategory, type HazardLevel, type UnitKind } from '../../src/db/schema';
import { writeAudited, type Audit } from '../../src/server/context';
import type { Actor } from '../../src/shared/policy';
import { createUnit } from '../../src/domains/system/units';
import { createUser } from '../../src/domains/system/users';
import { demoStaff } from '../../src/domains/demo/zones';
import { createIndicator, indicatorInput, upsertTarget, type Indicator, type IndicatorInput } from '../../src/domains/targets/catalogue';
import { saveFigures, type Figure, type Writer } from '../../src/domains/targets/reporting';
import { saveDekadFigures, type DekadFigure } from '../../src/domains/targets/dekadReporting';
import { registerHazard } from '../../src/domains/hazards/service';
import { createProject } from '../../src/domains/projects/service';
import { projectInput, type ProjectInput } from '../../src/domains/projects/model';
import { addTag, createEnterprise, enterpriseInput, setFigures, type EnterpriseInput } from '../../src/domains/enterprises/register';
import { addMember, createPool, poolInput } from '../../src/domains/enterprises/pools';
import { createPlan, planInput, setActual } from '../../src/domains/enterprises/plans';
import { createVisit, visitInput } from '../../src/domains/enterprises/visits';
import { accountInput, createEnterpriseAccount } from '../../src/domains/enterprises/accounts';
import { usccCheckChar } from '../../src/domains/enterprises/uscc';
import { raiseItem, type LoopItem } from '../../src/shared/loop/store';
import { demoLoopItem } from '../../src/domains/demo/assessment';
import type { EnterpriseTag, FigureState, PoolGoal, PoolRules } from '../../src/db/schema';
import { DEMO_PASSWORD } from './templateNames';

export interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
}

export const unit = (code: string, name: string, kind: UnitKind = 'subdistrict'): UnitSpec => ({ code, name, kind });

/** A new zone's units when a test names none: two territorial units and a department. */
export const DEFAULT_UNITS: UnitSpec[] = [unit('town1', '东城街道'), unit('town2', '西湖镇', 'town'), unit('ducha', '督查办', 'department')];

export interface FigureValue {
  value: string;
  prevYear?: string | null;
  note?: string;
}

export interface Zone {
  id: string;
  code: string;
  /** A unit's id by its code. */
  unitId(code: string): string;
  /** The reporter account of a unit (`<zone>-<unit>`), signed in with the demo password. */
  reporter(unitCode: string): string;
  /** The actor of one of the zone's accounts (demo staff or a reporter), for writing through services. */
  actor(username: string): Promise<Actor>;
  indicator(def: Pick<IndicatorInput, 'code' | 'name' | 'measure' | 'kind'> & Partial<IndicatorInput> & { owner?: string }): Promise<Indicator>;
  /** A year's target (floor, optional stretch) of a unit, or the zone's own (unit null). */
  target(indicator: Indicator, unitCode: string | null, year: number, floor: string, stretch?: string | null): Promise<void>;
  /** A unit's figures of a month, by indicator id; approved unless `state` says otherwise. */
  figures(unitCode: string, period: string, rows: Record<string, string | FigureValue>, opts?: { state?: FigureState }): Promise<Figure[]>;
  /** A unit's year-to-date figures of one dekad (1–3) of a month, by indicator id (a zone figure for the indicator's owner unit). */
  dekad(unitCode: string, period: string, dekad: 1 | 2 | 3, rows: Record<string, string>): Promise<DekadFigure[]>;
  /** A project of a unit, created by the supervisor on `today` (its plan laid backwards from `targetDate`). */
  project(unitCode: string, input: Pick<ProjectInput, 'name'> & Partial<ProjectInput>, today: string): Promise<{ id: string; name: string }>;
  /** A problem raised on the shared closed loop by the zone's supervisor, unassigned, at `raisedAt` (default now). */
  problem(title: string, raisedAt?: Date): Promise<LoopItem>;
  /**
   * A task or problem given to a unit (its reporter works it), raised on `raisedOn` and, unless
   * `closedOn` is null, reported done and verified, closed on that day: the loop's own actions, dated back.
   */
  loopItem(unitCode: string, input: { kind: 'task' | 'problem'; title: string; raisedOn: string; deadline: string; closedOn: string | null }): Promise<string>;
  /** A hazard registered by the supervisor for a unit, found on `foundOn`. */
  hazard(unitCode: string, input: { title: string; foundOn: string; category?: HazardCategory; level?: HazardLevel }): Promise<{ id: string; version: number }>;
  /** An enterprise of a unit in the register, entered by the supervisor; a valid credit code of its own unless given; `more` sets its chain, leader, contact or note. */
  enterprise(unitCode: string, name: string, creditCode?: string, more?: Partial<Pick<EnterpriseInput, 'chain' | 'leaderName' | 'contact' | 'note'>>): Promise<{ id: string; name: string; creditCode: string }>;
  /** An enterprise user's account for the enterprise (password: the demo password unless given). */
  enterpriseAccount(enterpriseId: string, username: string, password?: string): Promise<{ id: string; username: string }>;
  /** An enterprise's figures of a year (output and tax in 万元), set by the supervisor. */
  enterpriseFigures(enterpriseId: string, year: number, figures: { outputValue: string; tax?: string | null; employees?: number | null }): Promise<void>;
  /** A tag an enterprise gained (and lost), recorded by the supervisor on `today` (default its last date), which feeds the zone's bound indicators. */
  enterpriseTag(enterpriseId: string, tag: EnterpriseTag, gainedOn: string, opts?: { lostOn?: string | null; today?: string }): Promise<{ id: string; version: number }>;
  /** A cultivation pool (entry rules, next-tier goal), created by the supervisor. */
  pool(input: { code: string; name: string; rules?: PoolRules; goal?: PoolGoal; sortOrder?: number }): Promise<{ id: string; code: string }>;
  /** An enterprise added to a pool by the supervisor on `addedOn`. */
  poolMember(poolId: string, enterpriseId: string, addedOn: string): Promise<void>;
  /** A one-enterprise plan (一企一策) of a year, created by the supervisor, with the cumulative output of months 1, 2, … in `actuals`. */
  enterprisePlan(enterpriseId: string, year: number, targetOutput: string, actuals?: string[]): Promise<{ id: string }>;
  /** A visit to one of a unit's enterprises, logged by the unit's reporter. */
  enterpriseVisit(unitCode: string, enterpriseId: string, input: { visitedOn: string; visitors: string; findings?: string }): Promise<{ id: string }>;
}

/** A valid 18-character credit code, the n-th of the tests' own (region 320301). */
export function creditCode(n: number): string {
  const first17 = `91320301MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

/**
 * A zone with its units, the demo staff accounts (admin, leader, supervisor, viewer,
 * attached with their roles) and a reporter per unit in `reporters` (all units by
 * default). Nothing else: no indicators, figures, projects, tasks or enterprises.
 */
export async function makeZone(
  handle: DbHandle,
  code: string,
  opts: { name?: string; units?: UnitSpec[]; reporters?: string[] } = {},
): Promise<Zone> {
  const zoneId = randomUUID();
  const specs = opts.units ?? DEFAULT_UNITS;
  const ids = new Map<string, string>();
  await writeAudited(handle.db, { zoneId, userId: null }, null, async (tx, audit) => {
    const [z] = await tx.insert(zones).values({ id: zoneId, code, name: opts.name ?? '新建经开区', settings: {} }).returning();
    await audit({ action: 'create', entity: 'zone', entityId: zoneId, after: z });
    for (const [i, u] of specs.entries()) ids.set(u.code, (await createUnit(tx, audit, zoneId, { ...u, sortOrder: (i + 1) * 10, active: true })).id);
    const first = specs.find((u) => u.kind !== 'department') ?? specs[0]!;
    for (const s of demoStaff) {
      const unitId = 'unit' in s ? (ids.get(s.unit) ?? null) : s.role === 'viewer' ? ids.get(first.code)! : null;
      if ('unit' in s && !unitId) continue; // a demo department this zone does not have
      await createUser(tx, audit, zoneId, { username: s.username, displayName: s.displayName, password: DEMO_PASSWORD, role: s.role, unitId, locale: 'zh' }, { attachExisting: true });
    }
    for (const u of specs.filter((s) => (opts.reporters ?? specs.map((x) => x.code)).includes(s.code))) {
      await createUser(tx, audit, zoneId, { username: `${code}-${u.code}`, displayName: `${u.name}填报员`, password: DEMO_PASSWORD, role: 'reporter', unitId: ids.get(u.code)!, locale: 'zh' });
    }
  });
  const unitId = (c: string) => {
    const id = ids.get(c);
    if (!id) throw new Error(`zone ${code} has no unit ${c}`);
    return id;
  };
  const write = <T>(fn: (tx: Tx, audit: Audit) => Promise<T>) => writeAudited(handle.db, { zoneId, userId: null }, null, fn);
  const actor = async (username: string): Promise<Actor> => {
    const [m] = await handle.db
      .select({ userId: users.id, role: memberships.role, unitId: memberships.unitId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.zoneId, zoneId), eq(users.username, username)));
    if (!m) throw new Error(`zone ${code} has no account ${username}`);
    return { userId: m.userId, zoneId, role: m.role, unitId: m.unitId };
  };
  // Rows written as a system would: any unit's, corrections allowed.
  const system: Writer = { zoneId, userId: null, authorizeUnit: () => {}, mayCorrect: true, source: 'manual', sourceName: 'test' };
  let order = 0;
  let enterprises = 0;
  return {
    id: zoneId,
    code,
    unitId,
    reporter: (c) => (unitId(c), `${code}-${c}`),
    actor,
    indicator: ({ owner, ...def }) =>
      write((tx, audit) => createIndicator(tx, audit, zoneId, indicatorInput.parse({ sortOrder: (order += 10), ...def, zoneUnitId: owner ? unitId(owner) : (def.zoneUnitId ?? null) }))),
    target: (ind, unitCode, year, floor, stretch = null) =>
      write(async (tx, audit) => {
        await upsertTarget(tx, audit, zoneId, { indicatorId: ind.id, unitId: unitCode ? unitId(unitCode) : null, year, floor, stretch, monthlyPlan: null });
      }),
    figures: (unitCode, period, rows, opts = {}) =>
      write((tx, audit) =>
        saveFigures(
          tx,
          audit,
          system,
          {
            unitId: unitId(unitCode),
            period,
            submit: (opts.state ?? 'approved') !== 'draft',
            rows: Object.entries(rows).map(([indicatorId, v]) => {
              const f = typeof v === 'string' ? { value: v } : v;
              return { indicatorId, value: f.value, prevYear: f.prevYear ?? null, note: f.note ?? '', fileIds: [] };
            }),
          },
          // Written as a system would, the day after the month: no check stands in the way.
          { todayIso: '2100-01-01', state: opts.state ?? 'approved' },
        ),
      ),
    dekad: (unitCode, period, dekad, rows) =>
      write((tx, audit) =>
        saveDekadFigures(tx, audit, system, { unitId: unitId(unitCode), period, dekad, rows: Object.entries(rows).map(([indicatorId, value]) => ({ indicatorId, value, note: '' })) }, { todayIso: '2100-01-01' }),
      ),
    project: async (unitCode, input, today) => {
      const sup = await actor('supervisor');
      const parsed = projectInput.parse({ category: 'industrial', year: Number(today.slice(0, 4)), totalInvestment: '1', ...input, responsibleUnitId: unitId(unitCode) });
      const row = await writeAudited(handle.db, sup, null, (tx, audit) => createProject(tx, audit, sup, parsed, today as Parameters<typeof createProject>[4]));
      return { id: row.id, name: row.name };
    },
    problem: async (title, raisedAt = new Date()) => {
      const sup = await actor('supervisor');
      return writeAudited(handle.db, sup, null, (tx, audit) => raiseItem(tx, audit, sup, { kind: 'problem', title, assigneeUnitId: null, deadline: null }, raisedAt));
    },
    loopItem: async (unitCode, input) => {
      const [sup, reporter] = [await actor('supervisor'), await actor(`${code}-${unitCode}`)];
      return writeAudited(handle.db, sup, null, (tx, audit) => demoLoopItem(tx, audit, sup, reporter, input));
    },
    hazard: async (unitCode, h) => {
      const sup = await actor('supervisor');
      const { item } = await writeAudited(handle.db, sup, null, (tx, audit) =>
        registerHazard(tx, audit, sup, { title: h.title, detail: '', category: h.category ?? 'safety', level: h.level ?? 'general', unitId: unitId(unitCode), foundOn: h.foundOn, location: '' }, h.foundOn, new Date(`${h.foundOn}T02:00:00Z`)),
      );
      return { id: item.id, version: item.version };
    },
    enterprise: async (unitCode, name, code, more = {}) => {
      const sup = await actor('supervisor');
      const input = enterpriseInput.parse({ ...more, name, creditCode: code ?? creditCode(++enterprises), unitId: unitId(unitCode) });
      const row = await writeAudited(handle.db, sup, null, (tx, audit) => createEnterprise(tx, audit, sup, input));
      return { id: row.id, name: row.name, creditCode: row.creditCode };
    },
    enterpriseAccount: async (enterpriseId, username, password = DEMO_PASSWORD) => {
      const sup = await actor('supervisor');
      const input = accountInput.parse({ username, displayName: username, password });
      return writeAudited(handle.db, sup, null, (tx, audit) => createEnterpriseAccount(tx, audit, sup, enterpriseId, input));
    },
    enterpriseFigures: async (enterpriseId, year, f) => {
      const sup = await actor('supervisor');
      await writeAudited(handle.db, sup, null, (tx, audit) => setFigures(tx, audit, sup, enterpriseId, { year, outputValue: f.outputValue, tax: f.tax ?? null, employees: f.employees ?? null }));
    },
    enterpriseTag: async (enterpriseId, tag, gainedOn, opts = {}) => {
      const sup = await actor('supervisor');
      const lostOn = opts.lostOn ?? null;
      const row = await writeAudited(handle.db, sup, null, (tx, audit) => addTag(tx, audit, sup, enterpriseId, { tag, gainedOn, lostOn, note: '' }, opts.today ?? lostOn ?? gainedOn));
      return { id: row.id, version: row.version };
    },
    pool: async (input) => {
      const sup = await actor('supervisor');
      const row = await writeAudited(handle.db, sup, null, (tx, audit) => createPool(tx, audit, sup, poolInput.parse(input)));
      return { id: row.id, code: row.code };
    },
    poolMember: async (poolId, enterpriseId, addedOn) => {
      const sup = await actor('supervisor');
      await writeAudited(handle.db, sup, null, (tx, audit) => addMember(tx, audit, sup, poolId, { enterpriseId, addedOn, note: '' }));
    },
    enterprisePlan: async (enterpriseId, year, targetOutput, actuals = []) => {
      const sup = await actor('supervisor');
      return writeAudited(handle.db, sup, null, async (tx, audit) => {
        const plan = await createPlan(tx, audit, sup, planInput.parse({ enterpriseId, year, targetOutput }));
        for (const [i, output] of actuals.entries()) await setActual(tx, audit, sup, plan.id, i + 1, { output, note: '', version: 1 });
        return { id: plan.id };
      });
    },
    enterpriseVisit: async (unitCode, enterpriseId, input) => {
      const reporter = await actor(`${code}-${unitCode}`);
      const row = await writeAudited(handle.db, reporter, null, (tx, audit) => createVisit(tx, audit, reporter, visitInput.parse({ ...input, enterpriseId })));
      return { id: row.id };
    },
  };
}
