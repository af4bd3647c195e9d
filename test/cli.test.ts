// The command line as a user runs it, on throwaway PGlite data folders.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataFolder } from './helpers/db';

const run = (dataDir: string, ...args: string[]) =>
  execFileSync('node', ['bin/gongjian.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: '', GONGJIAN_DATA: dataDir },
    encoding: 'utf8',
  });

const runFails = (dataDir: string, ...args: string[]) => {
  try {
    run(dataDir, ...args);
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return err;
  }
  throw new Error('expected the command to fail');
};

describe('npx gongjian', () => {
  // Folder a starts with the demo zones (built once per run by the global set-up;
  // demo.test.ts covers building them): `demo` then only resets the passwords.
  let a: string;
  const b = mkdtempSync(join(tmpdir(), 'gj-cli-b-'));
  beforeAll(async () => {
    a = await demoDataFolder('gj-cli-a-');
  });

  it('prints help for each command', () => {
    expect(run(a, '--help')).toContain('backup <file> --zone <code>');
    expect(run(a, 'user', '--help')).toContain('user add <username>');
  });

  it('builds the demo, adds and disables a user, backs up and restores', () => {
    expect(run(a, 'demo', '--password', 'secret-123')).toContain('password of every demo account: secret-123');
    expect(run(a, 'user', 'add', 'zhang', '--zone', 'xuzhou', '--role', 'reporter', '--unit', 'damiao', '--password', 'Abc-pass-2345')).toContain('done');
    const bad = runFails(a, 'user', 'add', 'li', '--zone', 'xuzhou', '--role', 'reporter', '--unit', 'nowhere', '--password', 'Abc-pass-2345');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('未找到unit nowhere');
    expect(run(a, 'user', 'disable', 'zhang', '--zone', 'xuzhou')).toContain('done');
    const file = join(a, 'xz.gjb');
    expect(run(a, 'backup', file, '--zone', 'xuzhou')).toMatch(/backed up zone xuzhou .*units 16/);
    expect(run(b, 'restore', file)).toMatch(/restored zone xuzhou .*units 16/);
    const again = runFails(b, 'restore', file);
    expect(again.stderr).toContain('目标数据库中已有开发区xuzhou的数据');
  }, 300_000);
});
