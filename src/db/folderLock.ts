// One process per embedded data folder. PGlite is a whole PostgreSQL inside the
// process, with no server between it and its files: two processes on one folder
// (a server and `npx gongjian user passwd`) each write pages the other never sees,
// and the folder ends up unreadable. So opening a folder takes a lock file beside
// it naming the holder's pid; another process is refused while that pid lives, and
// takes the lock over once it is dead (kill -9, a crash, a power cut).
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../shared/errors';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export const lockFileOf = (dataDir: string) => `${dataDir}.lock`;

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(h.pid) ? h : null;
  } catch {
    return null; // gone meanwhile, or not ours to read: treated as stale
  }
}

/** Whether the holder may still be running: a pid on another machine cannot be checked, so it counts as alive. */
function alive(h: Holder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock or throws db.locked; returns the release. */
export function lockDataFolder(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  // Written whole under a private name, then linked into place: link() fails if the
  // lock exists, so no process ever reads a half-written lock.
  const mine = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Holder));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
        const holder = readHolder(file);
        if (holder && alive(holder)) throw new AppError('db.locked', { dir: dataDir, pid: holder.pid });
        rmSync(file, { force: true }); // its process is dead: the lock is stale
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}
