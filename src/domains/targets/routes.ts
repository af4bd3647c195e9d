// 指标目标 and 填报审核: the catalogue, targets (and their Excel), monthly
// reporting, review and locking, reporting settings, feed tokens and the feed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { figureStates, units } from '../../db/schema';
import { requireActor, writeAudited } from '../../server/context';
import { AppError } from '../../shared/errors';
import { errors, idParams, okBody } from '../../shared/http';
import { version } from '../../shared/input';
import { startJob } from '../../shared/jobs';
import { pageOf, pageQuery } from '../../shared/pagination';
import { authorize, type Actor } from '../../shared/policy';
import { FEED_KEYS } from '../feeds/keys';
import { FEED_SOURCES } from '../feeds/keyTypes';
import {
  allIndicators,
  createIndicator,
  decimalString,
  deleteTarget,
  getSettings,
  indicatorInput,
  indicatorPatch,
  listIndicators,
  listTargets,
  periodString,
  saveSettings,
  settingsUpdate,
  targetUpdate,
  updateIndicator,
  upsertTarget,
} from './catalogue';
import { exportTargets, figureTemplate, importFigures, importTargets } from './imports';
import {
  figureRowInput,
  isLocked,
  listFigures,
  lockInput,
  lockPeriod,
  missingReports,
  reportForm,
  reviewFigures,
  saveFigures,
  saveFiguresInput,
  submitUnit,
  type Writer,
} from './reporting';
import { unreported, unreportedBody, withCheckContext } from './formChecks';
import { createToken, listTokens, revokeToken, tokenInput, touchToken, verifyBearer } from './tokens';
import { reportingDeadline } from './reminders';
import { rawId, scopeOfUnit, type ScopeLoader } from '../../server/scope';
import { dekadFormBody, dekadProgressBody, figurePage, indicatorBody, lockedBody, missingBody, reportFormBody, targetBody, targetPage } from './schemas';
import { dekadForm, dekadProgress, saveDekadFigures, saveDekadInput } from './dekadReporting';

