// Every route of the OpenAPI document × every role × own unit / other unit / other
// zone (issue 13), with real ids of each kind from the demo data:
// - another zone's record is never answered 2xx;
// - a role the policy denies gets 403 (or 404: a record it may not even see), never 2xx;
// - an allowed role is not refused (401/403); a 400 from validation is fine, since
//   the router authorizes before the schema validates (src/server/app.ts).
// The expected answer is the policy's own `can(actor, action, scope)`, with the unit
// (and named members) of the record the request names. Writes send a minimal body;
// deletes and the requests that end or move the session go last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutePolicy } from '../src/server/app';
import { can, type Actor } from '../src/shared/policy';
import { settleJobs } from '../src/shared/jobs';
import { testApp, type Client, type TestApp } from './helpers/app';
import { NO_RECORD, pick, RECORDS, type Picked, type Variant } from './helpers/routeMatrix';

const ACCOUNTS = { admin: 'admin', leader: 'leader', supervisor: 'supervisor', reporter: 'xz-damiao', viewer: 'viewer', enterprise: 'ent-xcmg' } as const;
type Who = keyof typeof ACCOUNTS;
/**
 * The same roles signed in to Huai'an: "other zone" is they naming Xuzhou's records (the
 * demo data is richest there). The enterprise account is Xuzhou's only: it names Huai'an's.
 */
const VISITORS: Partial<Record<Who, string>> = { admin: 'admin', leader: 'leader', supervisor: 'supervisor', reporter: 'ha-bochi', viewer: 'viewer' };
/** Requests that move the session to another zone or end it: sent after every other, in this order. */
const SESSION_ENDING = ['POST /api/auth/zone', 'POST /api/auth/logout'];

interface Route {
  method: string;
  path: string;
  policy: RoutePolicy | undefined;
}

let t: TestApp;
const clients = {} as Record<Who, Client>;
const visitors: Partial<Record<Who, Client>> = {};
let routes: Route[];
let zones: { own: string; other: string };
/** The unit each variant's body and query name, and an enterprise of that unit (own, other) or of the other zone. */
const named = {} as Record<Variant, { unitId: string; enterpriseId: string }>;

const fastifyUrl = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const order = (r: Route) => {
  const last = SESSION_ENDING.indexOf(`${r.method} ${r.path}`);
  return last >= 0 ? 2 + last : r.method === 'DELETE' ? 1 : 0;
};

beforeAll(async () => {
  t = await testApp();
  for (const [who, username] of Object.entries(ACCOUNTS)) clients[who as Who] = await t.signIn(username);
  for (const [who, username] of Object.entries(VISITORS)) visitors[who as Who] = await t.signIn(username, 'huaian');
  const doc = (await clients.admin.get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path, policy: t.app.routePolicies.get(`${m.toUpperCase()} ${fastifyUrl(path)}`) })))
    .sort((a, b) => order(a) - order(b));
  const zoneIds = await t.handle.query<{ code: string; id: string }>(`SELECT code, id FROM zones`);
  zones = { own: zoneIds.find((z) => z.code === 'xuzhou')!.id, other: zoneIds.find((z) => z.code === 'huaian')!.id };
  await seedMissingKinds();
  const ownUnit = clients.reporter.me.user.unitId!;
  for (const variant of ['own', 'other', 'zone'] as const) {
    const e = await pick(t, '/api/enterprises/{id}', variant, zones, ownUnit);
    const unitId = variant === 'zone' ? (await pick(t, '/api/units/{id}', 'zone', zones, ownUnit)).unit! : e.unit!;
    named[variant] = { unitId, enterpriseId: e.params.id! };
  }
}, 120_000);
afterAll(async () => t.close());

/**
 * Kinds of record the demo has none of in Xuzhou (bulletins, jobs, files, feed tokens,
 * supervision requests): made here, so their routes are tried on real ids of each unit
 * and zone rather than on an id of nothing.
 */
async function seedMissingKinds() {
  const { supervisor, reporter } = clients;
  const ok = (what: string, res: { statusCode: number; body: string }) => {
    if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body) as Record<string, unknown>;
  };
  ok('bulletin', await supervisor.send('POST', '/api/bulletins', { period: '2022-06' })); // also a job
  await settleJobs();
  ok('feed token', await supervisor.send('POST', '/api/targets/tokens', { name: '矩阵测试' }));
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  ok('zone file', await supervisor.upload('/api/files', 'zone.png', png));
  ok('unit file', await reporter.upload('/api/files', 'unit.png', png));
  const [task] = await t.handle.query<{ id: string }>(
    `SELECT t.id FROM supervision_tasks t JOIN loop_items i ON i.id = t.loop_item_id WHERE i.assignee_unit_id = $1 AND i.state IN ('assigned', 'rectifying') LIMIT 1`,
    [reporter.me.user.unitId],
  );
  if (!task) throw new Error('no open task of the reporter’s unit to ask about');
  ok('request', await reporter.send('POST', `/api/supervision/tasks/${task.id}/requests`, { kind: 'reword', body: '时限与实际工作量不符，申请调整表述', proposedText: '8月底前完成' }));
}

