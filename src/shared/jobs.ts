// Long work (imports, bulletin builds) runs in the background and reports
// progress in the jobs table; the client polls GET /api/jobs/:id. A job holds a
// lease its process renews; a job whose process died is failed, not left running.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { loggableError, type Database } from '../db/client';
import { jobs } from '../db/schema';
import { requireActor } from './policy';
import { AppError } from './errors';
import { errors, idParams } from './http';
import { limits } from './limits';
import type { ScheduledJob } from './scheduler';
import type { Actor } from './policy';
import type { RowError } from './xlsx';

export type Progress = (percent: number, message?: string) => Promise<void>;

/** A failure that carries a list for the user (e.g. every bad row of an import). */
export class JobFailure extends Error {
  constructor(
    readonly error: AppError,
    readonly details: readonly RowError[],
  ) {
    super(error.message);
  }
}

const running = new Set<Promise<unknown>>();

// At most limits.jobsAtOnce jobs work at once in a process; a freed slot is handed
// straight to the next waiting job, so the count never overshoots.
let active = 0;
const waiting: (() => void)[] = [];
async function takeSlot(): Promise<void> {
  if (active < limits.jobsAtOnce) {
    active++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}
function releaseSlot() {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

const leaseFromNow = (seconds: number) => sql`now() + ${`${seconds} seconds`}::interval`;

export interface JobOptions {
  /** Defaults from limits.jobLeaseSeconds / jobHeartbeatSeconds; tests shorten them. */
  leaseSeconds?: number;
  heartbeatMs?: number;
}

/** A failure's list for the user, cut to its first entries (the total is kept). */
function boundedDetails(details: unknown): { details: unknown; detailsTotal?: number } {
  if (!Array.isArray(details)) return { details };
  return { details: details.slice(0, limits.importErrorsShown), detailsTotal: details.length };
}

/** Starts `work` and returns the job id at once. */
export async function startJob(
  db: Database,
  actor: Pick<Actor, 'zoneId' | 'userId'>,
  kind: string,
  work: (progress: Progress) => Promise<JobResult | void>,
  opts: JobOptions = {},
): Promise<string> {
  const leaseSeconds = opts.leaseSeconds ?? limits.jobLeaseSeconds;
  const [job] = await db
    .insert(jobs)
    .values({ zoneId: actor.zoneId, kind, status: 'running', createdBy: actor.userId, leaseUntil: leaseFromNow(leaseSeconds) })
    .returning({ id: jobs.id });
  const id = job!.id;
  let last = 0;
  const progress: Progress = async (percent, message = '') => {
    const p = Math.max(0, Math.min(99, Math.round(percent)));
    if (p === last && !message) return;
    last = p;
    await db.update(jobs).set({ progress: p, message }).where(eq(jobs.id, id));
  };
  // The heartbeat: while this process lives, the lease keeps moving forward.
  const heartbeat = setInterval(() => {
    void db
      .update(jobs)
      .set({ leaseUntil: leaseFromNow(leaseSeconds) })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
      .catch((e: unknown) => console.error(`job ${id}: heartbeat failed`, e));
  }, opts.heartbeatMs ?? limits.jobHeartbeatSeconds * 1000);
  heartbeat.unref();
  const fail = async (err: unknown) => {
    const appErr = err instanceof JobFailure ? err.error : err instanceof AppError ? err : new AppError('internal');
    if (!(err instanceof AppError) && !(err instanceof JobFailure)) console.error(loggableError(err));
    const errors = {
      code: appErr.code,
      message: { zh: appErr.localized('zh'), en: appErr.localized('en') },
      ...(err instanceof JobFailure ? boundedDetails(err.details) : { details: null }),
    };
    try {
      await db.update(jobs).set({ status: 'failed', errors, finishedAt: new Date() }).where(eq(jobs.id, id));
    } catch (e) {
      // Recording the list failed (e.g. the database ran short of memory): record the bare error.
      console.error(`job ${id}: could not record its failure`, e);
      await db.update(jobs).set({ status: 'failed', errors: { ...errors, details: null }, finishedAt: new Date() }).where(eq(jobs.id, id));
    }
  };
  const run = (async () => {
    await takeSlot();
    try {
      const result = await work(progress);
      await db.update(jobs).set({ status: 'succeeded', progress: 100, result: result ?? null, finishedAt: new Date() }).where(eq(jobs.id, id));
    } catch (err) {
      await fail(err);
    } finally {
      clearInterval(heartbeat);
      releaseSlot();
    }
  })().catch((e: unknown) => console.error(`job ${id}: outcome not recorded`, e));
  running.add(run);
  void run.finally(() => running.delete(run));
  return id;
}

/**
 * Marks failed every running job (or the one given) whose lease has passed: the
 * process that ran it is gone, so it would otherwise show "running" for ever.
 */
export async function expireJobs(db: Database, id?: string): Promise<number> {
  const gone = new AppError('job.interrupted');
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      errors: { code: gone.code, message: { zh: gone.localized('zh'), en: gone.localized('en') }, details: null },
      finishedAt: sql`now()`,
    })
    .where(and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, sql`now()`), id ? eq(jobs.id, id) : undefined))
    .returning({ id: jobs.id });
  return rows.length;
}

// Readers expire a job they look at; this sweep catches the ones nobody reads.
export const jobsExpireJob: ScheduledJob = {
  name: 'jobs.expire',
  runKey: (now) => now.toISOString().slice(0, 15), // one run per ten minutes
  run: async (db) => void (await expireJobs(db)),
};

/** Waits for the jobs this process runs (tests, shutdown). */
export async function settleJobs(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}

export const jobBody = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  progress: z.number(),
  message: z.string(),
  /** What the work returned: counts of an import, the bulletin drafted. */
  result: z
    .object({
      rows: z.number().optional(),
      imported: z.number().optional(),
      created: z.number().optional(),
      updated: z.number().optional(),
      ms: z.number().optional(),
      bulletinId: z.string().optional(),
      title: z.string().optional(),
    })
    .nullable(),
  /** Why it failed; for an import, every refused row (at most limits.importErrorsShown, of detailsTotal). */
  errors: z
    .object({
      code: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
      details: z.array(z.object({ row: z.number(), column: z.string().optional(), value: z.string().optional(), message: z.object({ zh: z.string(), en: z.string() }) })).nullable(),
      detailsTotal: z.number().optional(),
    })
    .nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

type JobOutcome = z.infer<typeof jobBody>;
/** What a job's work may return: counts of an import, the bulletin drafted. */
export type JobResult = NonNullable<JobOutcome['result']>;

export async function jobRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/jobs/:id',
    {
      config: { action: 'zone.read' },
      schema: { tags: ['jobs'], summary: 'Progress and outcome of a background job', params: idParams, response: { 200: jobBody, ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await expireJobs(app.handle.db, req.params.id);
      const [job] = await req.ctx.db.select().from(jobs).where(and(eq(jobs.id, req.params.id), eq(jobs.zoneId, actor.zoneId)));
      // Only the one who started it, or the zone-wide roles, see a job's outcome.
      if (!job || (job.createdBy !== actor.userId && !['admin', 'leader', 'supervisor'].includes(actor.role))) {
        throw new AppError('job.not_found');
      }
      // Written only by startJob above: the work's result and the failure it recorded.
      return { ...job, result: job.result as JobOutcome['result'], errors: job.errors as JobOutcome['errors'] };
    },
  );
}