const feedKeyBody = z.object({ key: z.string(), source: z.enum(FEED_SOURCES), zh: z.string(), en: z.string(), measure: z.string() });
const jobStarted = z.object({ jobId: z.string() });
/** Settings as stored: the thresholds are decimal strings already (no input parsing on the way out). */
const settingsBody = z.object({ deadlineDay: z.number(), remindDaysBefore: z.number(), amberPoints: z.string(), redPoints: z.string(), moveWarnPercent: z.string(), version: z.number() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reporterWriter(actor: Actor): Writer {
  return {
    zoneId: actor.zoneId,
    userId: actor.userId,
    authorizeUnit: (unitId) => authorize(actor, 'unitData.write', { unitId }),
    mayCorrect: false,
    source: 'manual',
  };
}

function supervisorWriter(actor: Actor): Writer {
  return { zoneId: actor.zoneId, userId: actor.userId, authorizeUnit: () => authorize(actor, 'unitData.approve'), mayCorrect: true, source: 'manual' };
}

/** Figures of the unit asked for, or (no unit named) of the actor's own; zone-wide roles read every unit. */
const unitInQuery = scopeOfUnit('query');
const scopeOfFigures: ScopeLoader = {
  entity: 'unit',
  load: async (db, actor, req) => (rawId(req, 'query', 'unitId') ? unitInQuery.load(db, actor, req) : { unitId: actor.unitId }),
};
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

async function uploaded(req: { file: () => Promise<{ toBuffer(): Promise<Buffer>; filename: string } | undefined> }) {
  const part = await req.file().catch(() => undefined);
  if (!part) throw new AppError('validation.failed', { fields: 'file' });
  return part.toBuffer();
}

export async function targetsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['targets'];

  // ------------------------------------------------------------ catalogue
  api.get(
    '/api/targets/indicators',
    {
      config: { action: 'zone.read' },
      schema: { tags, summary: 'The indicator catalogue', querystring: pageQuery.extend({ search: z.string().max(60).optional() }), response: { 200: pageOf(indicatorBody), ...errors } },
    },
    async (req) => listIndicators(req.ctx.db, requireActor(req.ctx).zoneId, req.query),
  );
  api.get(
    '/api/feeds/keys',
    {
      config: { action: 'zone.read' },
      schema: { tags, summary: 'The counts a system-filled indicator can be bound to (its feed): key, zh and en label, unit of measure', response: { 200: z.object({ items: z.array(feedKeyBody) }), ...errors } },
    },
    async () => ({ items: [...FEED_KEYS] }),
  );
  api.post(
    '/api/targets/indicators',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Add an indicator', body: indicatorInput, response: { 200: indicatorBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => createIndicator(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );
  api.patch(
    '/api/targets/indicators/:id',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: 'Change an indicator (kind, fill method, progress mode…)', params: idParams, body: indicatorPatch, response: { 200: indicatorBody, ...errors } },
    },
    async (req) => req.ctx.write((tx, audit) => updateIndicator(tx, audit, requireActor(req.ctx).zoneId, req.params.id, req.body)),
  );

  // ------------------------------------------------------------ targets
  api.get(
    '/api/targets/targets',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Annual targets of a year',
        querystring: pageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100), indicatorId: z.uuid().optional(), unitId: z.uuid().optional() }),
        response: { 200: targetPage, ...errors },
      },
    },
    async (req) => listTargets(req.ctx.db, requireActor(req.ctx).zoneId, req.query),
  );
  api.put(
    '/api/targets/targets',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Set one target (unitId null: the zone), with the version read (none yet: 1)', body: targetUpdate, response: { 200: targetBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => upsertTarget(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );
  api.delete(
    '/api/targets/targets/:id',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Remove a target', params: idParams, response: { 200: okBody, ...errors } } },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteTarget(tx, audit, requireActor(req.ctx).zoneId, req.params.id));
      return { ok: true as const };
    },
  );
  api.get(
    '/api/targets/targets/export',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'The year’s targets as xlsx (the import template)', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
    },
    async (req, reply) => {
      const buf = await exportTargets(req.ctx.db, requireActor(req.ctx).zoneId, req.query.year);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`${req.query.year}年目标任务.xlsx`)).send(buf);
    },
  );
  api.post(
    '/api/targets/targets/import',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: 'Import targets from xlsx (all or nothing); returns a job', consumes: ['multipart/form-data'], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: jobStarted, ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const data = await uploaded(req);
      const jobId = await startJob(app.handle.db, actor, 'targets.import', (progress) => importTargets(app.handle.db, actor, req.query.year, data, progress));
      return { jobId };
    },
  );

  // ------------------------------------------------------------ settings
  api.get(
    '/api/targets/settings',
    { config: { action: 'zone.read' }, schema: { tags, summary: 'Reporting deadline, reminders and colour thresholds', response: { 200: settingsBody, ...errors } } },
    async (req) => getSettings(req.ctx.db, requireActor(req.ctx).zoneId),
  );
  api.put(
    '/api/targets/settings',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Change them', body: settingsUpdate, response: { 200: settingsBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => saveSettings(tx, audit, requireActor(req.ctx).zoneId, req.body)),
  );

  // ------------------------------------------------------------ reporting
  const unitPeriod = z.object({ unitId: z.uuid(), period: periodString });
  api.get(
    '/api/targets/report',
    {
      config: { action: 'unitData.read', scope: scopeOfUnit('query') },
      schema: {
        tags,
        summary: 'A unit’s reporting form for a month, with its figures',
        querystring: unitPeriod,
        response: { 200: reportFormBody, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      authorize(actor, 'unitData.read', { unitId: req.query.unitId });
      const form = await reportForm(req.ctx.db, actor.zoneId, req.query.unitId, req.query.period);
      const settings = await getSettings(req.ctx.db, actor.zoneId);
      return { ...form, ...(await withCheckContext(req.ctx.db, actor.zoneId, form)), deadline: reportingDeadline(req.query.period, settings.deadlineDay) };
    },
  );
  api.put(
    '/api/targets/report',
    {
      config: { action: 'unitData.write', scope: scopeOfUnit('body') },
      schema: {
        tags,
        summary: 'Save (or submit) a unit’s figures for a month; a submission passes the reporting checks and lists the indicators still unreported',
        body: saveFiguresInput,
        response: { 200: z.object({ saved: z.number(), unreported: unreportedBody.optional() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const out = await req.ctx.write((tx, audit) => saveFigures(tx, audit, reporterWriter(actor), req.body, { todayIso: req.ctx.today }));
      // A submission answers with what is still unreported (a draft save with nothing more).
      return { saved: out.length, ...(req.body.submit ? { unreported: await unreported(req.ctx.db, actor.zoneId, req.body.unitId, req.body.period) } : {}) };
    },
  );
  api.post(
    '/api/targets/report/submit',
    {
      config: { action: 'unitData.write', scope: scopeOfUnit('body') },
      schema: { tags, summary: 'Submit every draft or returned figure of the unit for the month', body: unitPeriod, response: { 200: z.object({ submitted: z.number(), unreported: unreportedBody }), ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const n = await req.ctx.write((tx, audit) => submitUnit(tx, audit, reporterWriter(actor), req.body.unitId, req.body.period));
      return { submitted: n, unreported: await unreported(req.ctx.db, actor.zoneId, req.body.unitId, req.body.period) };
    },
  );
  api.get(
    '/api/targets/report/template',
    { config: { action: 'unitData.read', scope: scopeOfUnit('query') }, schema: { tags, summary: 'The unit’s xlsx template for the month', querystring: unitPeriod } },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      authorize(actor, 'unitData.read', { unitId: req.query.unitId });
      const buf = await figureTemplate(req.ctx.db, actor.zoneId, req.query.unitId, req.query.period);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`指标填报-${req.query.period}.xlsx`)).send(buf);
    },
  );
  api.post(
    '/api/targets/report/import',
    {
      config: { action: 'unitData.write', scope: scopeOfUnit('query') },
      schema: {
        tags,
        summary: 'Import the unit’s month from the xlsx template (all or nothing); returns a job',
        consumes: ['multipart/form-data'],
        querystring: unitPeriod.extend({ submit: z.enum(['true', 'false']).default('false') }),
        response: { 200: jobStarted, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const writer = reporterWriter(actor);
      writer.authorizeUnit(req.query.unitId);
      const data = await uploaded(req);
      const args = { unitId: req.query.unitId, period: req.query.period, data, submit: req.query.submit === 'true', todayIso: req.ctx.today };
      const jobId = await startJob(app.handle.db, actor, 'targets.report_import', (progress) => importFigures(app.handle.db, writer, args, progress));
      return { jobId };
    },
  );

  // ------------------------------------------------------------ dekads (以旬保月)
  api.get(
    '/api/targets/dekads',
    {
      config: { action: 'unitData.read', scope: scopeOfUnit('query') },
      schema: {
        tags,
        summary: 'A unit’s dekad (旬) figures of a month for its dekad indicators, year to date, with the dekads closed by the zone’s date',
        querystring: unitPeriod,
        response: { 200: dekadFormBody, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      authorize(actor, 'unitData.read', { unitId: req.query.unitId });
      return dekadForm(req.ctx.db, actor.zoneId, req.query.unitId, req.query.period, req.ctx.today);
    },
  );
  api.put(
    '/api/targets/dekads',
    {
      config: { action: 'unitData.write', scope: scopeOfUnit('body') },
      schema: {
        tags,
        summary: 'Save a unit’s year-to-date figures of one closed dekad (all rows or none; a year to date may not fall)',
        body: saveDekadInput,
        response: { 200: z.object({ saved: z.number() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const out = await req.ctx.write((tx, audit) => saveDekadFigures(tx, audit, reporterWriter(actor), req.body, { todayIso: req.ctx.today }));
      return { saved: out.length };
    },
  );
  api.get(
    '/api/cockpit/dekads',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags: ['cockpit'],
        summary: '旬进度: each dekad indicator at the zone’s latest closed dekad (zone year to date, completion, 序时进度); a sum with units missing has no total',
        response: { 200: dekadProgressBody, ...errors },
      },
    },
    async (req) => dekadProgress(req.ctx.db, requireActor(req.ctx).zoneId, req.ctx.today),
  );

  // ------------------------------------------------------------ review and lock
  api.get(
    '/api/targets/figures',
    {
      config: { action: 'unitData.read', scope: scopeOfFigures },
      schema: {
        tags,
        summary: 'Figures of a month (supervisors: all units; others: their unit)',
        querystring: pageQuery.extend({ period: periodString, state: z.enum(figureStates).optional(), unitId: z.uuid().optional(), indicatorId: z.uuid().optional() }),
        response: { 200: figurePage, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const unitId = req.query.unitId ?? (['admin', 'leader', 'supervisor'].includes(actor.role) ? undefined : (actor.unitId ?? undefined));
      authorize(actor, 'unitData.read', { unitId: unitId ?? null });
      const page = await listFigures(req.ctx.db, actor.zoneId, { ...req.query, unitId });
      return { ...page, locked: await isLocked(req.ctx.db, actor.zoneId, req.query.period) };
    },
  );
  api.post(
    '/api/targets/figures/review',
    {
      config: { action: 'unitData.approve' },
      schema: {
        tags,
        summary: 'Approve or return submitted figures',
        body: z.object({ figures: z.array(z.object({ id: z.uuid(), version })).min(1).max(2000), decision: z.enum(['approve', 'return']), reason: z.string().trim().max(500).optional() }),
        response: { 200: z.object({ reviewed: z.number() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return { reviewed: await req.ctx.write((tx, audit) => reviewFigures(tx, audit, actor, req.body, req.ctx.today)) };
    },
  );
  api.post(
    '/api/targets/figures/correct',
    {
      config: { action: 'unitData.approve' },
      schema: {
        tags,
        summary: 'Supervisor’s correction of a unit’s figures (a reason is required once the month is locked)',
        body: z.object({ unitId: z.uuid(), period: periodString, rows: z.array(figureRowInput).min(1).max(500), reason: z.string().trim().max(500).optional() }),
        response: { 200: z.object({ saved: z.number() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const out = await req.ctx.write((tx, audit) =>
        saveFigures(tx, audit, supervisorWriter(actor), { ...req.body, submit: true }, { todayIso: req.ctx.today, state: 'approved', correctionReason: req.body.reason ?? null }),
      );
      return { saved: out.length };
    },
  );
  api.post(
    '/api/targets/periods/:period/lock',
    {
      config: { action: 'unitData.approve' },
      schema: {
        tags,
        summary: 'Lock (publish) a month; with units not all approved, 409 names them unless confirmMissing and a reason are given',
        params: z.object({ period: periodString }),
        body: lockInput.nullish(), // no body: a plain lock
        response: { 200: lockedBody, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return req.ctx.write((tx, audit) => lockPeriod(tx, audit, actor, req.params.period, req.ctx.today, req.body ?? lockInput.parse({})));
    },
  );
  api.get(
    '/api/targets/missing',
    {
      config: { action: 'zoneData.read' },
      schema: {
        tags,
        summary: 'Units that have not submitted a month, with the deadline',
        querystring: z.object({ period: periodString }),
        response: { 200: missingBody, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const settings = await getSettings(req.ctx.db, actor.zoneId);
      const deadline = reportingDeadline(req.query.period, settings.deadlineDay);
      return { period: req.query.period, deadline, overdue: req.ctx.today > deadline, units: await missingReports(req.ctx.db, actor.zoneId, req.query.period) };
    },
  );

  // ------------------------------------------------------------ feed tokens and the feed
  const tokenBody = z.object({ id: z.string(), name: z.string(), unitIds: z.array(z.string()), createdAt: z.date(), lastUsedAt: z.date().nullable(), revokedAt: z.date().nullable() });
  api.get(
    '/api/targets/tokens',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Feed tokens of the zone', response: { 200: z.array(tokenBody), ...errors } } },
    async (req) => listTokens(req.ctx.db, requireActor(req.ctx).zoneId),
  );
  api.post(
    '/api/targets/tokens',
    {
      config: { action: 'config.write' },
      schema: { tags, summary: 'Create a feed token (its secret is shown once)', body: tokenInput, response: { 200: tokenBody.extend({ token: z.string() }), ...errors } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return req.ctx.write((tx, audit) => createToken(tx, audit, actor, req.body));
    },
  );
  api.delete(
    '/api/targets/tokens/:id',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Revoke a feed token', params: idParams, response: { 200: tokenBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => revokeToken(tx, audit, requireActor(req.ctx).zoneId, req.params.id)),
  );
  api.post(
    '/api/targets/feed',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Figures from another system (Authorization: Bearer <token>): a unit’s figures, or zone figures when unitCode is absent; they arrive submitted',
        body: z.object({
          period: periodString,
          unitCode: z.string().trim().max(32).optional(),
          figures: z.array(z.object({ indicatorCode: z.string().trim().min(1).max(40), value: decimalString, prevYear: decimalString.nullable().default(null), note: z.string().trim().max(500).default('') })).min(1).max(500),
        }),
        response: { 200: z.object({ saved: z.number() }), ...errors },
      },
    },
    async (req) => {
      const token = await verifyBearer(app.handle.db, req.headers.authorization);
      const inds = await allIndicators(app.handle.db, token.zoneId);
      const byCode = new Map(inds.map((i) => [i.code, i]));
      let unitId: string | null = null;
      if (req.body.unitCode) {
        const [u] = await app.handle.db.select({ id: units.id }).from(units).where(and(eq(units.zoneId, token.zoneId), eq(units.code, req.body.unitCode)));
        if (!u) throw new AppError('not_found', { entity: req.body.unitCode });
        unitId = u.id;
      }
      // Rows grouped by the unit that answers for them: the named unit, or each zone figure's reporting unit.
      const groups = new Map<string, z.infer<typeof figureRowInput>[]>();
      for (const f of req.body.figures) {
        const ind = byCode.get(f.indicatorCode);
        if (!ind) throw new AppError('targets.indicator_unknown', { code: f.indicatorCode });
        const owner = unitId ?? ind.zoneUnitId;
        if (!owner) throw new AppError('targets.zone_level', { name: ind.name, unit: '—' });
        groups.set(owner, [...(groups.get(owner) ?? []), { indicatorId: ind.id, value: f.value, prevYear: f.prevYear, note: f.note, fileIds: [] }]);
      }
      const writer: Writer = {
        zoneId: token.zoneId,
        userId: null,
        authorizeUnit: (u) => {
          if (token.unitIds.length && !token.unitIds.includes(u)) throw new AppError('targets.token_unit', { unit: req.body.unitCode ?? u });
        },
        mayCorrect: false,
        source: 'feed',
        sourceName: token.name,
      };
      const saved = await writeAudited(app.handle.db, { zoneId: token.zoneId, userId: null }, req.ip, async (tx, audit) => {
        let n = 0;
        for (const [owner, rows] of groups) {
          n += (await saveFigures(tx, audit, writer, { unitId: owner, period: req.body.period, rows, submit: true }, { todayIso: req.ctx.today })).length;
        }
        await touchToken(tx, token.id);
        return n;
      });
      return { saved };
    },
  );
}