const actorOf = (c: Client): Actor => ({ userId: c.me.user.id, zoneId: c.me.zone.id, role: c.me.user.role as Actor['role'], unitId: c.me.user.unitId });

function send(c: Client, method: string, url: string, variant: Variant) {
  const { unitId, enterpriseId } = named[variant];
  // The names go in the query too: some writes (an xlsx import) take their unit there.
  const withQuery = `${url}?unitId=${unitId}&enterpriseId=${enterpriseId}&period=2022-08`;
  if (method === 'GET') return c.get(withQuery);
  return c.send(method as 'POST', withQuery, method === 'DELETE' ? undefined : { unitId, enterpriseId, period: '2022-08' });
}

/** The url of a Xuzhou own-unit record of the path, for a Huai'an session. */
async function visit(path: string, names: boolean, ownUnit: string): Promise<string> {
  if (!names) return path;
  const rec = await pick(t, path, 'own', zones, ownUnit);
  return path.replace(/\{(\w+)\}/g, (_, n: string) => rec.params[n]!);
}

/** What went wrong for one role, or null. */
function judge(status: number, variant: Variant, allowed: boolean): string | null {
  const ok = status >= 200 && status < 300;
  if (status >= 500) return 'server error';
  if (variant === 'zone' && ok) return 'another zone’s record answered 2xx';
  if (!allowed && status !== 403 && status !== 404) return 'denied by the policy, yet not refused';
  if (allowed && (status === 401 || status === 403)) return 'allowed by the policy, yet refused';
  return null;
}

describe('route matrix', () => {
  it('knows every route of the OpenAPI document: its policy, and real records for its path parameters', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const paths = new Set(routes.map((r) => r.path));
    expect([...paths].filter((p) => p.includes('{') && !RECORDS[p])).toEqual([]);
    expect(Object.keys(RECORDS).filter((p) => !paths.has(p))).toEqual([]);
  });

  it('has a real Xuzhou record for every parametrised path (no route is tried on ids of nothing only)', async () => {
    const none: string[] = [];
    for (const [path, sql] of Object.entries(RECORDS)) {
      if (NO_RECORD.has(path)) continue;
      const [row] = await t.handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x WHERE x.zone = $1`, [zones.own]);
      if (!row!.n) none.push(path);
    }
    expect(none).toEqual([]);
  });

  it('answers every route × role × own unit / other unit / other zone as the policy says', async () => {
    const failures: string[] = [];
    const ownUnit = clients.reporter.me.user.unitId!;
    let sent = 0;
    for (const route of routes) {
      const { policy } = route;
      if (!policy || policy.public || !policy.action) continue;
      const names = route.path.includes('{');
      // A route that names no record (no path id, no scope loader) is the same in every variant.
      const variants: Variant[] = NO_RECORD.has(route.path) ? ['own'] : names || policy.scope ? ['own', 'other', 'zone'] : ['own'];
      for (const variant of variants) {
        const rec: Picked | null = names ? await pick(t, route.path, variant, zones, ownUnit) : null;
        const url = route.path.replace(/\{(\w+)\}/g, (_, n: string) => rec!.params[n]!);
        const scope = rec ? { unitId: rec.unit, memberIds: rec.members } : { unitId: named[variant].unitId };
        // Huai'an's sessions name the own-unit records of Xuzhou.
        const visiting = variant === 'zone' ? await visit(route.path, names, ownUnit) : null;
        await Promise.all(
          (Object.keys(ACCOUNTS) as Who[]).map(async (who) => {
            const allowed = can(actorOf(clients[who]), policy.action!, scope);
            const visitor = visitors[who];
            const res = visitor && visiting ? await send(visitor, route.method, visiting, 'own') : await send(clients[who], route.method, url, variant);
            sent++;
            const wrong = judge(res.statusCode, variant, allowed);
            if (wrong) failures.push(`${route.method} ${route.path} ${variant} ${who} → ${res.statusCode}: ${wrong}`);
          }),
        );
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 300_000);
});
