// Scheduled work that runs once per period however many API processes run:
// each process tries to claim the run by inserting (name, run key); the primary
// key lets exactly one succeed.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { jobRuns } from '../db/schema';

export interface ScheduledJob {
  name: string;
  /** Identifies one run, e.g. the day '2022-08-31': one claim per key. */
  runKey: (now: Date) => string;
  run: (db: Database, now: Date) => Promise<void>;
}

export async function claimRun(db: Database, name: string, runKey: string): Promise<boolean> {
  const rows = await db.insert(jobRuns).values({ name, runKey }).onConflictDoNothing().returning({ name: jobRuns.name });
  return rows.length === 1;
}

/** Runs every job whose current run has not been claimed yet; returns the names run. */
export async function tick(db: Database, list: readonly ScheduledJob[], now: Date): Promise<string[]> {
  const ran: string[] = [];
  for (const job of list) {
    if (!(await claimRun(db, job.name, job.runKey(now)))) continue;
    try {
      await job.run(db, now);
      ran.push(job.name);
    } catch (err) {
      // Release the claim so the next tick (of any process) tries again.
      await db.execute(sql`DELETE FROM job_runs WHERE name = ${job.name} AND run_key = ${job.runKey(now)}`);
      console.error(`scheduled job ${job.name} failed`, err);
    }
  }
  return ran;
}

/** Starts the periodic tick in a server process over the given jobs (src/domains/scheduledJobs.ts); returns a stop function. */
export function startScheduler(db: Database, jobs: readonly ScheduledJob[], clock: () => Date, everyMs = 60_000): () => void {
  const timer = setInterval(() => void tick(db, jobs, clock()).catch((e) => console.error(e)), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
