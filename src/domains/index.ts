// The module map in code: each domain registers its routes here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authRoutes } from './auth/routes';
import { systemRoutes } from './system/routes';
import { loopRoutes } from '../shared/loop/routes';
import { fileRoutes } from '../shared/files';
import { jobRoutes } from '../shared/jobs';
import { notificationRoutes } from '../shared/notify';
import { notificationGroupRoutes } from '../shared/notifyGroups';
import { registerFeeds } from './feedWiring';

export async function registerDomains(app: FastifyInstance): Promise<void> {
  registerFeeds();
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and the database engine in use',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await app.handle.query('SELECT 1');
      return { status: 'ok' as const, database: app.handle.engine };
    },
  );
  await app.register(authRoutes);
  await app.register(systemRoutes);
  await app.register((await import('./system/zoneRoutes')).zoneRoutes);
  await app.register(loopRoutes);
  await app.register(fileRoutes);
  await app.register(jobRoutes);
  await app.register(notificationRoutes);
  await app.register(notificationGroupRoutes);
  // Domains: one line each.
  await app.register((await import('./assessment/routes')).assessmentRoutes);
  await app.register((await import('./bulletins/routes')).bulletinRoutes);
  await app.register((await import('./projects/routes')).projectRoutes);
  await app.register((await import('./attraction/routes')).attractionRoutes);
  await app.register((await import('./supervision/routes')).supervisionRoutes);
  await app.register((await import('./enterprises')).enterpriseModule);
  await app.register((await import('./targets/routes')).targetsRoutes);
  await app.register((await import('./cockpit/routes')).cockpitRoutes);
  await app.register((await import('./campaigns/routes')).campaignRoutes);
  await app.register((await import('./instructions/routes')).instructionRoutes);
  await app.register((await import('./hazards/routes')).hazardRoutes);
}
