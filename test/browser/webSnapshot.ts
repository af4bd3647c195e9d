// The built web app for the browser tests: built when missing or older than its
// sources, then copied aside for one test file, so that a rebuild of dist/web while
// the file runs (another run's ensureWebBuild) cannot pull the assets from under its server.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

/** Builds the web app when it has not been built, or its sources changed since. */
export function ensureWebBuild(): void {
  const index = join('dist/web', 'index.html');
  const sources = Math.max(newest('web'), statSync('vite.config.ts').mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
  execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const complete = (dir: string): boolean => {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.length > 0 && refs.every((r) => existsSync(join(dir, r)));
};

/** Resolves once dist/web is a complete build again (another run is rebuilding it), checking every 100 ms. */
async function settled(timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  while (!complete('dist/web')) {
    if (Date.now() > end) throw new Error(`dist/web was not a complete build within ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Builds the web app when needed and copies it aside; returns the copy and a clean-up. */
export async function webSnapshot(): Promise<{ dir: string; remove(): void }> {
  for (let attempt = 1; ; attempt++) {
    ensureWebBuild();
    const dir = mkdtempSync(join(tmpdir(), 'gj-web-'));
    try {
      cpSync('dist/web', dir, { recursive: true });
    } catch {
      /* caught mid-rebuild: try again */
    }
    if (complete(dir)) return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    rmSync(dir, { recursive: true, force: true });
    if (attempt === 5) throw new Error('dist/web kept changing while it was copied');
    // Copied mid-rebuild: copy again once the other build has finished writing.
    await settled(120_000);
  }
}
