// 领导批示: a leader writes one (the leader's one write); everybody lists those they
// may see — on an object, the leader's own (我的批示), a unit's to-do. Signing,
// reporting and closing go through the generic loop routes (/api/loop/items/:id/…).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { instructionSubjects } from '../../db/schema';
import { requireActor } from '../../server/context';
import { errors } from '../../shared/http';
import { LOOP_ACTIONS, LOOP_STATES } from '../../shared/loop/machine';
import { onLoopAction } from '../../shared/loop/store';
import { notifyAssigned } from '../../shared/notifyEvents';
import { pageOf, pageQuery } from '../../shared/pagination';
import { instructionInput, instructionMoved, listInstructions, writeInstruction } from './service';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const instructionBody = z.object({
  id: z.string(),
  itemId: z.string(),
  subjectType: z.enum(instructionSubjects),
  subjectId: z.string(),
  subjectTitle: z.string(),
  period: z.string().nullable(),
  text: z.string(),
  leaderId: z.string(),
  leaderName: z.string(),
  leadUnitId: z.string().nullable(),
  leadUnitName: z.string(),
  supportingUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  deadline: z.string().nullable(),
  state: z.enum(LOOP_STATES),
  light: z.enum(['green', 'amber', 'red', 'done']),
  overdueDays: z.number().int(),
  writtenOn: z.string(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
  /** The loop actions open to the signed-in user (签收 accept, 落实反馈 report_done, 办结 verify…). */
  actions: z.array(z.enum(LOOP_ACTIONS)),
});

export async function instructionRoutes(app: FastifyInstance) {
  // The zone's date of 办结 is kept beside the item whenever it moves.
  onLoopAction('instruction', instructionMoved);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['instructions'];

  api.get(
    '/api/instructions',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'Instructions (领导批示) the user may see: on one object, the leader’s own (mine), or the unit’s open ones (todo)',
        querystring: pageQuery.extend({
          subjectType: z.enum(instructionSubjects).optional(),
          subjectId: z.uuid().optional(),
          period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period.month').optional(),
          mine: flag.optional(),
          todo: flag.optional(),
        }),
        response: { 200: pageOf(instructionBody), ...errors },
      },
    },
    async (req) => listInstructions(req.ctx.db, requireActor(req.ctx), req.query, req.ctx.today),
  );

  api.post(
    '/api/instructions',
    {
      config: { action: 'instruction.write' },
      schema: {
        tags,
        summary: 'A leader writes an instruction on a bulletin, an indicator of a month, a project problem or an appeal; assigned at once to the lead unit',
        body: instructionInput,
        response: { 200: z.object({ id: z.string(), itemId: z.string() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { instruction, item } = await req.ctx.write(async (tx, audit) => {
        const done = await writeInstruction(tx, audit, actor, req.body, req.ctx.clock());
        await notifyAssigned(tx, done.item, req.ctx.today);
        return done;
      });
      return { id: instruction.id, itemId: item.id };
    },
  );
}
