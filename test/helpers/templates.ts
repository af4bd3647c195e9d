// Vitest global set-up: migrating and building the demo zones takes far longer
// than copying a database, so it happens once per run. Each test file then starts
// from a private copy: PGlite loads a dumped data folder, PostgreSQL clones a
// template database (CREATE DATABASE … TEMPLATE).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { buildDemo } from '../../src/domains/demo/build';
import { DEMO_PASSWORD, databaseUrl, type Templates } from './templateNames';

async function dump(handle: DbHandle, path: string): Promise<string> {
  const blob = await handle.dumpDataDir!();
  writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
  return path;
}

async function pgliteTemplates(dir: string): Promise<Templates['pglite']> {
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

async function postgresTemplates(url: string): Promise<NonNullable<Templates['postgres']>> {
  const tag = randomBytes(4).toString('hex');
  const names = { migrated: `gj_tpl_${tag}_migrated`, demo: `gj_tpl_${tag}_demo` };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${names.migrated}"`);
    let handle = await openDatabase({ url: databaseUrl(url, names.migrated) });
    await migrate(handle);
    await handle.close();
    await admin.query(`CREATE DATABASE "${names.demo}" TEMPLATE "${names.migrated}"`);
    handle = await openDatabase({ url: databaseUrl(url, names.demo) });
    await buildDemo(handle, DEMO_PASSWORD);
    await handle.close();
  } finally {
    await admin.end();
  }
  return names;
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL || undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gj-templates-'));
  const templates: Templates = { pglite: await pgliteTemplates(dir), postgres: url ? await postgresTemplates(url) : null };
  project.provide('templates', templates);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && templates.postgres) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of [templates.postgres.demo, templates.postgres.migrated]) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
      await admin.end();
    }
  };
}
