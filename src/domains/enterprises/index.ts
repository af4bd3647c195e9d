// The enterprise domain's routes, registered with one line in src/domains/index.ts.
import type { FastifyInstance } from 'fastify';
import { appealRoutes } from './appealRoutes';
import { enterpriseRoutes } from './routes';

export async function enterpriseModule(app: FastifyInstance) {
  await app.register(enterpriseRoutes);
  await app.register(appealRoutes);
}
