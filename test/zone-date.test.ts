// The zone's date (issue 10): the demo zones replay history as of where their data
// ends, every judgement of "today" follows the zone's date, pickers offer the years
// holding data, and an administrator pins or clears the date (audited, checked,
// changing no stored row but the zone's own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/calendar';
import { scanDueTasks } from '../src/domains/supervision/scan';
import { zoneClock } from '../src/shared/zoneClock';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client;
let admin: Client;

// Business tables must not change when the date is pinned; these may (bookkeeping).
const BOOKKEEPING = new Set(['zones', 'audit_log', 'zone_data_versions', 'sessions', 'login_failures', 'schema_migrations', 'jobs', 'job_runs']);

async function fingerprint(): Promise<Record<string, string>> {
  const tables = await t.handle.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t: name } of tables) {
    if (BOOKKEEPING.has(name)) continue;
    const [row] = await t.handle.query<{ h: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${name}" x`);
    out[name] = row?.h ?? '';
  }
  return out;
}

beforeAll(async () => {
  // The real clock: the demo must make sense whatever the machine's calendar says.
  t = await testApp();
  sup = await t.signIn('supervisor');
  admin = await t.signIn('admin');
}, 120_000);
afterAll(() => t.close());

describe('the demo zones', () => {
  it('are pinned where their data ends and say so', async () => {
    const xz = (await sup.get('/api/zone')).json();
    expect(xz).toMatchObject({ code: 'xuzhou', demo: true, pinnedDate: '2022-08-31', today: '2022-08-31', hasData: true });
    expect(xz.years.projects).toContain(2022);
    expect(xz.years.projects[0]).toBeGreaterThanOrEqual(2022);
    expect(xz.months).toContain('2022-07');
    const ha = (await (await t.signIn('supervisor', 'huaian')).get('/api/zone')).json();
    expect(ha).toMatchObject({ code: 'huaian', pinnedDate: '2023-06-30', today: '2023-06-30' });
    expect(ha.years.figures).toContain(2023);
  });

  it('offer every picker the periods holding data plus the current one, and refuse a malformed month clearly', async () => {
    const xz = (await sup.get('/api/zone')).json();
    // Figures of 2022 reach August (the zone date); earlier years' months are there too, none beyond the date.
    expect(xz.periods.month[0]).toBe('2022-08');
    expect(xz.periods.month).toContain('2022-01');
    expect(xz.periods.month.every((m: string) => m <= '2022-08')).toBe(true);
    expect(xz.periods.quarter).toContain('2022-Q3');
    expect(xz.periods.half[0]).toBe('2022-H2');
    expect(xz.periods.year).toContain('2022');
    // The assessment schemes' own periods are offered too.
    const list = (await sup.get('/api/assessment/schemes?pageSize=100')).json().items as { period: string; periodKind: string }[];
    expect(list.length).toBeGreaterThan(0);
    for (const s of list.filter((x) => x.periodKind !== 'campaign')) expect(xz.periods[s.periodKind]).toContain(s.period);
    const bad = await sup.get('/api/cockpit?period=2022-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'period.month', message: '月份应写作“年-月”，如 2022-07' });
    expect((await sup.get('/api/cockpit?period=2022-7', { 'x-lang': 'en' })).json().message).toBe('A month is written YYYY-MM, e.g. 2022-07');
    expect((await sup.get('/api/targets/missing?period=July')).json().code).toBe('period.month');
  });

  it('judge supervision tasks as of the zone date, not the machine calendar', async () => {
    const page = (await sup.get('/api/supervision/tasks?pageSize=100')).json();
    expect(page.items.length).toBeGreaterThan(5);
    const red = page.items.filter((x: { light: string }) => x.light === 'red');
    expect(red.length).toBeLessThan(page.items.length / 2);
    for (const x of red) expect(x.deadline < '2022-08-31').toBe(true);
  });

  it('lights the shared closed loop (problems, tasks, appeals) by the zone date too', async () => {
    const items = (await sup.get('/api/loop/items?pageSize=100')).json().items as { light: string; deadline: string | null; state: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const x of items.filter((i) => i.light === 'red')) expect(x.deadline! < '2022-08-31').toBe(true);
    expect(items.some((i) => i.state !== 'closed' && i.deadline !== null && i.deadline >= '2022-08-31' && i.light !== 'red')).toBe(true);
  });

  it('open the projects on the zone year with their real standing', async () => {
    const opts = (await sup.get('/api/projects/options')).json();
    expect(opts.today).toBe('2022-08-31');
    const map = (await sup.get('/api/projects/battle-map?year=2022')).json();
    expect(map.projects.length).toBeGreaterThan(5);
    const behind = map.projects.filter((p: { status: string }) => p.status === 'behind');
    expect(behind.length).toBeLessThan(map.projects.length);
  });

  it('default the year of 招商统计 and the pools to the zone year', async () => {
    expect((await sup.get('/api/attraction/counts')).json().year).toBe(2022);
    expect((await sup.get('/api/enterprise-counts')).json().year).toBe(2022);
  });

  it('send no scheduled reminders while pinned: a replayed history is not pressed', async () => {
    const now = new Date('2022-09-05T02:00:00Z');
    const pinned = await scanDueTasks(t.handle.db, now, async () => new Response('{}'));
    expect(pinned).toMatchObject({ red: 0, amber: 0, notified: 0 });
    await t.handle.query(`UPDATE zones SET pinned_date = NULL WHERE code = 'xuzhou'`);
    try {
      const live = await scanDueTasks(t.handle.db, now, async () => new Response('{}'));
      expect(live.red + live.amber).toBeGreaterThan(0);
    } finally {
      await t.handle.query(`UPDATE zones SET pinned_date = '2022-08-31' WHERE code = 'xuzhou'`);
    }
  });
});

/** The version of the zone's pinned date, as the page reads it. */
const zoneVersion = async () => (await admin.get('/api/zone')).json().version as number;

describe('pinning the date', () => {
  it('is for administrators only', async () => {
    const res = await sup.send('PUT', '/api/zone/pinned-date', { pinnedDate: '2022-07-31', version: await zoneVersion() });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a date in the future and one before the first data, with a clear message', async () => {
    const tomorrow = addDays(today(), 1);
    const future = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: tomorrow, version: await zoneVersion() });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'zone.pinned_future' });
    expect(future.json().message).toContain('业务日期不能晚于今天');
    const { firstDataDate } = (await admin.get('/api/zone')).json();
    expect(firstDataDate).toMatch(/^20\d\d-\d\d-01$/);
    const early = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: addDays(firstDataDate, -1), version: await zoneVersion() }, { 'x-lang': 'en' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toEqual({ code: 'zone.pinned_before_data', message: expect.stringContaining(`first data (${firstDataDate})`) });
    expect((await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: '2022-02-30', version: await zoneVersion() })).statusCode).toBe(400);
  });

  it('moves every judgement, changes no stored row but the zone, and is audited', async () => {
    const before = await fingerprint();
    const tasksAt = async () => (await sup.get('/api/supervision/tasks?pageSize=100')).json().items.filter((x: { light: string }) => x.light === 'red').length;
    const redOnPin = await tasksAt();

    const res = await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: null, version: await zoneVersion() });
    expect(res.json()).toEqual({ pinnedDate: null, version: expect.any(Number) });
    const live = (await sup.get('/api/zone')).json();
    expect(live).toMatchObject({ pinnedDate: null, today: today() });
    expect(live.years.projects[0]).toBe(Number(today().slice(0, 4)));
    expect(await tasksAt()).toBeGreaterThan(redOnPin);

    expect((await admin.send('PUT', '/api/zone/pinned-date', { pinnedDate: '2022-08-31', version: await zoneVersion() })).statusCode).toBe(200);
    expect(await tasksAt()).toBe(redOnPin);
    expect(await fingerprint()).toEqual(before);

    const audit = (await admin.get('/api/audit?entity=zone.pinned_date')).json();
    expect(audit.items.slice(0, 2).map((a: { after: unknown }) => a.after)).toEqual([{ pinnedDate: '2022-08-31' }, { pinnedDate: null }]);
  });
});

describe('the zone clock', () => {
  it('keeps the real time of day on the pinned date (China time)', () => {
    const real = () => new Date('2026-12-03T18:30:00Z'); // 02:30 on 4 December in China
    const c = zoneClock(real, '2022-08-31');
    expect(c().toISOString()).toBe('2022-08-30T18:30:00.000Z');
    expect(today(c)).toBe('2022-08-31');
    expect(zoneClock(real, null)).toBe(real);
  });
});
