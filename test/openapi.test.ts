// The OpenAPI document at /api/docs/json says what every JSON route returns: no
// 200 response may be an empty schema ({} is what z.any() or a missing schema
// gives), except for the routes that send a file.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE, typesOf } from '../scripts/api-types';
import { testApp, type TestApp } from './helpers/app';

/** Routes whose 200 is a file (xlsx, docx, an uploaded file), not JSON. */
const SENDS_FILES = [
  'GET /api/files/{id}',
  'GET /api/projects/export.xlsx',
  'GET /api/projects/template.xlsx',
  'GET /api/supervision/notices/{id}/docx',
  'GET /api/enterprises/template',
  'GET /api/enterprises/export',
  'GET /api/targets/targets/export',
  'GET /api/targets/report/template',
];

type Op = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };

let t: TestApp;
let routes: { route: string; schema: object | undefined }[];
let doc: object;

beforeAll(async () => {
  t = await testApp({ demo: false });
  const served = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Op>> };
  doc = served;
  routes = Object.entries(served.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const ok = op.responses?.['200'];
      return { route: `${method.toUpperCase()} ${path}`, schema: ok?.content ? Object.values(ok.content)[0]?.schema : undefined };
    }),
  );
});
afterAll(() => t.close());

describe('OpenAPI response schemas', () => {
  it('describes the 200 response of every JSON route', () => {
    const empty = routes.filter((r) => !r.schema || Object.keys(r.schema).length === 0).map((r) => r.route);
    expect(empty.filter((r) => !SENDS_FILES.includes(r))).toEqual([]);
  });

  it('lists only file routes that exist', () => {
    const all = new Set(routes.map((r) => r.route));
    expect(SENDS_FILES.filter((r) => !all.has(r))).toEqual([]);
  });

  it('spells out the projects and attraction read models', () => {
    const schemaOf = (route: string) => JSON.stringify(routes.find((r) => r.route === route)?.schema ?? {});
    for (const field of ['"milestones"', '"forecastEnd"', '"completedInvestment"', '"planShare"', '"can"']) expect(schemaOf('GET /api/projects/{id}')).toContain(field);
    for (const field of ['"unitName"', '"contacts"', '"expectedInvestment"']) expect(schemaOf('GET /api/attraction/leads')).toContain(field);
    expect(schemaOf('GET /api/assessment/schemes/{id}')).toContain('"indicator_completion"');
  });

  it('spells out the enterprise, appeal and appeal statistics read models', () => {
    const schemaOf = (route: string) => JSON.stringify(routes.find((r) => r.route === route)?.schema ?? {});
    for (const field of ['"creditCode"', '"figures"', '"gainedOn"', '"pools"', '"plans"', '"appeals"', '"accounts"']) expect(schemaOf('GET /api/enterprises/{id}')).toContain(field);
    for (const field of ['"unitName"', '"outputValue"', '"tags"']) expect(schemaOf('GET /api/enterprises')).toContain(field);
    for (const field of ['"respondBy"', '"solveBy"', '"light"', '"assigneeName"', '"enterpriseName"', '"allowedActions"', '"canAnswer"']) expect(schemaOf('GET /api/enterprise-appeals/{id}')).toContain(field);
    for (const field of ['"byUnit"', '"avgResponseHours"', '"satisfactionRate"', '"byCategory"']) expect(schemaOf('GET /api/enterprise-appeals/stats')).toContain(field);
    // The enterprise user sees neither the staff's internal note nor the accounts.
    const mine = Object.keys((routes.find((r) => r.route === 'GET /api/my-enterprise')?.schema as { properties?: object } | undefined)?.properties ?? {});
    expect(mine).toEqual(expect.arrayContaining(['creditCode', 'figures', 'tags', 'pools', 'appeals']));
    expect(mine).not.toContain('note');
    expect(mine).not.toContain('accounts');
  });
});

describe('the web client’s types (web/src/api/schema.d.ts)', () => {
  it('are the ones generated from this document: run `npm run api-types` after changing a route’s schema', async () => {
    const current = readFileSync(SCHEMA_FILE, 'utf8');
    const fresh = await typesOf(doc);
    // Compared as a whole; on a difference, the first differing line is what the message shows.
    if (fresh !== current) {
      const a = current.split('\n');
      const b = fresh.split('\n');
      const i = b.findIndex((line, k) => line !== a[k]);
      expect.fail(`web/src/api/schema.d.ts is stale (npm run api-types); first difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end)'}\n  generated: ${b[i] ?? '(end)'}`);
    }
  });
});
