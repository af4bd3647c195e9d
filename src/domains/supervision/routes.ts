// Supervision (督查督办) routes: settings, documents and the task breakdown,
// task lists and views, progress, delays, requests and decisions, notices.
// Loop moves (accept, report done, verify/close, return) use /api/loop/items.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestKinds, supervisionDocumentKinds, taskCadences, taskOrigins, taskPriorities } from '../../db/schema';
import { requireActor } from '../../server/context';
import { errors, idParams, isoDate } from '../../shared/http';
import { version } from '../../shared/input';
import { LOOP_ACTIONS, LOOP_STATES } from '../../shared/loop/machine';
import { eventView } from '../../shared/loop/routes';
import { notifyAssignedSubjects } from '../../shared/notifyEvents';
import { pageOf, pageQuery } from '../../shared/pagination';
import { checkIssued, confirmInput, confirmItems, createDocument, documentInput, draftOf, getDocument, listDocuments, SUBJECT_TYPE } from './documents';
import { announceNotice, issueNotice, noticeDocument, noticeInput } from './notices';
import { getSettings, saveSettings, settingsInput } from './settings';
import {
  decideRequest,
  decisionInput,
  explainDelay,
  getTask,
  GROUPINGS,
  listTasks,
  makeRequest,
  pendingRequests,
  progressInput,
  reportProgress,
  requestInput,
  STANDINGS,
  summary,
} from './tasks';
import { scopeOfTask } from './tasks';

