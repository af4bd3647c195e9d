// The real server as `npm start` runs it, on a fresh data folder (PGlite, demo zones
// created on first start): how long until /api/health answers, and the demo password.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  /** Milliseconds from spawning `gongjian start` to the first 200 from /api/health. */
  startMs: number;
  password: string;
  stop(): Promise<void>;
}

export async function startServer(port: number): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gj-bench-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['bin/gongjian.mjs', 'start'], {
    cwd: ROOT,
    env: { ...process.env, GONGJIAN_DATA: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('gongjian start exited before answering /api/health');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
    if (performance.now() - t0 > 300_000) throw new Error('no health after 5 minutes');
  }
  const startMs = performance.now() - t0;
  const password = readFileSync(join(dataDir, 'demo-password.txt'), 'utf8').trim();
  return {
    baseUrl,
    startMs,
    password,
    async stop() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
