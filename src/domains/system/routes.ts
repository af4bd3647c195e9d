// 系统管理: units, users and the audit log of the signed-in zone.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles, unitKinds } from '../../db/schema';
import { errors, idParams, isoDate, okBody } from '../../shared/http';
import { pageOf, pageQuery } from '../../shared/pagination';
import { requireActor } from '../../server/context';
import { listAudit, auditEntities } from './auditQueries';
import { createUnit, deleteUnit, listUnits, unitInput, unitPatch, updateUnit } from './units';
import { createUser, listUsers, updateUser, userInput, userPatch } from './users';

const unitBody = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  rankingGroup: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: z.number(),
});
const userBody = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['zh', 'en']),
  disabled: z.boolean(),
  version: z.number().int(),
  role: z.enum(roles),
  unitId: z.string().nullable(),
  unitName: z.string().nullable().optional(),
  /** Also in a zone the signed-in admin does not administer: only its membership here may change. */
  shared: z.boolean().optional(),
  createdAt: z.date(),
});
const auditBody = z.object({
  id: z.string(),
  at: z.date(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export async function systemRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['system'];

  api.get(
    '/api/units',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'Units of the zone',
        querystring: pageQuery.extend({ search: z.string().max(60).optional(), kind: z.enum(unitKinds).optional() }),
        response: { 200: pageOf(unitBody), ...errors },
      },
    },
    async (req) => listUnits(req.ctx.db, requireActor(req.ctx).zoneId, req.query),
  );

  api.post(
    '/api/units',
    {
      config: { action: 'unit.manage' },
      schema: { tags, summary: 'Create a unit', body: unitInput, response: { 200: unitBody, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => createUnit(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );

  api.patch(
    '/api/units/:id',
    {
      config: { action: 'unit.manage' },
      schema: { tags, summary: 'Change a unit', params: idParams, body: unitPatch, response: { 200: unitBody, ...errors } },
    },
    async (req) =>
      req.ctx.write((tx, audit) => updateUnit(tx, audit, requireActor(req.ctx).zoneId, req.params.id, req.body)),
  );

  api.delete(
    '/api/units/:id',
    {
      config: { action: 'unit.manage' },
      schema: { tags, summary: 'Delete an unused unit', params: idParams, response: { 200: okBody, ...errors } },
    },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteUnit(tx, audit, requireActor(req.ctx).zoneId, req.params.id));
      return { ok: true as const };
    },
  );

  api.get(
    '/api/users',
    {
      config: { action: 'user.manage' },
      schema: {
        tags,
        summary: 'Accounts of the zone',
        querystring: pageQuery.extend({
          search: z.string().max(60).optional(),
          role: z.enum(roles).optional(),
          unitId: z.uuid().optional(),
        }),
        response: { 200: pageOf(userBody), ...errors },
      },
    },
    async (req) => listUsers(req.ctx.db, requireActor(req.ctx), req.query),
  );

  api.post(
    '/api/users',
    {
      config: { action: 'user.manage' },
      schema: { tags, summary: 'Create an account in this zone', body: userInput, response: { 200: userBody, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => createUser(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );

  api.patch(
    '/api/users/:id',
    {
      config: { action: 'user.manage' },
      schema: {
        tags,
        summary: 'Change an account: name, role, unit, password, disabled',
        params: idParams,
        body: userPatch,
        response: { 200: userBody, ...errors },
      },
    },
    async (req) =>
      req.ctx.write((tx, audit) => updateUser(tx, audit, requireActor(req.ctx).zoneId, req.params.id, req.body, requireActor(req.ctx))),
  );

  api.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit log, newest first',
        querystring: pageQuery.extend({
          userId: z.uuid().optional(),
          unitId: z.uuid().optional(),
          entity: z.string().max(40).optional(),
          entityId: z.string().max(80).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: { 200: pageOf(auditBody), ...errors },
      },
    },
    async (req) => listAudit(req.ctx.db, requireActor(req.ctx).zoneId, req.query),
  );

  api.get(
    '/api/audit/entities',
    {
      config: { action: 'audit.read' },
      schema: { tags, summary: 'Entity names present in the audit log', response: { 200: z.array(z.string()), ...errors } },
    },
    async (req) => auditEntities(req.ctx.db, requireActor(req.ctx).zoneId),
  );
}