const num = z.string().nullable();
const lightEnum = z.enum(['green', 'amber', 'red', 'done']);
const quantityBody = z.object({ value: z.number(), unit: z.string(), label: z.string(), atLeast: z.boolean(), upTo: z.number().optional(), aspirational: z.boolean().optional() });
const draftItemBody = z.object({
  kind: z.enum(['task', 'result']),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  units: z.array(z.string()),
  unitIds: z.array(z.string()),
  deadline: z.string().nullable(),
  deadlinePhrase: z.string().optional(),
  quantities: z.array(quantityBody),
  project: z.object({ name: z.string(), investment: z.object({ value: z.number(), unit: z.string() }) }).nullable(),
  indicator: z.string().optional(),
  yoy: z.number().optional(),
  period: z.string().optional(),
  lead: z.string().nullable().optional(),
  supporting: z.array(z.string()).optional(),
  leader: z.string().nullable().optional(),
  leadUnitId: z.string().nullable(),
  supportingUnitIds: z.array(z.string()),
  leaderName: z.string().nullable(),
  duplicateOf: z.object({ id: z.string(), text: z.string(), similarity: z.number() }).nullable(),
  rules: z.array(z.string()),
});
const draftBody = z.object({ year: z.number().nullable(), items: z.array(draftItemBody), ms: z.number() });
const documentBody = z.object({ id: z.string(), title: z.string(), kind: z.enum(supervisionDocumentKinds), year: z.number(), issuedOn: z.string().nullable(), body: z.string(), createdAt: z.date() });
const spanBody = z.object({ id: z.string(), start: z.number().nullable(), end: z.number().nullable(), text: z.string() });
export const taskBody = z.object({
  id: z.string(),
  loopItemId: z.string(),
  documentId: z.string().nullable(),
  sourceStart: z.number().nullable(),
  sourceEnd: z.number().nullable(),
  origin: z.enum(taskOrigins),
  text: z.string(),
  leadUnitId: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  supportingUnitIds: z.array(z.string()),
  leaderName: z.string().nullable(),
  campaign: z.string().nullable(),
  priority: z.enum(taskPriorities),
  cadence: z.enum(taskCadences),
  deadline: z.string().nullable(),
  state: z.enum(LOOP_STATES),
  version: z.number(),
  light: lightEnum,
  standing: z.enum(STANDINGS),
  quantityTarget: num,
  quantityUnit: z.string().nullable(),
  quantityLabel: z.string().nullable(),
  atLeast: z.boolean(),
  percent: num,
  reached: num,
  slipCount: z.number(),
  longTerm: z.boolean(),
  explained: z.boolean(),
  lastReportAt: z.date().nullable(),
  reportDue: z.boolean(),
  closedAt: z.date().nullable(),
});
const fileBody = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.date() });
const progressBody = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  authorName: z.string().nullable(),
  role: z.enum(['lead', 'supporting']),
  period: z.string(),
  body: z.string(),
  percent: num,
  reached: num,
  files: z.array(fileBody),
  createdAt: z.date(),
});
const delayBody = z.object({ id: z.string(), taskId: z.string(), missedDeadline: z.string(), reason: z.string().nullable(), reasonAt: z.date().nullable(), createdAt: z.date(), version: z.number() });
const requestBody = z.object({
  id: z.string(),
  taskId: z.string(),
  kind: z.enum(requestKinds),
  body: z.string(),
  proposedText: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string().nullable().optional(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decisionNote: z.string().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.number(),
});
const noticeBody = z.object({
  id: z.string(),
  taskId: z.string(),
  year: z.number(),
  seq: z.number(),
  number: z.string(),
  unitId: z.string(),
  requirements: z.string(),
  requiredBy: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  createdAt: z.date(),
});
const countsBody = z.object({ total: z.number(), onTime: z.number(), amber: z.number(), late: z.number(), closed: z.number() });
const taskFilter = z.object({
  unitId: z.uuid().optional(),
  leader: z.string().max(40).optional(),
  campaign: z.string().max(60).optional(),
  origin: z.enum(taskOrigins).optional(),
  documentId: z.uuid().optional(),
  state: z.enum(LOOP_STATES).optional(),
  priority: z.enum(taskPriorities).optional(),
  q: z.string().max(100).optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});

export async function supervisionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];

  api.get(
    '/api/supervision/settings',
    { config: { action: 'zone.read' }, schema: { tags, summary: 'Amber lead time, notice number prefix, issuing office, group-robot webhook', response: { 200: settingsInput, ...errors } } },
    async (req) => {
      const s = await getSettings(req.ctx.db as never, requireActor(req.ctx).zoneId);
      // The webhook address is a secret of the zone's configuration.
      return requireActor(req.ctx).role === 'supervisor' || requireActor(req.ctx).role === 'admin' ? s : { ...s, webhookUrl: null };
    },
  );
  api.put(
    '/api/supervision/settings',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Change the supervision settings', body: settingsInput, response: { 200: settingsInput, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => saveSettings(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );

  api.post(
    '/api/supervision/extract',
    {
      config: { action: 'unitData.approve' },
      schema: {
        tags,
        summary: 'Run the extractor on a text: a draft task list with deadlines, quantities, projects and units (nothing is stored)',
        body: z.object({ text: z.string().min(1).max(500_000), year: z.number().int().min(2000).max(2100).optional(), date: isoDate.optional() }),
        response: { 200: draftBody, ...errors },
      },
    },
    async (req) => {
      const { text, year, date } = req.body;
      checkIssued(date, year, req.ctx.today);
      return draftOf(req.ctx.db, requireActor(req.ctx).zoneId, text, { year, date });
    },
  );

  api.get(
    '/api/supervision/documents',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'Source documents, newest first', querystring: pageQuery, response: { 200: pageOf(documentBody.omit({ body: true }).extend({ taskCount: z.number() })), ...errors } } },
    async (req) => listDocuments(req.ctx.db, requireActor(req.ctx), req.query),
  );
  api.post(
    '/api/supervision/documents',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Store a speech, report or pledges (pasted text, or an uploaded .txt/.docx) and get its draft', body: documentInput, response: { 200: z.object({ document: documentBody, draft: draftBody }), ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const doc = await req.ctx.write((tx, audit) => createDocument(tx, audit, actor, req.body, req.ctx.today));
      return { document: doc, draft: await draftOf(req.ctx.db, actor.zoneId, doc.body, { year: doc.year, date: doc.issuedOn }) };
    },
  );
  api.get(
    '/api/supervision/documents/:id',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'A document with its draft and the spans already confirmed', params: idParams, response: { 200: z.object({ document: documentBody, draft: draftBody, confirmed: z.array(spanBody), results: z.array(spanBody) }), ...errors } },
    },
    async (req) => getDocument(req.ctx.db, requireActor(req.ctx), req.params.id),
  );
  api.post(
    '/api/supervision/documents/:id/confirm',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Confirm reviewed items: all become tasks (assigned on the closed loop) or reported figures, or none do', params: idParams, body: confirmInput, response: { 200: z.object({ tasks: z.array(z.string()), results: z.array(z.string()) }), ...errors } },
    },
    async (req) =>
      req.ctx.write(async (tx, audit) => {
        const created = await confirmItems(tx, audit, requireActor(req.ctx), req.params.id, req.body.items, req.ctx.clock());
        // The new tasks are assigned (交办): their lead units hear of it.
        await notifyAssignedSubjects(tx, requireActor(req.ctx).zoneId, SUBJECT_TYPE, created.tasks, req.ctx.today);
        return created;
      }),
  );

  api.get(
    '/api/supervision/tasks',
    {
      config: { action: 'zone.read' },
      schema: { tags, summary: 'Tasks the user may see, with lights and standing (on time, amber, late, closed)', querystring: pageQuery.extend(taskFilter.shape).extend({ standing: z.enum(STANDINGS).optional() }), response: { 200: pageOf(taskBody), ...errors } },
    },
    async (req) => listTasks(req.ctx.db, requireActor(req.ctx), req.query, req.ctx.today),
  );
  api.get(
    '/api/supervision/summary',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'Counts on time / amber / late / closed by unit, leader, campaign or deadline month',
        querystring: taskFilter.extend({ by: z.enum(GROUPINGS).default('unit') }),
        response: { 200: z.object({ by: z.enum(GROUPINGS), groups: z.array(countsBody.extend({ key: z.string().nullable(), label: z.string().nullable() })), totals: countsBody }), ...errors },
      },
    },
    async (req) => {
      const { by, ...f } = req.query;
      return summary(req.ctx.db, requireActor(req.ctx), by, f, req.ctx.today);
    },
  );
  api.get(
    '/api/supervision/tasks/:id',
    {
      config: { action: 'zone.read' },
      schema: {
        tags,
        summary: 'One task: source sentence, progress, delays, requests, notices, loop history and what the user may do',
        params: idParams,
        response: {
          200: z.object({
            task: taskBody,
            supportingUnits: z.array(z.object({ id: z.string(), name: z.string() })),
            source: z.object({ documentId: z.string(), title: z.string(), before: z.string(), text: z.string(), after: z.string() }).nullable(),
            progress: z.array(progressBody),
            delays: z.array(delayBody),
            requests: z.array(requestBody),
            notices: z.array(noticeBody),
            events: z.array(eventView),
            allowedActions: z.array(z.object({ action: z.enum(LOOP_ACTIONS), requires: z.array(z.string()) })),
            can: z.object({ report: z.boolean(), explainDelay: z.boolean(), request: z.boolean(), issueNotice: z.boolean(), decide: z.boolean() }),
          }),
          ...errors,
        },
      },
    },
    async (req) => getTask(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today),
  );
  api.post(
    '/api/supervision/tasks/:id/progress',
    {
      config: { action: 'unitData.write', scope: scopeOfTask },
      schema: { tags, summary: 'Report progress (lead or supporting unit): text, percent or quantity reached, attachments from /api/files', params: idParams, body: progressInput, response: { 200: progressBody.omit({ unitName: true, authorName: true, files: true }).extend({ fileIds: z.array(z.string()) }), ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => reportProgress(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())),
  );
  api.post(
    '/api/supervision/tasks/:id/delay-reason',
    {
      config: { action: 'unitData.write', scope: scopeOfTask },
      schema: { tags, summary: 'The lead unit records why a late task missed its deadline (with the version of that deadline’s delay read; none yet: 1)', params: idParams, body: z.object({ reason: z.string().trim().min(1).max(2000), version }), response: { 200: delayBody, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => explainDelay(tx, audit, requireActor(req.ctx), req.params.id, req.body.reason, req.body.version, req.ctx.clock())),
  );
  api.post(
    '/api/supervision/tasks/:id/requests',
    {
      config: { action: 'unitData.write', scope: scopeOfTask },
      schema: { tags, summary: 'Ask the supervisor to reword the task, accept an explanation, or follow it up long-term', params: idParams, body: requestInput, response: { 200: requestBody, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => makeRequest(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())),
  );
  api.get(
    '/api/supervision/requests',
    { config: { action: 'zone.read' }, schema: { tags, summary: 'Requests waiting for a decision', querystring: pageQuery, response: { 200: pageOf(requestBody.extend({ taskText: z.string() })), ...errors } } },
    async (req) => pendingRequests(req.ctx.db, requireActor(req.ctx), req.query),
  );
  api.post(
    '/api/supervision/requests/:id/decision',
    { config: { action: 'unitData.approve' }, schema: { tags, summary: 'Approve or reject a request; the decision and its note are kept', params: idParams, body: decisionInput, response: { 200: requestBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => decideRequest(tx, audit, requireActor(req.ctx), req.params.id, req.body, req.ctx.clock())),
  );
  api.post(
    '/api/supervision/tasks/:id/notices',
    { config: { action: 'unitData.approve' }, schema: { tags, summary: 'Issue a supervision notice (督办单) on a late task', params: idParams, body: noticeInput, response: { 200: noticeBody, ...errors } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      const n = await req.ctx.write((tx, audit) => issueNotice(tx, audit, actor, req.params.id, req.body, req.ctx.clock()));
      const { task } = await getTask(req.ctx.db, actor, req.params.id, req.ctx.today);
      await announceNotice(req.ctx.db, actor.zoneId, n, task.text);
      return n;
    },
  );
  api.get(
    '/api/supervision/notices/:id/docx',
    { config: { action: 'zone.read' }, schema: { tags, summary: 'The supervision notice as a Word document (official layout)', params: idParams } },
    async (req, reply) => {
      const { file, name } = await noticeDocument(req.ctx.db, requireActor(req.ctx), req.params.id, req.ctx.today);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(file);
    },
  );
}
