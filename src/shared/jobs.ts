// Long work (imports, bulletin builds) runs in the background and reports
// progress in the jobs table; the client polls GET /api/jobs/:id.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { jobs } from '../db/schema';
import { requireActor } from '../server/context';
import { AppError } from './errors';
import { errors, idParams } from './http';
import type { Actor } from './policy';

export type Progress = (percent: number, message?: string) => Promise<void>;

/** A failure that carries a list for the user (e.g. every bad row of an import). */
export class JobFailure extends Error {
  constructor(
    readonly error: AppError,
    readonly details: unknown,
  ) {
    super(error.message);
  }
}

const running = new Set<Promise<unknown>>();

/** Starts `work` and returns the job id at once. */
export async function startJob(
  db: Database,
  actor: Pick<Actor, 'zoneId' | 'userId'>,
  kind: string,
  work: (progress: Progress) => Promise<unknown>,
): Promise<string> {
  const [job] = await db.insert(jobs).values({ zoneId: actor.zoneId, kind, status: 'running', createdBy: actor.userId }).returning({ id: jobs.id });
  const id = job!.id;
  let last = 0;
  const progress: Progress = async (percent, message = '') => {
    const p = Math.max(0, Math.min(99, Math.round(percent)));
    if (p === last && !message) return;
    last = p;
    await db.update(jobs).set({ progress: p, message }).where(eq(jobs.id, id));
  };
  const run = (async () => {
    try {
      const result = await work(progress);
      await db.update(jobs).set({ status: 'succeeded', progress: 100, result: result ?? null, finishedAt: new Date() }).where(eq(jobs.id, id));
    } catch (err) {
      const appErr = err instanceof JobFailure ? err.error : err instanceof AppError ? err : new AppError('internal');
      if (!(err instanceof AppError) && !(err instanceof JobFailure)) console.error(err);
      await db
        .update(jobs)
        .set({
          status: 'failed',
          errors: {
            code: appErr.code,
            message: { zh: appErr.localized('zh'), en: appErr.localized('en') },
            details: err instanceof JobFailure ? err.details : null,
          },
          finishedAt: new Date(),
        })
        .where(eq(jobs.id, id));
    }
  })();
  running.add(run);
  void run.finally(() => running.delete(run));
  return id;
}

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
  result: z.unknown(),
  errors: z.unknown(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export async function jobRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/jobs/:id',
    {
      config: { action: 'zone.read' },
      schema: { tags: ['jobs'], summary: 'Progress and outcome of a background job', params: idParams, response: { 200: jobBody, ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const [job] = await req.ctx.db.select().from(jobs).where(and(eq(jobs.id, req.params.id), eq(jobs.zoneId, actor.zoneId)));
      // Only the one who started it, or the zone-wide roles, see a job's outcome.
      if (!job || (job.createdBy !== actor.userId && !['admin', 'leader', 'supervisor'].includes(actor.role))) {
        throw new AppError('job.not_found');
      }
      return job;
    },
  );
}
