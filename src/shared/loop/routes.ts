// Generic closed-loop routes: list, open, act on, and comment on any item the
// actor may see. Raising happens in the domain that owns the subject.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loopKinds } from '../../db/schema';
import { requireActor } from '../policy';
import { errors, idParams, isoDate } from '../http';
import { version } from '../input';
import { pageOf, pageQuery } from '../pagination';
import { LOOP_ACTIONS, LOOP_EVENT_ACTIONS, LOOP_STATES } from './machine';
import { actOnItem, addNote, afterLoopAction, assertDeadlineAhead, assertGenericMove, getItem, listItems } from './store';
import { notifyAssigned } from '../notifyEvents';

const lightEnum = z.enum(['green', 'amber', 'red', 'done']);
export const loopItemBody = z.object({
  id: z.string(),
  kind: z.enum(loopKinds),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  category: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  state: z.enum(LOOP_STATES),
  raisedBy: z.string().nullable(),
  raisedUnitId: z.string().nullable(),
  assigneeUnitId: z.string().nullable(),
  supportingUnitIds: z.array(z.string()),
  deadline: z.string().nullable(),
  amberDays: z.number(),
  escalation: z.number(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
  light: lightEnum,
});
export const eventBody = z.object({
  id: z.string(),
  action: z.enum(LOOP_EVENT_ACTIONS),
  fromState: z.enum(LOOP_STATES).nullable(),
  toState: z.enum(LOOP_STATES).nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  assigneeUnitId: z.string().nullable(),
  deadline: z.string().nullable(),
  fileIds: z.array(z.string()),
  at: z.date(),
});
/** A loop event as a domain's own page shows it (its history), without the ids behind the names. */
export const eventView = eventBody.omit({ actorId: true, assigneeUnitId: true });
export const actBody = z.object({
  action: z.enum(LOOP_ACTIONS),
  reason: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(4000).optional(),
  assigneeUnitId: z.uuid().optional(),
  deadline: isoDate.optional(),
  fileIds: z.array(z.uuid()).max(20).optional(),
  version,
});

export async function loopRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['closed loop'];

  api.get(
    '/api/loop/items',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'Closed-loop items the user may see (problems, tasks, hazards, appeals), with warning lights',
        querystring: pageQuery.extend({
          kind: z.enum(loopKinds).optional(),
          state: z.enum(LOOP_STATES).optional(),
          open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          unitId: z.uuid().optional(),
          subjectType: z.string().max(40).optional(),
          subjectId: z.uuid().optional(),
          q: z.string().max(100).optional(),
          light: lightEnum.optional(),
        }),
        response: { 200: pageOf(loopItemBody.extend({ assigneeName: z.string().nullable() })), ...errors },
      },
    },
    async (req) => listItems(req.ctx.db, requireActor(req.ctx), req.query, req.ctx.today),
  );

  api.get(
    '/api/loop/items/:id',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'One item with its history and the actions open to the user',
        params: idParams,
        response: {
          200: z.object({
            item: loopItemBody,
            events: z.array(eventBody),
            allowedActions: z.array(z.object({ action: z.enum(LOOP_ACTIONS), requires: z.array(z.string()) })),
          }),
          ...errors,
        },
      },
    },
    async (req) => getItem(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );

  api.post(
    '/api/loop/items/:id/actions',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'Move an item along the loop: assign (交办), accept, report done, verify (销号), return, close, reopen',
        params: idParams,
        body: actBody,
        response: { 200: loopItemBody, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await assertGenericMove(req.ctx.db, actor, req.params.id);
      if (req.body.action === 'assign' || req.body.action === 'reopen') assertDeadlineAhead(req.body.deadline, req.ctx.today);
      const item = await req.ctx.write(async (tx, audit) => {
        const it = await actOnItem(tx, audit, actor, req.params.id, req.body, req.ctx.clock());
        await afterLoopAction(tx, audit, it, req.body.action, req.ctx.today);
        // 交办 reaches the assigned unit, in-app and on its group robot.
        if (req.body.action === 'assign' || req.body.action === 'reopen') await notifyAssigned(tx, it, req.ctx.today);
        return it;
      });
      return { ...item, light: (await getItem(req.ctx.db, actor, item.id, req.ctx.today)).item.light };
    },
  );

  api.post(
    '/api/loop/items/:id/notes',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'Add a progress note with evidence (assignee or supporting unit)',
        params: idParams,
        body: z.object({ note: z.string().trim().min(1).max(4000), fileIds: z.array(z.uuid()).max(20).optional() }),
        response: { 200: eventBody.omit({ actorName: true, unitName: true }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await assertGenericMove(req.ctx.db, actor, req.params.id);
      return req.ctx.write((tx, audit) => addNote(tx, audit, actor, req.params.id, req.body.note, req.body.fileIds ?? [], req.ctx.clock()));
    },
  );
}
