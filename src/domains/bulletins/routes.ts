// 通报: draft (a background job), read, edit, publish (frozen), download Word/Excel, settings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/context';
import { errors, idParams, okBody } from '../../shared/http';
import { versionBody } from '../../shared/input';
import { startJob } from '../../shared/jobs';
import { pageOf, pageQuery } from '../../shared/pagination';
import { getSettings, settingsInput, type BulletinContent } from './data';
import { bulletinCharts } from './docx';
import {
  deleteBulletin,
  downloadBulletin,
  draftBulletin,
  draftInput,
  editInput,
  getBulletin,
  listBulletins,
  publishBulletin,
  resolvePeriod,
  saveSettings,
  updateBulletin,
  type BulletinRow,
} from './service';
import { bulletinBody, listItem, settingsBody } from './schemas';

const toBody = (b: BulletinRow) => ({ ...b, content: b.content as BulletinContent });
const formats = z.object({ format: z.enum(['docx', 'xlsx']) });

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function bulletinRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bulletins'];

  api.get(
    '/api/bulletins',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'Bulletins, newest first (reporters and viewers see published ones only)', querystring: pageQuery, response: { 200: pageOf(listItem), ...errors } },
    },
    async (req) => listBulletins(req.ctx.db, requireActor(req.ctx), req.query),
  );

  api.post(
    '/api/bulletins',
    {
      config: { action: 'unitData.approve' },
      schema: {
        tags,
        summary: 'Draft a bulletin for a period (YYYY-MM | YYYY-Qn | YYYY-Hn | YYYY) or a campaign; poll GET /api/jobs/:id, whose result names the bulletin',
        body: draftInput,
        response: { 200: z.object({ jobId: z.string() }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      // A bad period or campaign is refused here, before any job starts.
      await resolvePeriod(req.ctx.db, actor.zoneId, req.body, req.ctx.today);
      const jobId = await startJob(app.handle.db, actor, 'bulletins.draft', (progress) => draftBulletin(app.handle.db, actor, req.body, req.ctx.clock, progress));
      return { jobId };
    },
  );

  api.get(
    '/api/bulletins/settings',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'The issuing office and the lead paragraph’s figures', response: { 200: settingsBody, ...errors } } },
    async (req) => getSettings(req.ctx.db, requireActor(req.ctx).zoneId),
  );

  api.put(
    '/api/bulletins/settings',
    { config: { action: 'config.write' }, schema: { tags, summary: 'Set the issuing office and the lead paragraph’s figures', body: settingsInput, response: { 200: settingsBody, ...errors } } },
    async (req) => req.ctx.write((tx, audit) => saveSettings(tx, audit, requireActor(req.ctx), req.body)),
  );

  api.get(
    '/api/bulletins/:id',
    { config: { action: 'zoneData.read' }, schema: { tags, summary: 'One bulletin with its text, tables and figures', params: idParams, response: { 200: bulletinBody, ...errors } } },
    async (req) => toBody(await getBulletin(req.ctx.db, requireActor(req.ctx), req.params.id)),
  );

  api.get(
    '/api/bulletins/:id/charts',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'The bulletin’s charts as SVG, rendered on the server as in the Word file', params: idParams, response: { 200: z.array(z.object({ title: z.string(), svg: z.string() })), ...errors } },
    },
    async (req) => bulletinCharts((await getBulletin(req.ctx.db, requireActor(req.ctx), req.params.id)).content as BulletinContent),
  );

  api.put(
    '/api/bulletins/:id',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Edit a draft’s title, number, lead paragraph, 下步工作要求 and 版记 (抄送, 印发机关, 印发日期)', params: idParams, body: editInput, response: { 200: bulletinBody, ...errors } },
    },
    async (req) => toBody(await req.ctx.write((tx, audit) => updateBulletin(tx, audit, requireActor(req.ctx), req.params.id, req.body))),
  );

  api.delete(
    '/api/bulletins/:id',
    { config: { action: 'unitData.approve' }, schema: { tags, summary: 'Delete a draft', params: idParams, response: { 200: okBody, ...errors } } },
    async (req) => {
      await req.ctx.write((tx, audit) => deleteBulletin(tx, audit, requireActor(req.ctx), req.params.id));
      return { ok: true as const };
    },
  );

  api.post(
    '/api/bulletins/:id/publish',
    {
      config: { action: 'unitData.approve' },
      schema: { tags, summary: 'Publish: the text is frozen and the Word and Excel files are kept', params: idParams, body: versionBody, response: { 200: bulletinBody, ...errors } },
    },
    async (req) => toBody(await req.ctx.write((tx, audit) => publishBulletin(tx, audit, requireActor(req.ctx), req.params.id, req.ctx.clock(), req.body.version))),
  );

  api.get(
    '/api/bulletins/:id/download',
    {
      config: { action: 'zoneData.read' },
      schema: { tags, summary: 'The bulletin as Word (GB/T 9704 layout) or Excel (the same tables)', params: idParams, querystring: formats, response: { 200: z.unknown().describe('the .docx or .xlsx file'), ...errors } },
    },
    async (req, reply) => {
      const file = await downloadBulletin(req.ctx.db, requireActor(req.ctx), req.params.id, req.query.format, req.ctx.today);
      return reply
        .header('content-type', MIME[req.query.format])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(Buffer.from(file.data));
    },
  );
}
