// A brand-new zone (issue 10): units and accounts, nothing else. Every main endpoint
// answers with nothing judged — no status colours, no ranks, no lateness — and /api/zone
// says what the zone lacks, so each page can say what to do first. Drafting a bulletin
// with nothing to report is refused with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleJobs } from '../src/shared/jobs';
import { currentMonth } from '../src/domains/system/periodChoices';
import { createEmptyZone } from './helpers/emptyZone';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client;
let leader: Client;

// The words of a judgement: none may appear in what an empty zone answers.
// (Checked as values and keys of a judgement; an empty list named `behind` judges nothing.)
const JUDGED = /:"(far_behind|slightly_behind|ahead|on_track|late|behind|red|amber)"|"rank":/;

beforeAll(async () => {
  t = await testApp();
  await createEmptyZone(t.handle, 'newzone');
  sup = await t.signIn('supervisor', 'newzone');
  leader = await t.signIn('leader', 'newzone');
}, 120_000);
afterAll(() => t.close());

describe('a brand-new zone', () => {
  it('says it holds nothing, and offers only its current period', async () => {
    const z = (await sup.get('/api/zone')).json();
    expect(z).toMatchObject({ code: 'newzone', demo: false, pinnedDate: null, hasData: false, firstDataDate: null });
    expect(Object.values(z.has).every((v) => v === false)).toBe(true);
    const month = currentMonth(z.today);
    expect(z.periods.month).toEqual([month]);
    expect(z.months).toEqual([month]);
    expect(z.periods.year).toEqual([month.slice(0, 4)]);
  });

  it('opens the cockpit and big screen with no indicator, colour or rank', async () => {
    const c = (await leader.get('/api/cockpit')).json();
    expect(c).toMatchObject({ indicators: [], ranking: [], behind: [], campaigns: [] });
    // (The thresholds are the zone's settings for colours, not a judgement.)
    const { thresholds: _settings, ...judged } = c;
    expect(JSON.stringify(judged)).not.toMatch(JUDGED);
    // The leader's month is the last one ended; nothing newer is offered.
    expect(c.month.latest).toBeNull();
    expect(c.month.latestComplete).toBeNull();
  });

  it('lists no project, task, enterprise, lead, scheme or bulletin, and judges none', async () => {
    for (const url of ['/api/projects', '/api/supervision/tasks', '/api/enterprises', '/api/attraction/leads', '/api/assessment/schemes', '/api/bulletins', '/api/campaigns']) {
      const res = await sup.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect({ url, items: res.json().items, total: res.json().total }).toEqual({ url, items: [], total: 0 });
    }
    const map = (await sup.get('/api/projects/battle-map')).json();
    expect(map.projects).toEqual([]);
    expect(map.counts).toEqual({ done: 0, on_time: 0, at_risk: 0, behind: 0 });
    const summary = (await sup.get('/api/supervision/summary')).json();
    expect(summary.groups).toEqual([]);
    expect(summary.totals).toEqual({ total: 0, onTime: 0, amber: 0, late: 0, closed: 0 });
    // Nobody owes figures yet: no unit is listed as missing its report.
    expect((await sup.get(`/api/targets/missing?period=${currentMonth((await sup.get('/api/zone')).json().today)}`)).json().units).toEqual([]);
  });

  it('refuses to draft a bulletin with nothing to report, in both languages, and writes nothing', async () => {
    const month = currentMonth((await sup.get('/api/zone')).json().today);
    const res = await sup.send('POST', '/api/bulletins', { period: month });
    expect(res.statusCode).toBe(200);
    await settleJobs();
    const job = (await sup.get(`/api/jobs/${res.json().jobId}`)).json();
    expect(job.status).toBe('failed');
    expect(job.errors.code).toBe('bulletins.no_content');
    expect(job.errors.message.zh).toContain('尚无已审核的填报数据、项目或督办任务，没有可通报的内容');
    expect(job.errors.message.en).toContain('Nothing to report');
    expect((await sup.get('/api/bulletins')).json().total).toBe(0);
  });
});
