// Vitest global set-up: migrating and building the demo zones takes far longer
// than copying a database, so it happens once — and is kept for later runs while
// nothing it is built from changes (templateKey.ts: sources, migrations, lockfile,
// the day). Each test file then starts from a private copy: PGlite loads a dumped
// data folder, PostgreSQL clones a template database (CREATE DATABASE … TEMPLATE).
// GONGJIAN_TEST_CACHE=off builds afresh and keeps nothing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { buildDemo } from '../../src/domains/demo/build';
import { templateKey } from './templateKey';
import { DEMO_PASSWORD, databaseUrl, type Templates } from './templateNames';

const CACHE_ROOT = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'gongjian-templates');
const DAY_MS = 86_400_000;

async function dump(handle: DbHandle, path: string): Promise<string> {
  const blob = await handle.dumpDataDir!();
  writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
  return path;
}

async function buildPglite(dir: string): Promise<Templates['pglite']> {
  const handle = await openDatabase({});
  try {
    await migrate(handle);
    const migrated = await dump(handle, join(dir, 'migrated.tar'));
    await buildDemo(handle, DEMO_PASSWORD);
    const demo = await dump(handle, join(dir, 'demo.tar'));
    return { migrated, demo };
  } finally {
    await handle.close();
  }
}

/** The cached dumps for this key, built into a private folder and renamed into place (a racing run keeps whichever lands first). */
async function pgliteTemplates(key: string | null): Promise<{ templates: Templates['pglite']; scratch: string | null }> {
  if (!key) {
    const dir = mkdtempSync(join(tmpdir(), 'gj-templates-'));
    return { templates: await buildPglite(dir), scratch: dir };
  }
  const final = join(CACHE_ROOT, key);
  const cached = { migrated: join(final, 'migrated.tar'), demo: join(final, 'demo.tar') };
  if (existsSync(cached.demo)) return { templates: cached, scratch: null };
  mkdirSync(CACHE_ROOT, { recursive: true });
  for (const e of readdirSync(CACHE_ROOT)) {
    const p = join(CACHE_ROOT, e);
    if (Date.now() - statSync(p).mtimeMs > DAY_MS) rmSync(p, { recursive: true, force: true }); // other keys may be in use by a parallel run
  }
  const dir = mkdtempSync(join(CACHE_ROOT, `.build-${key}-`));
  await buildPglite(dir);
  try {
    renameSync(dir, final);
  } catch {
    rmSync(dir, { recursive: true, force: true }); // another run got there first: its dumps are the same
  }
  return { templates: cached, scratch: null };
}

async function exists(admin: pg.Client, name: string): Promise<boolean> {
  return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

async function postgresTemplates(url: string, key: string | null): Promise<NonNullable<Templates['postgres']>> {
  const final = key ? { migrated: `gj_tpl_${key}_migrated`, demo: `gj_tpl_${key}_demo` } : null;
  const tag = randomBytes(4).toString('hex');
  const names = { migrated: `gj_tpl_tmp_${tag}_migrated`, demo: `gj_tpl_tmp_${tag}_demo` };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (final && (await exists(admin, final.migrated)) && (await exists(admin, final.demo))) return final;
    await admin.query(`CREATE DATABASE "${names.migrated}"`);
    let handle = await openDatabase({ url: databaseUrl(url, names.migrated) });
    await migrate(handle);
    await handle.close();
    await admin.query(`CREATE DATABASE "${names.demo}" TEMPLATE "${names.migrated}"`);
    handle = await openDatabase({ url: databaseUrl(url, names.demo) });
    await buildDemo(handle, DEMO_PASSWORD);
    await handle.close();
    if (!final) return names;
    await pruneOldTemplates(admin, key!);
    for (const k of ['migrated', 'demo'] as const) {
      try {
        await admin.query(`ALTER DATABASE "${names[k]}" RENAME TO "${final[k]}"`);
      } catch {
        await admin.query(`DROP DATABASE IF EXISTS "${names[k]}" WITH (FORCE)`); // a racing run named its own first
      }
    }
    return final;
  } finally {
    await admin.end();
  }
}

/** Cached templates of an earlier day (their key starts with the day) are dropped; today's other keys may serve a parallel run. */
async function pruneOldTemplates(admin: pg.Client, key: string) {
  const day = key.slice(0, 8);
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^gj_tpl_[0-9]{8}_[0-9a-f]{12}_(migrated|demo)$'`);
  for (const { datname } of rows) {
    if (datname.slice('gj_tpl_'.length, 'gj_tpl_'.length + 8) < day) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL || undefined;
  const key = process.env.GONGJIAN_TEST_CACHE === 'off' ? null : templateKey();
  const pglite = await pgliteTemplates(key);
  const templates: Templates = { pglite: pglite.templates, postgres: url ? await postgresTemplates(url, key) : null };
  project.provide('templates', templates);
  return async () => {
    if (pglite.scratch) rmSync(pglite.scratch, { recursive: true, force: true });
    if (url && templates.postgres && !key) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of [templates.postgres.demo, templates.postgres.migrated]) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
      await admin.end();
    }
  };
}
