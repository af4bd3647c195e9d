// The key of a cached demo template: a digest of everything the migrated and demo
// databases are built from — the migrations, the server's sources (the demo writes
// through the domains' own services), the locked dependencies and the demo password —
// and China's date, since a live zone's demo rows are placed relative to today.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { today } from '../../src/shared/calendar';

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return e.name.endsWith('.test.ts') ? [] : [p];
  });
}

export function templateKey(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(ROOT, 'migrations')),
    ...filesUnder(join(ROOT, 'src')),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'test', 'helpers', 'templateNames.ts'),
  ].sort();
  for (const f of files) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return `${today().replaceAll('-', '')}_${hash.digest('hex').slice(0, 12)}`;
}
