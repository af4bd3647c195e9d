// Lost updates (issue 13, finding 10): every update route takes the version the user
// read. For each: no version → 400; a stale one (another user saved in between) → 409
// and nothing changed; the current one → 200 and the version moves on by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScheme } from '../src/domains/demo/assessment';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let sup: Client, admin: Client, jinlonghu: Client, ent: Client;

const ZONE = `(SELECT id FROM zones WHERE code = 'xuzhou')`;
async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []) {
  return (await t.handle.query<T>(sql, params))[0]!;
}
const unitId = async (code: string) => (await one<{ id: string }>(`SELECT id FROM units WHERE zone_id = ${ZONE} AND code = $1`, [code])).id;

/** One update route: who calls it with what, and which row holds the version it guards. */
interface Case {
  client: () => Client;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body: Record<string, unknown>;
  table: string;
  id: string;
  /** Other rows the route changes, which a stale call must leave as they were. */
  also?: { table: string; id: string }[];
  /** Where the response carries the version (default: at the top). */
  versionOf?: (body: Record<string, unknown>) => unknown;
  /** A version kept elsewhere than `table.version` (supervision settings, in zones.settings). */
  stored?: { read(): Promise<number>; bump(): Promise<void> };
}

type Setup = () => Promise<Case>;

/** An appeal raised by the enterprise now, its id and its loop item's. */
async function raiseAppeal(title: string) {
  const a = (await ent.send('POST', '/api/my-enterprise/appeals', { title, category: 'utilities' })).json();
  return { id: a.id as string, itemId: a.loopItemId as string };
}

async function projectOf(unitCode: string) {
  return one<{ id: string }>(`SELECT p.id FROM projects p JOIN units u ON u.id = p.responsible_unit_id WHERE p.zone_id = ${ZONE} AND u.code = $1 ORDER BY p.name LIMIT 1`, [unitCode]);
}

/** An open task made late (its deadline moved before the clock's day), with a reporter of its lead unit signed in. */
async function lateTask() {
  const task = await one<{ id: string; loopItemId: string; username: string }>(
    `SELECT t.id, t.loop_item_id AS "loopItemId", us.username FROM supervision_tasks t JOIN loop_items l ON l.id = t.loop_item_id
       JOIN memberships m ON m.unit_id = l.assignee_unit_id AND m.role = 'reporter' JOIN users us ON us.id = m.user_id
      WHERE t.zone_id = ${ZONE} AND l.state <> 'closed' ORDER BY t.created_at, t.id, us.username LIMIT 1`,
  );
  await t.handle.query(`UPDATE loop_items SET deadline = '2022-08-15' WHERE id = $1`, [task.loopItemId]);
  return { id: task.id, lead: await t.signIn(task.username) };
}

const cases: Record<string, Setup> = {
  'POST /api/loop/items/:id/actions': async () => {
    const p = await projectOf('jinlonghu');
    const raised = await sup.send('POST', `/api/projects/${p.id}/problems`, { title: '供电接入', category: 'power' });
    expect(raised.statusCode, raised.body).toBe(200);
    const item = raised.json();
    return { client: () => sup, method: 'POST', url: `/api/loop/items/${item.id}/actions`, body: { action: 'assign', assigneeUnitId: await unitId('jinlonghu'), deadline: '2022-09-30' }, table: 'loop_items', id: item.id };
  },
  'POST /api/enterprise-appeals/:id/actions': async () => {
    const a = await raiseAppeal('供水管网接入');
    return { client: () => sup, method: 'POST', url: `/api/enterprise-appeals/${a.id}/actions`, body: { action: 'assign', assigneeUnitId: await unitId('jingfa') }, table: 'loop_items', id: a.itemId, also: [{ table: 'enterprise_appeals', id: a.id }] };
  },
  'POST /api/enterprise-appeals/:id/answer': async () => {
    const a = await raiseAppeal('用工招聘');
    return { client: () => sup, method: 'POST', url: `/api/enterprise-appeals/${a.id}/answer`, body: { answer: '已对接人社部门。' }, table: 'loop_items', id: a.itemId, also: [{ table: 'enterprise_appeals', id: a.id }] };
  },
  'POST /api/my-enterprise/appeals/:id/withdraw': async () => {
    const a = await raiseAppeal('临时停车');
    return { client: () => ent, method: 'POST', url: `/api/my-enterprise/appeals/${a.id}/withdraw`, body: { reason: '已自行解决' }, table: 'loop_items', id: a.itemId, also: [{ table: 'enterprise_appeals', id: a.id }] };
  },
  'POST /api/my-enterprise/appeals/:id/rate': async () => {
    const a = await raiseAppeal('道路配套');
    // Closed by the department (the loop itself is covered in enterprises-appeals.test.ts).
    await t.handle.query(`UPDATE loop_items SET state = 'closed', closed_at = now() WHERE id = $1`, [a.itemId]);
    await t.handle.query(`UPDATE enterprise_appeals SET closed_at = now() WHERE id = $1`, [a.id]);
    return { client: () => ent, method: 'POST', url: `/api/my-enterprise/appeals/${a.id}/rate`, body: { satisfaction: 'satisfied' }, table: 'loop_items', id: a.itemId, also: [{ table: 'enterprise_appeals', id: a.id }] };
  },
  'PUT /api/projects/:id/plan': async () => {
    const p = await projectOf('donghuan');
    return { client: () => sup, method: 'PUT', url: `/api/projects/${p.id}/plan`, body: { targetDate: '2023-06-30' }, table: 'projects', id: p.id };
  },
  'POST /api/projects/:id/plan/approve': async () => {
    const p = await one<{ id: string }>(`SELECT id FROM projects WHERE zone_id = ${ZONE} AND id IN (SELECT project_id FROM project_milestones) ORDER BY name LIMIT 1`);
    return { client: () => sup, method: 'POST', url: `/api/projects/${p.id}/plan/approve`, body: {}, table: 'projects', id: p.id };
  },
  'POST /api/projects/:id/stage': async () => {
    const p = await projectOf('jinlonghu');
    return { client: () => sup, method: 'POST', url: `/api/projects/${p.id}/stage`, body: { stage: 'at_capacity', planned: '2026-12-31' }, table: 'projects', id: p.id };
  },
  'PATCH /api/projects/:id/milestones/:milestoneId': async () => {
    const m = await one<{ id: string; projectId: string }>(`SELECT id, project_id AS "projectId" FROM project_milestones WHERE zone_id = ${ZONE} ORDER BY project_id, sort_order LIMIT 1`);
    return { client: () => sup, method: 'PATCH', url: `/api/projects/${m.projectId}/milestones/${m.id}`, body: { note: '已协调' }, table: 'project_milestones', id: m.id };
  },
  'POST /api/projects/investments/:id/review': async () => {
    const p = await projectOf('jinlonghu');
    // A month before the demo's reports.
    const sent = await jinlonghu.send('POST', `/api/projects/${p.id}/investments`, { period: '2021-12', amount: '1.5', submit: true });
    expect(sent.statusCode, sent.body).toBe(200);
    return { client: () => sup, method: 'POST', url: `/api/projects/investments/${sent.json().id}/review`, body: { action: 'approve' }, table: 'project_investments', id: sent.json().id };
  },
  'PATCH /api/users/:id': async () => {
    const u = await one<{ id: string }>(`SELECT id FROM users WHERE username = 'xz-damiao'`);
    return { client: () => admin, method: 'PATCH', url: `/api/users/${u.id}`, body: { displayName: '大庙街道填报员（改）' }, table: 'users', id: u.id };
  },
  'POST /api/attraction/leads/:id/stage': async () => {
    const l = await one<{ id: string }>(`SELECT id FROM attraction_leads WHERE zone_id = ${ZONE} AND stage = 'clue' LIMIT 1`);
    return { client: () => sup, method: 'POST', url: `/api/attraction/leads/${l.id}/stage`, body: { stage: 'negotiating' }, table: 'attraction_leads', id: l.id };
  },
  'POST /api/attraction/leads/:id/convert': async () => {
    const l = await one<{ id: string }>(`SELECT id FROM attraction_leads WHERE zone_id = ${ZONE} AND stage = 'signed' AND project_id IS NULL LIMIT 1`);
    return { client: () => sup, method: 'POST', url: `/api/attraction/leads/${l.id}/convert`, body: { targetDate: '2023-06-30' }, table: 'attraction_leads', id: l.id, versionOf: (b) => (b.lead as { version: number }).version };
  },
  'POST /api/bulletins/:id/publish': async () => {
    const drafted = await sup.send('POST', '/api/bulletins', { period: '2022-07' });
    expect(drafted.statusCode, drafted.body).toBe(200);
    await settleJobs();
    const b = { id: (await sup.get(`/api/jobs/${drafted.json().jobId}`)).json().result.bulletinId as string };
    return { client: () => sup, method: 'POST', url: `/api/bulletins/${b.id}/publish`, body: {}, table: 'bulletins', id: b.id };
  },
  ...Object.fromEntries(
    (
      [
        ['/api/targets/settings', 'target_settings', { deadlineDay: 6, remindDaysBefore: 2, amberPoints: '10', redPoints: '30' }],
        ['/api/projects/settings', 'project_settings', { usdRates: { 2022: '6.7261' } }],
        ['/api/bulletins/settings', 'bulletin_settings', { issuer: '经开区管委会办公室', leadSpec: [] }],
      ] as const
    ).map(([url, table, body]): [string, Setup] => [
      `PUT ${url}`,
      async () => {
        // Saved once, so the zone has its row.
        const first = await sup.send('PUT', url, { ...body, version: (await sup.get(url)).json().version });
        expect(first.statusCode, first.body).toBe(200);
        const row = await one<{ id: string }>(`SELECT id FROM ${table} WHERE zone_id = ${ZONE}`);
        return { client: () => sup, method: 'PUT', url, body: { ...body }, table, id: row.id };
      },
    ]),
  ),
  'PUT /api/supervision/settings': async () => {
    const zone = `UPDATE zones SET settings = jsonb_set(settings, '{supervision,version}', to_jsonb(COALESCE((settings->'supervision'->>'version')::int, 1) + 1)) WHERE code = 'xuzhou'`;
    const body = { amberDays: 4, noticePrefix: '经开督', issuer: '经开区督查办公室', webhookUrl: null };
    expect((await sup.send('PUT', '/api/supervision/settings', { ...body, version: (await sup.get('/api/supervision/settings')).json().version })).statusCode).toBe(200);
    return {
      client: () => sup, method: 'PUT', url: '/api/supervision/settings', body, table: 'zones', id: (await one<{ id: string }>(`SELECT id FROM zones WHERE code = 'xuzhou'`)).id,
      stored: { read: async () => (await sup.get('/api/supervision/settings')).json().version, bump: async () => void (await t.handle.query(zone)) },
    };
  },
  'PUT /api/zone/pinned-date': async () => {
    // Cleared (the test zone lives in the present), so no later case moves in time.
    const zone = await one<{ id: string }>(`SELECT id FROM zones WHERE code = 'xuzhou'`);
    return { client: () => admin, method: 'PUT', url: '/api/zone/pinned-date', body: { pinnedDate: null }, table: 'zones', id: zone.id };
  },
  'PUT /api/notifications/unit-webhooks/:unitId': async () => {
    const unit = await unitId('jingfa');
    const url = `/api/notifications/unit-webhooks/${unit}`;
    const body = { url: 'https://oapi.dingtalk.com/robot/send?access_token=versions' };
    // Set once (a unit without a robot reads version 1), so the unit has its row.
    expect((await sup.send('PUT', url, { ...body, version: 1 })).statusCode).toBe(200);
    const robot = `SELECT version FROM unit_webhooks WHERE unit_id = '${unit}'`;
    return {
      client: () => sup, method: 'PUT', url, body, table: 'units', id: unit,
      stored: {
        read: async () => (await one<{ version: number }>(robot)).version,
        bump: async () => void (await t.handle.query(`UPDATE unit_webhooks SET version = version + 1 WHERE unit_id = $1`, [unit])),
      },
    };
  },
  'PUT /api/campaigns/:id': async () => {
    const body = { name: '版本测试行动', startDate: '2022-07-01', endDate: '2022-09-30', indicatorIds: [], items: [] };
    const made = await sup.send('POST', '/api/campaigns', body);
    expect(made.statusCode, made.body).toBe(200);
    return { client: () => sup, method: 'PUT', url: `/api/campaigns/${made.json().id}`, body: { ...body, name: '版本测试行动（改）' }, table: 'campaigns', id: made.json().id };
  },
  'POST /api/supervision/requests/:id/decision': async () => {
    const task = await lateTask();
    const r = await task.lead.send('POST', `/api/supervision/tasks/${task.id}/requests`, { kind: 'long_term', body: '跨年度推进' });
    expect(r.statusCode, r.body).toBe(200);
    return { client: () => sup, method: 'POST', url: `/api/supervision/requests/${r.json().id}/decision`, body: { approve: true, note: '同意长期跟踪' }, table: 'supervision_requests', id: r.json().id, also: [{ table: 'supervision_tasks', id: task.id }] };
  },
  'POST /api/supervision/tasks/:id/delay-reason': async () => {
    const task = await lateTask();
    const url = `/api/supervision/tasks/${task.id}/delay-reason`;
    // Explained once (a deadline not recorded yet reads version 1), so the delay has its row.
    const first = await task.lead.send('POST', url, { reason: '材料待补', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    return { client: () => task.lead, method: 'POST', url, body: { reason: '省级窗口延期受理' }, table: 'supervision_delays', id: first.json().id };
  },
  'POST /api/enterprises/:id/tags/:spanId/lose': async () => {
    const span = await one<{ id: string; enterpriseId: string }>(
      `SELECT id, enterprise_id AS "enterpriseId" FROM enterprise_tags WHERE zone_id = ${ZONE} AND lost_on IS NULL AND gained_on < '2022-08-01' ORDER BY gained_on, id LIMIT 1`,
    );
    return { client: () => sup, method: 'POST', url: `/api/enterprises/${span.enterpriseId}/tags/${span.id}/lose`, body: { lostOn: '2022-08-01' }, table: 'enterprise_tags', id: span.id };
  },
  'PUT /api/enterprise-plans/:id/actuals/:month': async () => {
    const a = await one<{ id: string; planId: string; month: number; output: string }>(
      `SELECT a.id, a.plan_id AS "planId", a.month, a.output FROM plan_actuals a JOIN enterprise_plans p ON p.id = a.plan_id WHERE a.zone_id = ${ZONE} AND p.year = 2022 ORDER BY a.month DESC, a.id LIMIT 1`,
    );
    return { client: () => sup, method: 'PUT', url: `/api/enterprise-plans/${a.planId}/actuals/${a.month}`, body: { output: a.output, note: '版本测试' }, table: 'plan_actuals', id: a.id };
  },
  'PUT /api/enterprises/:id/figures': async () => {
    const f = await one<{ id: string; enterpriseId: string; year: number; outputValue: string | null }>(
      `SELECT id, enterprise_id AS "enterpriseId", year, output_value::text AS "outputValue" FROM enterprise_figures WHERE zone_id = ${ZONE} AND year = 2022 ORDER BY id LIMIT 1`,
    );
    return { client: () => sup, method: 'PUT', url: `/api/enterprises/${f.enterpriseId}/figures`, body: { year: f.year, outputValue: f.outputValue, tax: null, employees: 120 }, table: 'enterprise_figures', id: f.id };
  },
  'PUT /api/targets/targets': async () => {
    const tg = await one<{ id: string; indicatorId: string; unitId: string | null; year: number; floor: string; stretch: string | null; monthlyPlan: string[] | null }>(
      `SELECT id, indicator_id AS "indicatorId", unit_id AS "unitId", year, floor::text AS floor, stretch::text AS stretch, monthly_plan AS "monthlyPlan" FROM targets WHERE zone_id = ${ZONE} AND year = 2022 ORDER BY indicator_id, unit_id NULLS FIRST LIMIT 1`,
    );
    const { id, ...body } = tg;
    return { client: () => sup, method: 'PUT', url: '/api/targets/targets', body, table: 'targets', id };
  },
  'POST /api/assessment/schemes/:id/publish': async () => {
    const s = (await sup.send('POST', '/api/assessment/schemes', { ...demoScheme('Q3'), name: '版本测试方案' })).json();
    return { client: () => sup, method: 'POST', url: `/api/assessment/schemes/${s.id}/publish`, body: {}, table: 'assessment_schemes', id: s.id, versionOf: (b) => (b.scheme as { version: number }).version };
  },
};

beforeAll(async () => {
  t = await testApp({ clock: () => new Date('2022-08-22T02:00:00Z') });
  [sup, admin, jinlonghu, ent] = (await Promise.all(['supervisor', 'admin', 'xz-jinlonghu', 'ent-xcmg'].map((u) => t.signIn(u)))) as [Client, Client, Client, Client];
}, 120_000);
afterAll(async () => t.close());

const rowOf = (table: string, id: string) => one(`SELECT * FROM ${table} WHERE id = $1`, [id]);
const versionOf = async (c: Case) => (c.stored ? c.stored.read() : t.version(c.table, c.id));
const bump = async (c: Case) => (c.stored ? c.stored.bump() : void (await t.handle.query(`UPDATE ${c.table} SET version = version + 1 WHERE id = $1`, [c.id])));

describe('every update route requires the version it read', () => {
  for (const [route, setup] of Object.entries(cases)) {
    it(route, async () => {
      const c = await setup();
      const send = (body: Record<string, unknown>) => c.client().send(c.method, c.url, body);
      const read = await versionOf(c);

      const missing = await send(c.body);
      expect(missing.statusCode, missing.body).toBe(400);

      // Another user saves in between: what this user read is now stale.
      await bump(c);
      const rows = [{ table: c.table, id: c.id }, ...(c.also ?? [])];
      const before = await Promise.all(rows.map((r) => rowOf(r.table, r.id)));
      const stale = await send({ ...c.body, version: read });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json().code).toBe('conflict.stale');
      expect(await Promise.all(rows.map((r) => rowOf(r.table, r.id)))).toEqual(before);

      const fresh = await send({ ...c.body, version: read + 1 });
      expect(fresh.statusCode, fresh.body).toBe(200);
      expect(await versionOf(c)).toBe(read + 2);
      expect((c.versionOf ?? ((b) => b.version))(fresh.json())).toBe(read + 2);
    });
  }
});

describe('an upsert that may create reads version 1 for a record not stored yet', () => {
  it('PUT /api/targets/targets: the first save writes 2; another first save on the same key is stale', async () => {
    const ind = await one<{ id: string }>(`SELECT id FROM indicators WHERE zone_id = ${ZONE} ORDER BY code LIMIT 1`);
    const body = { indicatorId: ind.id, unitId: null, year: 2031, floor: '1', stretch: null, monthlyPlan: null };
    const first = await sup.send('PUT', '/api/targets/targets', { ...body, version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const again = await sup.send('PUT', '/api/targets/targets', { ...body, floor: '2', version: 1 });
    expect(again.statusCode).toBe(409);
    expect(await t.version('targets', first.json().id)).toBe(2);
  });

  it('PUT /api/enterprises/:id/figures: a year not stored yet reads 1', async () => {
    const e = await one<{ id: string }>(
      `SELECT e.id FROM enterprises e WHERE e.zone_id = ${ZONE} AND NOT EXISTS (SELECT 1 FROM enterprise_figures f WHERE f.enterprise_id = e.id AND f.year = 2020) ORDER BY e.id LIMIT 1`,
    );
    const url = `/api/enterprises/${e.id}/figures`;
    const first = await sup.send('PUT', url, { year: 2020, outputValue: '1200.00', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    // A second "none yet" save of the same year would overwrite the first: refused.
    expect((await sup.send('PUT', url, { year: 2020, outputValue: '1300.00', version: 1 })).statusCode).toBe(409);
    expect((await one<{ v: string }>(`SELECT output_value::text AS v FROM enterprise_figures WHERE enterprise_id = $1 AND year = 2020`, [e.id])).v).toBe('1200.00');
  });

  it('PUT /api/enterprise-plans/:id/actuals/:month: a month not reported yet reads 1', async () => {
    const plan = await one<{ id: string; month: number; output: string }>(
      `SELECT p.id, max(a.month)::int AS month, max(a.output)::text AS output FROM enterprise_plans p JOIN plan_actuals a ON a.plan_id = p.id WHERE p.zone_id = ${ZONE} GROUP BY p.id HAVING max(a.month) < 12 ORDER BY p.id LIMIT 1`,
    );
    const url = `/api/enterprise-plans/${plan.id}/actuals/${plan.month + 1}`;
    const first = await sup.send('PUT', url, { output: plan.output, version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    expect((await sup.send('PUT', url, { output: plan.output, version: 1 })).statusCode).toBe(409);
  });
});
